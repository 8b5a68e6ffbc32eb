import { describe } from 'node:test';
import { handler, spec } from './confusions';
import { runScenarios } from './scenarios';

describe('424-for-lock', () => {
  runScenarios('424-for-lock', [
    { name: 'locked by another user', language: 'yaml', text: spec('The order is locked by another user.'), fixed: spec('The order is locked by another user.', `'423'`) },
    { name: 'bare key keeps its style', language: 'yaml', text: spec('Resource locked.', '[[424]]'), fixed: spec('Resource locked.', '423') },
    { name: 'JSON spec', language: 'json', text: `{"openapi":"3.0.0","paths":{"/a":{"put":{"responses":{"[[424]]":{"description":"The file is checked out by another editor"}}}}}}`, fixed: `{"openapi":"3.0.0","paths":{"/a":{"put":{"responses":{"423":{"description":"The file is checked out by another editor"}}}}}}` },
    { name: 'handler message', language: 'typescript', text: handler('Document is locked'), fixed: handler('Document is locked', '423') },
    { name: 'a lock in a dependency chain named as such is a real 424', language: 'yaml', text: spec('Not applied because the previous step failed to take the lock.').replace("'[[424]]'", "'424'") },
    { name: 'optimistic locking is a conflict, not a lock', language: 'yaml', text: spec('Optimistic locking failure: the version changed.').replace("'[[424]]'", "'424'") },
    { name: 'no lock words', language: 'yaml', text: spec('Could not update.').replace("'[[424]]'", "'424'") },
    { name: 'already 423', language: 'yaml', text: spec('Resource locked.', `'423'`) },
    { name: 'disabled on the line', language: 'yaml', text: spec('Locked.').replace("        '[[424]]':", "        # http-status-lens-disable-next-line 424-for-lock\n        '424':") },
  ]);
});
