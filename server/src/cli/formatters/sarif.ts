/**
 * `--format sarif`: SARIF 2.1.0 as GitHub code scanning takes it (upload it with
 * github/codeql-action/upload-sarif): the tool with every rule and its help page, one result per finding
 * with its region (1-based, UTF-16 columns), a fingerprint that survives unrelated edits, and its fixes.
 * Paths are relative to %SRCROOT%: the checkout (GITHUB_WORKSPACE) when it is set, else the working directory.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type RuleId, defaultSeverities, docsUrl, ruleIds } from '../../service';
import { relativePosix } from '../paths';
import type { FindingEdit } from '../findings';
import type { Formatter, FormatterContext } from './index';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/http-status-lens/http-status-lens';

/** One line per rule for the rule list (the rule pages in docs/rules/ say the rest). */
const SUMMARIES: Record<RuleId, string> = {
  '424-without-dependency': '424 Failed Dependency used where nothing marks a dependency chain',
  '424-for-lock': '424 Failed Dependency used for a locked resource (423 Locked)',
  '424-for-conflict': '424 Failed Dependency used for a conflict with the current state (409 Conflict)',
  '424-for-precondition': '424 Failed Dependency used for a failed precondition (412 Precondition Failed)',
  '424-for-upstream-failure': '424 Failed Dependency used for a failed upstream service (502, 503 or 504)',
  'failed-prerequisite-not-424': '409, 412 or 423 used where an earlier required action failed (424 Failed Dependency)',
  'unregistered-status-code': 'A status code outside the IANA registry, or an invalid OpenAPI response key',
  'status-not-in-spec': 'A status a handler returns that the OpenAPI operation of its route does not declare',
  'spec-status-never-returned': 'A status an OpenAPI operation declares that none of its handlers produces',
};

type Level = 'none' | 'note' | 'warning' | 'error';
const LEVEL: Record<string, Level> = { off: 'none', hint: 'note', info: 'note', warning: 'warning', error: 'error' };

export function sarifFormatter(context: FormatterContext): Formatter {
  const base = context.env.GITHUB_WORKSPACE || context.cwd;
  const location = (absolute: string) => {
    const relative = relativePosix(base, absolute);
    return relative === undefined
      ? { uri: pathToFileURL(absolute).href }
      : { uri: relative.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  };
  const region = (r: Pick<FindingEdit, 'line' | 'column' | 'endLine' | 'endColumn'>) => ({
    startLine: r.line,
    startColumn: r.column,
    endLine: r.endLine,
    endColumn: r.endColumn,
  });
  // The log is written as it is made, as JSON.stringify(log, null, 2) prints it: all of it before the results,
  // each result as its file comes, then the closing brackets; 100,000 results are never held at once.
  const [head, tail] = JSON.stringify(sarifLog(context, base, RESULTS), null, 2).split(JSON.stringify(RESULTS));
  let results = 0;
  return {
    begin: () => head,
    *file({ absolute, findings, fingerprints }) {
      const artifactLocation = location(absolute);
      let i = 0;
      for (const f of findings) {
        const fixes = f.fixes
          .filter((fix) => fix.edits.length > 0)
          .map((fix) => ({
            description: { text: fix.title },
            // Edits grouped by file: a project rule's fix edits the spec, not the finding's file.
            artifactChanges: [...new Set(fix.edits.map((e) => e.file))].map((file) => ({
              artifactLocation: file === undefined ? artifactLocation : location(path.resolve(context.cwd, file)),
              replacements: fix.edits
                .filter((e) => e.file === file)
                .map((e) => ({ deletedRegion: region(e), insertedContent: { text: e.text } })),
            })),
          }));
        const result = {
          ruleId: f.ruleId,
          ruleIndex: ruleIds.indexOf(f.ruleId as RuleId),
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [{ physicalLocation: { artifactLocation, region: region(f) } }],
          partialFingerprints: { 'httpStatusLens/v1': fingerprints[i++] },
          // The call, condition or exception the finding rests on, or the spec operation of a project rule in
          // another file (SARIF 2.1.0 §3.27.22).
          ...(f.related
            ? {
                relatedLocations: f.related.map((r, id) => ({
                  id,
                  physicalLocation: {
                    artifactLocation: r.file === undefined ? artifactLocation : location(path.resolve(context.cwd, r.file)),
                    region: region(r),
                  },
                  message: { text: r.message },
                })),
              }
            : {}),
          ...(fixes.length > 0 ? { fixes } : {}),
        };
        // An element of runs[0].results: four levels in.
        yield `${results++ === 0 ? '[\n' : ',\n'}${JSON.stringify(result, null, 2).replace(/^/gm, ' '.repeat(8))}`;
      }
    },
    end: () => (results === 0 ? '[]' : `\n${' '.repeat(6)}]`) + tail + '\n',
    printsFixes: true,
  };
}

/** Stands in the log for its results, which are written where it is. */
const RESULTS = '\u0000results\u0000';

function sarifLog(context: FormatterContext, base: string, results: unknown) {
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'http-status-lens',
            informationUri: INFORMATION_URI,
            version: context.version,
            semanticVersion: context.version,
            rules: ruleIds.map((id) => ({
              id,
              shortDescription: { text: SUMMARIES[id] },
              helpUri: docsUrl(id),
              help: {
                text: `${SUMMARIES[id]}. See ${docsUrl(id)}`,
                markdown: `${SUMMARIES[id]}. [What it reports, why, and how to fix it](${docsUrl(id)}).`,
              },
              defaultConfiguration: { level: LEVEL[defaultSeverities[id]] },
              properties: { tags: ['http', 'status-codes', 'api'], precision: 'high' },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(base).href.replace(/\/?$/, '/') } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}
