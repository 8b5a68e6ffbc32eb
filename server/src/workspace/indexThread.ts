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
import { type IndexBatch, type IndexWorkerData, LARGE_FIRST_READ, waitWhileBusy } from './indexWorker';
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
    if (batch.files.length > 0 || batch.read.length > 0) port.postMessage({ batch });
    batch = { files: [], read: [] };
  };
  const large: string[] = [];
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
        if (knowledge.hasCarriers(languageId)) {
          const stat = fs.statSync(file, { throwIfNoEntry: false });
          if (stat && stat.size > LARGE_FIRST_READ) large.push(file);
          else batch.read.push(read(file, maxFileSize, stat));
        }
        if (batch.files.length >= BATCH) send();
      }
    } catch (error) {
      errors.push(String(error));
    }
    if (capped) break;
  }
  // Large files last, when the carrier pass is compiled, as in the server's thread (handlers/workspace.ts):
  // read cold they held the first batch back.
  for (const file of large) {
    waitWhileBusy(busy);
    batch.read.push(read(file, maxFileSize));
    if (batch.read.length >= BATCH) send();
  }
  send();
  port.postMessage({ done: { errors, capped } });
}

/** As the server's thread reads a file (handlers/workspace.ts readFromDisk): its family by its name. */
function read(file: string, maxFileSize: number, stat?: fs.Stats): IndexBatch['read'][number] {
  const uri = pathToFileURL(file).href;
  try {
    stat ??= fs.statSync(file);
    const facts = stat.isFile() && stat.size <= maxFileSize ? readFacts(uri, fs.readFileSync(file, 'utf8')) : undefined;
    if (facts) return { facts };
  } catch {
    // Gone or unreadable: no facts.
  }
  return { gone: uri };
}
