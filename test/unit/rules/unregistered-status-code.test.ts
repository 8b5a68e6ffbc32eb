import { describe } from 'node:test';
import { handler, spec } from './confusions';
import { runScenarios } from './scenarios';

describe('unregistered-status-code', () => {
  runScenarios('unregistered-status-code', [
    { name: 'an unregistered code key', language: 'yaml', text: spec('x', `'[[499]]'`) },
    { name: 'a lower-case range key', language: 'yaml', text: spec('x', `'[[4xx]]'`), fixed: spec('x', `'4XX'`) },
    { name: 'an invalid key', language: 'yaml', text: spec('x', `[[oops]]`) },
    {
      name: 'ranges, default and extensions are valid',
      language: 'yaml',
      text: spec('x', `'5XX'`).replace("        '200':", "        default:\n          description: d\n        x-note: n\n        '200':"),
    },
    { name: 'in code', language: 'typescript', text: handler('x', '[[299]]') },
    { name: 'registered codes', language: 'typescript', text: handler('x', '418') },
  ]);
});
