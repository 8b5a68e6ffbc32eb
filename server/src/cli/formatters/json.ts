/** `--format json`: the findings as one array (DESIGN.md's contract), written out as files come in. */
import type { Formatter } from './index';

export function jsonFormatter(): Formatter {
  let first = true;
  return {
    begin: () => '[',
    // Exactly what JSON.stringify(allFindings, null, 2) prints, one element at a time, as it is written.
    *file({ findings }) {
      for (const finding of findings) {
        yield (first ? '\n' : ',\n') + JSON.stringify(finding, null, 2).replace(/^/gm, '  ');
        first = false;
      }
    },
    end: () => (first ? ']\n' : '\n]\n'),
    printsFixes: true,
  };
}
