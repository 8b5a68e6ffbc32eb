import { describe } from 'node:test';
import { handler, spec } from './confusions';
import { runScenarios } from './scenarios';

describe('failed-prerequisite-not-424', () => {
  runScenarios('failed-prerequisite-not-424', [
    { name: '409 after a failed step', language: 'yaml', text: spec('Not shipped because the previous step failed.', `'[[409]]'`), fixed: spec('Not shipped because the previous step failed.', `'424'`) },
    { name: '423 in a handler', language: 'typescript', text: handler('Rejected: prerequisite failed', '[[423]]'), fixed: handler('Rejected: prerequisite failed', '424') },
    { name: 'a plain 409', language: 'yaml', text: spec('Duplicate.', `'409'`) },
  ]);
});
