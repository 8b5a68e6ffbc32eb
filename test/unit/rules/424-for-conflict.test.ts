import { describe } from 'node:test';
import { handler, spec } from './confusions';
import { runScenarios } from './scenarios';

describe('424-for-conflict', () => {
  runScenarios('424-for-conflict', [
    { name: 'already exists', language: 'yaml', text: spec('An order with this reference already exists.', `'[[424]]'`, 'post', '/orders'), fixed: spec('An order with this reference already exists.', `'409'`, 'post', '/orders') },
    { name: 'version mismatch', language: 'yaml', text: spec("'Version mismatch, reload and retry.'") },
    { name: 'optimistic locking', language: 'yaml', text: spec('Optimistic locking failure.') },
    { name: 'duplicate in a handler', language: 'javascript', text: handler('Duplicate email address'), fixed: handler('Duplicate email address', '409') },
    { name: 'conflict already mapped to 409', language: 'yaml', text: spec('Conflict.', `'409'`) },
    {
      name: 'target code already present: explain, do not rename',
      language: 'yaml',
      text: spec('Already exists.').replace("        '200':\n          description: ok", "        '409':\n          description: Conflict"),
    },
  ]);
});
