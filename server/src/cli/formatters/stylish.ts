/**
 * `--format stylish` (default): findings grouped per file, each line starting `file:line:column` so
 * terminals and editors can jump to it, then a summary. Colours only when asked for (a terminal).
 */
import type { Finding } from '../findings';
import type { Formatter, FormatterContext, Summary } from './index';

const SEVERITY_COLOUR: Record<Finding['severity'], string> = { error: '31', warning: '33', info: '36', hint: '2' };

export function stylishFormatter(context: FormatterContext): Formatter {
  const paint = (code: string, text: string) => (context.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  let printed = 0;
  return {
    begin: () => '',
    // A line at a time, as it is written: a file's 100,000 findings are never one string.
    *file({ file, findings }) {
      if (findings.length === 0) return;
      yield `${printed++ > 0 ? '\n' : ''}${paint('4', file)}\n`;
      for (const f of findings) {
        yield `  ${file}:${f.line}:${f.column}  ${paint(SEVERITY_COLOUR[f.severity], f.severity.padEnd(7))}  ${f.message}  ${paint('2', f.ruleId)}\n`;
      }
    },
    end: (summary) => summaryLines(summary, context, paint, printed > 0),
  };
}

function summaryLines(s: Summary, context: FormatterContext, paint: (code: string, text: string) => string, anyPrinted: boolean): string {
  const files = plural(s.files, 'file');
  const total = s.errors + s.warnings + s.infos;
  const lines: string[] = [];
  if (anyPrinted) lines.push('');
  if (total === 0) lines.push(`No problems found in ${files}.`);
  else {
    const text = `${plural(total, 'problem')} (${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${s.infos} info) in ${files}.`;
    lines.push(paint(s.errors > 0 ? '1;31' : '1;33', text));
    if (s.fixable > 0 && !context.fixing) lines.push(`${s.fixable} of them can be fixed with --fix.`);
  }
  if (s.fixedFiles > 0) lines.push(`Fixed ${plural(s.fixedFiles, 'file')}.`);
  if (s.inBaseline > 0) lines.push(`${plural(s.inBaseline, 'known problem')} in the baseline not shown.`);
  return lines.join('\n') + '\n';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
