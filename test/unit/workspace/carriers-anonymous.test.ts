/** A class expression (`class extends Error {}`) has no name: it is no carrier, and its keyword is no use of one. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Project } from './project';

test('TypeScript: an anonymous class with a status is no carrier named after its `extends`', () => {
  const project = new Project({
    'src/errors.ts': `export function lockedError(message: string) {
  return class extends Error {
    constructor() {
      super(message);
      this.status = 424;
    }
  };
}
`,
    'src/files.ts': `export class FileLocked extends Error {}
`,
  });
  assert.deepEqual(
    project.model.all().map((c) => c.name),
    [],
    'no carrier: the class has no name, and the function only builds it',
  );
  assert.equal(project.hover('src/files.ts', 'extends'), undefined);
});

test('PHP: `new class extends HttpException` is no carrier', () => {
  const project = new Project({
    'src/Errors.php': `<?php
function reserved(): HttpException {
    return new class extends HttpException {
        public function __construct() { parent::__construct(424, 'reserved'); }
    };
}
`,
  });
  assert.deepEqual(
    project.model.all().map((c) => c.name),
    [],
  );
});
