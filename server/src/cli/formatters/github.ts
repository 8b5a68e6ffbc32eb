/**
 * `--format github`: GitHub Actions workflow commands, which the runner turns into annotations on the
 * pull request: `::warning file=F,line=L,col=C,endLine=L,endColumn=C,title=RULE::MESSAGE`. Paths are
 * relative to the checkout (GITHUB_WORKSPACE) when it is set, so a run from a subdirectory annotates too.
 */
import type { Finding } from '../findings';
import { relativePosix } from '../paths';
import type { Formatter, FormatterContext } from './index';

const COMMAND: Record<Finding['severity'], string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

export function githubFormatter(context: FormatterContext): Formatter {
  const base = context.env.GITHUB_WORKSPACE || context.cwd;
  return {
    begin: () => '',
    // A command at a time, as it is written: a file's 100,000 findings are never one string.
    *file({ absolute, findings }) {
      for (const f of findings) {
        const properties = [
          `file=${relativePosix(base, absolute) ?? absolute}`,
          `line=${f.line}`,
          `col=${f.column}`,
          `endLine=${f.endLine}`,
          `endColumn=${f.endColumn}`,
          `title=${f.ruleId}`,
        ]
          .map((p) => escapeProperty(p))
          .join(',');
        yield `::${COMMAND[f.severity]} ${properties}::${escapeData(f.message)}\n`;
      }
    },
    end: () => '',
  };
}

/** Workflow command data: %, CR and LF are escaped. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A `name=value` property: the value also escapes ':' and ','. */
function escapeProperty(property: string): string {
  const equals = property.indexOf('=');
  return (
    property.slice(0, equals + 1) +
    escapeData(property.slice(equals + 1))
      .replace(/:/g, '%3A')
      .replace(/,/g, '%2C')
  );
}
