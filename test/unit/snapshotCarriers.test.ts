/** The scan worker's carriers (service/carriers.ts): a document's snapshot, taken from the workspace model, answers as the model does. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SnapshotCarriers } from '../../server/src/service';
import { Project, ROOT } from './workspace/project';

test("a snapshot answers a document's questions as the model does, for copies of its carriers too", () => {
  const project = new Project({
    'app/errors.py': `from rest_framework.exceptions import APIException\n\n\nclass OrderLocked(APIException):\n    status_code = 424\n`,
    'app/views.py': `from app.errors import OrderLocked\n\n\ndef update(order):\n    raise OrderLocked("The order is locked")\n`,
  });
  const [errors, views] = [`${ROOT}app/errors.py`, `${ROOT}app/views.py`];
  const carriers = new SnapshotCarriers();
  // As the worker gets them: copied across threads.
  carriers.set(errors, structuredClone(project.model.seenFrom(errors, 'python')!));
  carriers.set(views, structuredClone(project.model.seenFrom(views, 'python')!));
  const declared = carriers.declaredIn(errors);
  assert.deepEqual(
    declared.map((c) => [c.name, c.code]),
    [['OrderLocked', 424]],
  );
  assert.deepEqual(carriers.usesOf(structuredClone(declared[0])), [{ uri: views, count: 1 }]);
  assert.deepEqual(carriers.usesOf(declared[0]), project.model.usesOf(project.model.declaredIn(errors)[0]));
  assert.equal(carriers.carrier('OrderLocked', views)?.code, 424);
  assert.equal(carriers.carrier('Unknown', views), undefined);
  assert.deepEqual(carriers.carriersFor(424, views), project.model.carriersFor(424, views, 'python'));
  assert.equal(carriers.display(errors), 'app/errors.py');
  const before = carriers.generation;
  carriers.delete(views);
  assert.equal(carriers.carrier('OrderLocked', views), undefined);
  assert.ok(carriers.generation > before, 'a change the scan cache sees');
});
