/**
 * Linting one file on disk: read, (fix), validate, turn diagnostics into findings with their baseline
 * fingerprints. Runs in a worker thread or in the main thread; takes and returns plain data.
 */
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type DocumentLike, type LanguageService, MAX_FILE_SIZE, type Settings, readOnlyDocument } from '../service';
import { fingerprinter, lineReader } from './baseline';
import { unifiedDiff } from './diff';
import { type FileReport, type Finding, sharedTexts, toFinding } from './findings';
import { NotWritableError, fixDocument, writeInPlace } from './fix';
import { PackedFindings } from './packedFindings';
import type { FileTask } from './walker';

export type FixMode = 'off' | 'write' | 'dry-run';

const PRINTS_PART = 4096;

export interface LintTask extends FileTask {
  index: number;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * `withFixes`: the findings carry their fixes (else only whether they are fixable: Finding.fixable).
 * `onText`: given the text read from disk before it is scanned (the carrier facts are read from it).
 */
export function lintFile(
  service: LanguageService,
  task: LintTask,
  settings: Settings,
  fix: FixMode,
  withFixes = true,
  onText?: (text: string) => void,
): FileReport {
  const report = emptyReport(task);
  if (task.text !== undefined) return lintText(service, task, task.text, true, settings, fix, withFixes, report);
  let bytes: Buffer | undefined;
  let stat: fs.Stats;
  // A name that is not UTF-8 is opened by its bytes (a worker receives them as a Uint8Array).
  const file = task.real ? Buffer.from(task.real) : task.absolute;
  try {
    stat = fs.statSync(file);
    if (stat.size > MAX_FILE_SIZE) {
      report.notes.push(`${task.display}: skipped (larger than ${MAX_FILE_SIZE / 1024 / 1024} MB)`);
      return report;
    }
    bytes = fs.readFileSync(file);
  } catch (error) {
    report.error = `cannot read ${task.display}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
    return report;
  }
  let text: string;
  let validUtf8 = true;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    text = bytes.toString('utf8');
    validUtf8 = false;
  }
  onText?.(text);
  // Only --fix compares the bytes again: without it they are not held while the file is linted.
  const onDisk = fix === 'off' ? undefined : { file, stat, bytes };
  bytes = undefined;
  return lintText(service, task, text, validUtf8, settings, fix, withFixes, report, onDisk);
}

/** A report of no findings yet, for a task. */
export function emptyReport(task: LintTask): FileReport {
  return { index: task.index, file: task.display, absolute: task.absolute, findings: new PackedFindings(), fingerprints: [], notes: [] };
}

/** Lints the text of a file, as read from disk (`onDisk`), or of standard input, which is never written. */
function lintText(
  service: LanguageService,
  task: LintTask,
  text: string,
  validUtf8: boolean,
  settings: Settings,
  fix: FixMode,
  withFixes: boolean,
  report: FileReport,
  onDisk?: { file: string | Buffer; stat: fs.Stats; bytes: Buffer },
): FileReport {
  const uri = pathToFileURL(task.absolute).href;
  let document: DocumentLike = readOnlyDocument(uri, task.languageId, 1, text, TextDocument.create);
  try {
    const skipped = service.scan(document).skipped;
    if (skipped) report.notes.push(`${task.display}: skipped (${skipped})`);
    if (fix !== 'off') {
      const result = fixDocument(service, document, settings);
      if (result.refused) report.notes.push(`${task.display}: ${result.refused}`);
      else if (result.applied > 0 && !validUtf8) report.notes.push(`${task.display}: not fixed: the file is not valid UTF-8`);
      else if (result.applied > 0) {
        if (fix === 'dry-run') {
          report.diff = unifiedDiff(task.display.split('\\').join('/'), task.original ?? text, result.document.getText());
          document = result.document;
        } else if (onDisk) {
          try {
            writeInPlace(onDisk.file, result.document.getText(), onDisk.stat, onDisk.bytes);
            report.fixed = true;
            document = result.document;
          } catch (error) {
            const message = `${task.display}: not fixed: ${error instanceof Error ? error.message : String(error)}`;
            // A file the user may not write is an I/O error (exit 2); the others are notes, as before.
            if (error instanceof NotWritableError) report.error = message;
            else report.notes.push(message);
          }
        }
      }
    }
    if (fix === 'dry-run' && task.original !== undefined && report.diff === undefined)
      report.diff = unifiedDiff(task.display.split('\\').join('/'), task.original, document.getText());
    // Each diagnostic is made into its finding as it comes, and packed: all of them at once, with their fixes,
    // were the largest part of the memory on a spec dense with findings (a one-line spec of 100,000: 160 MB).
    let fingerprint: ((finding: Finding) => string) | undefined;
    const share = sharedTexts();
    // The fingerprints in parts of PRINTS_PART, joined once at the end: one array grown print by print left its
    // earlier copies, twice its size, to V8's next full collection (10 MB for the 430,000 findings of a 34 MB spec).
    const prints: string[][] = [[]];
    for (const diagnostic of service.eachDiagnostic(document, settings, true)) {
      const finding = toFinding(task.display, diagnostic, undefined, share, withFixes);
      // Lines as the diagnostics count them (CR, LF and CRLF each end one).
      fingerprint ??= fingerprinter(lineReader(document));
      report.findings.push(finding);
      if (prints[prints.length - 1].length === PRINTS_PART) prints.push([]);
      prints[prints.length - 1].push(fingerprint(finding));
    }
    report.fingerprints = prints.length === 1 ? prints[0] : ([] as string[]).concat(...prints);
  } finally {
    service.forget(uri);
  }
  return report;
}
