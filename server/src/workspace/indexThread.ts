/**
 * The index worker's loop, in its thread (indexWorker.ts is the server's side): walks the workspace folders
 * as the editor's index does and reads each file's carrier facts, sending them in batches. It runs this
 * same bundle (dist/server.js), started by server.ts.
 */
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { ConfigCascade, applyChain, ignoreLayersOf } from '../config';
import * as knowledge from '../knowledge';
import { defaultSettings } from '../service/settings';
import { type IndexBatch, type IndexWorkerData, waitWhileBusy } from './indexWorker';
import { readFacts } from './model';
import { type DirectoryRules, walkFiles } from './walk';

/** Files per message: few messages, and the index's progress still moving. */
const BATCH = 64;

/** What the editor's index walks: every folder's config files decide its ignores and languages. */
export function editorWalkRules(): DirectoryRules {
  const cascade = new ConfigCascade();
  return {
    forDirectory: (directory: string) => {
      const chain = cascade.chainFor(directory);
      return { ignore: ignoreLayersOf(chain), languages: applyChain(defaultSettings(), chain).languages, settingsIndex: 0 };
    },
  };
}

export function runIndexThread(): void {
  const port = parentPort!;
  const { folders, maxFiles, maxFileSize, busy } = workerData as IndexWorkerData;
  const rules = editorWalkRules();
  const errors: string[] = [];
  let batch: IndexBatch = { files: [], read: [] };
  const send = () => {
    if (batch.files.length > 0) port.postMessage({ batch });
    batch = { files: [], read: [] };
  };
  let count = 0;
  let capped = false;
  for (const folder of folders) {
    try {
      for (const { file, languageId } of walkFiles(folder, rules, errors)) {
        if (count >= maxFiles) {
          capped = true;
          break;
        }
        count++;
        batch.files.push({ file, languageId });
        waitWhileBusy(busy);
        if (knowledge.hasCarriers(languageId)) batch.read.push(read(file, maxFileSize));
        if (batch.files.length >= BATCH) send();
      }
    } catch (error) {
      errors.push(String(error));
    }
    if (capped) break;
  }
  send();
  port.postMessage({ done: { errors, capped } });
}

/** As the server's thread reads a file (handlers/workspace.ts readFromDisk): its family by its name. */
function read(file: string, maxFileSize: number): IndexBatch['read'][number] {
  const uri = pathToFileURL(file).href;
  try {
    const stat = fs.statSync(file);
    const facts = stat.isFile() && stat.size <= maxFileSize ? readFacts(uri, fs.readFileSync(file, 'utf8')) : undefined;
    if (facts) return { facts };
  } catch {
    // Gone or unreadable: no facts.
  }
  return { gone: uri };
}
