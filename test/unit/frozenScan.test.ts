/**
 * A scan frozen in the worker and thawed in the server (server/src/service/frozenScan.ts) answers hover and
 * completion exactly as the scan it came from: at every site, at every key of every responses map, at every
 * completion slot in code, with the same ranking (the dependency verdict travels instead of the words).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { describe, test } from 'node:test';
import { freezeScan, thawScan } from '../../server/src/service';
import { doComplete } from '../../server/src/service/features/completion';
import { doHover } from '../../server/src/service/features/hover';
import { document, service } from './helpers';

const examples = path.dirname(require.resolve('@readme/oas-examples/package.json'));
const fixtures = path.join(__dirname, '../corpus/fixtures');

const batchSpec = `openapi: 3.0.0
paths:
  /batch:
    post:
      summary: Apply a batch of operations; each depends on the one before
      responses:
        '207':
          description: Results
        '424':
          description: An earlier operation failed
  /chain:
    post:
      description: Runs the steps in order; each step depends on the previous one.
      responses:
        '200':
          description: ok
  /orders/{id}:
    get:
      responses:
        '200':
          description: ok
`;

/** Reads, error branches of outbound calls and guarded sites: their roles, verdict lines and completion ranking. */
const evidenceHandler = `app.post('/invoices', async (req, res) => {
  if (res.status === 424) return;
  try {
    await billing.invoiceFor(req.body.id);
  } catch (e) {
    res.status(424).end();
    res.status();
  }
  if (isLocked(req.params.id)) res.sendStatus(424);
  res.status(409).send('the parent task of this job has failed');
});
`;

const cases: [string, string, string][] = [
  ['evidence: reads, error branches, guards', 'typescript', evidenceHandler],
  ['batch spec (YAML)', 'yaml', batchSpec],
  ['petstore (YAML)', 'yaml', fs.readFileSync(path.join(examples, '3.0/yaml/petstore.yaml'), 'utf8')],
  ['response examples (JSON)', 'json', fs.readFileSync(path.join(examples, '3.0/json/response-examples.json'), 'utf8')],
  ['Express batch handler', 'typescript', fs.readFileSync(path.join(fixtures, 'express-batch.ts'), 'utf8')],
  ['Go WebDAV handler', 'go', fs.readFileSync(path.join(fixtures, 'webdav_handler.go'), 'utf8')],
  ['Spring controller', 'java', fs.readFileSync(path.join(fixtures, 'DocumentController.java'), 'utf8')],
];

describe('frozen scans', () => {
  for (const [name, languageId, text] of cases) {
    test(name, () => {
      const doc = document(text, languageId);
      const scanned = service.scan(doc);
      // Through a real structured clone, as between threads.
      const thawed = thawScan(v8.deserialize(v8.serialize(freezeScan(scanned))));
      assert.ok(scanned.sites.length > 0);
      let completions = 0;
      const offsets = new Set<number>();
      for (const site of scanned.sites) [site.start, site.start + 1, site.start - 1, site.end].forEach((o) => offsets.add(o));
      for (const slot of scanned.slots ?? []) offsets.add(slot.start);
      for (const offset of offsets) {
        assert.deepEqual(doHover(doc, thawed, offset), doHover(doc, scanned, offset), `hover at ${offset}`);
        const expected = doComplete(doc, scanned, offset);
        assert.deepEqual(doComplete(doc, thawed, offset), expected, `completion at ${offset}`);
        if (expected) completions++;
      }
      assert.ok(completions > 0, 'some completion was compared');
    });
  }
});
