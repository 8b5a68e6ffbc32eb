/**
 * `--format junit`: JUnit XML, which Jenkins, GitLab, Azure Pipelines and CircleCI show as test results. One
 * testsuite per file linted, one failing testcase per finding (named after the rule, the message and the
 * position in the failure), and a single passing testcase for a clean file, so every linted file shows up.
 * Written at the end: the root element carries the totals.
 */
import type { Finding } from '../findings';
import { relativePosix } from '../paths';
import type { Formatter, FormatterContext } from './index';

export function junitFormatter(context: FormatterContext): Formatter {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  return {
    begin: () => '',
    file: ({ absolute, findings }) => {
      const name = relativePosix(context.cwd, absolute) ?? absolute;
      const cases =
        findings.length > 0
          ? findings.map((f) => failingCase(name, f))
          : [`    <testcase name="http-status-lens" classname="${xml(name)}" time="0"/>\n`];
      tests += cases.length;
      failures += findings.length;
      suites.push(
        `  <testsuite name="${xml(name)}" tests="${cases.length}" failures="${findings.length}" errors="0" skipped="0" time="0">\n${cases.join('')}  </testsuite>\n`,
      );
      return '';
    },
    end: () =>
      `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="http-status-lens" tests="${tests}" failures="${failures}" errors="0" time="0">\n${suites.join('')}</testsuites>\n`,
  };
}

function failingCase(file: string, f: Finding): string {
  const where = `${file}:${f.line}:${f.column}`;
  return (
    `    <testcase name="${xml(`${f.ruleId} at ${f.line}:${f.column}`)}" classname="${xml(file)}" time="0">\n` +
    `      <failure type="${f.severity}" message="${xml(f.message)}">${xml(`${where}: ${f.severity}: ${f.message} (${f.ruleId})`)}</failure>\n` +
    `    </testcase>\n`
  );
}

/** Text for an XML attribute or element; characters XML 1.0 cannot hold at all are dropped. */
function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;');
}
