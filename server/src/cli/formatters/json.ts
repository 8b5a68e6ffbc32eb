/** `--format json`: the findings as one array (DESIGN.md's contract), written out as files come in. */
import type { Formatter } from './index';

export function jsonFormatter(): Formatter {
  let first = true;
  return {
    begin: () => '[',
    file: ({ findings }) =>
      findings
        .map((finding) => {
          // Exactly what JSON.stringify(allFindings, null, 2) prints, one element at a time.
          const text = (first ? '\n' : ',\n') + JSON.stringify(finding, null, 2).replace(/^/gm, '  ');
          first = false;
          return text;
        })
        .join(''),
    end: () => (first ? ']\n' : '\n]\n'),
  };
}
