/**
 * The command line: the language service over files on disk. `http-status-lens lint [options] [PATH...]`.
 */
import * as fs from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { type LintOptions, USAGE, UsageError, parseArgs } from './cli/args';
import { PathError, collectFiles } from './cli/files';
import { type FileResult, formatJson, formatStylish, toFindings } from './cli/formatters';
import * as knowledge from './knowledge';
import { type DiagnosticData, type LanguageService, defaultSettings, getLanguageService } from './service';
import { version } from '../../package.json';

function main(argv: readonly string[]): number {
  try {
    const parsed = parseArgs(argv);
    if (parsed.command === 'help') return print(USAGE + '\n');
    if (parsed.command === 'version') return print(`${version}\n`);
    return lint(parsed.options);
  } catch (error) {
    if (error instanceof UsageError || error instanceof PathError) {
      process.stderr.write(`http-status-lens: ${error.message}\n${error instanceof UsageError ? '\n' + USAGE + '\n' : ''}`);
      return 2;
    }
    throw error;
  }
}

function lint(options: LintOptions): number {
  const service = getLanguageService({
    onRuleFault: (id, error) => process.stderr.write(`http-status-lens: rule ${id} failed: ${String(error)}\n`),
  });
  const results: FileResult[] = [];
  for (const file of collectFiles(options.paths)) {
    const languageId = knowledge.languageForFile(file);
    if (!languageId) continue;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      throw new PathError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    let document = TextDocument.create(file, languageId, 1, text);
    if (options.fix) document = fixFile(service, document, file);
    results.push({ file, diagnostics: service.doValidation(document, defaultSettings()) });
  }
  const findings = toFindings(results);
  process.stdout.write(options.format === 'json' ? formatJson(findings) : formatStylish(findings, process.stdout.isTTY === true));
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  return errors > 0 || (options.maxWarnings >= 0 && warnings > options.maxWarnings) ? 1 : 0;
}

/** Applies every finding's preferred fix (non-overlapping), writes the file atomically, returns the new document. */
function fixFile(service: LanguageService, document: TextDocument, file: string): TextDocument {
  const edits: TextEdit[] = [];
  for (const diagnostic of service.doValidation(document, defaultSettings())) {
    if (diagnostic.severity === DiagnosticSeverity.Hint) continue;
    const preferred = (diagnostic.data as DiagnosticData).fixes.find((fix) => fix.isPreferred);
    const changes = preferred?.edit?.changes?.[document.uri];
    if (changes) edits.push(...changes);
  }
  if (edits.length === 0) return document;
  const sorted = edits.sort((a, b) => document.offsetAt(a.range.start) - document.offsetAt(b.range.start));
  const safe = sorted.filter((edit, i) => i === 0 || document.offsetAt(edit.range.start) >= document.offsetAt(sorted[i - 1].range.end));
  const text = TextDocument.applyEdits(document, safe);
  const temporary = `${file}.http-status-lens-${process.pid}.tmp`;
  fs.writeFileSync(temporary, text);
  fs.renameSync(temporary, file);
  return TextDocument.create(document.uri, document.languageId, document.version + 1, text);
}

function print(text: string): number {
  process.stdout.write(text);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
