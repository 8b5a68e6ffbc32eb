import { describe } from 'node:test';
import { handler, spec } from './confusions';
import { runScenarios } from './scenarios';

describe('424-for-precondition', () => {
  runScenarios('424-for-precondition', [
    { name: 'If-Match', language: 'yaml', text: spec('The If-Match header does not match the current ETag.'), fixed: spec('The If-Match header does not match the current ETag.', `'412'`) },
    { name: 'precondition failed in a handler', language: 'typescript', text: handler('Precondition failed'), fixed: handler('Precondition failed', '412') },
    { name: 'If-Unmodified-Since', language: 'yaml', text: spec('If-Unmodified-Since is older than the last change.') },
    { name: 'a real 412', language: 'yaml', text: spec('ETag mismatch.', `'412'`) },
  ]);
});
