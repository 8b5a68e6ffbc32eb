import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { actionsFor, onlyRule, validate } from '../helpers';
import { handler, spec } from './confusions';
import { runScenarios } from './scenarios';

describe('424-for-upstream-failure', () => {
  runScenarios('424-for-upstream-failure', [
    { name: 'upstream failed', language: 'yaml', text: spec('The upstream inventory service returned an error.'), fixed: spec('The upstream inventory service returned an error.', `'502'`) },
    { name: 'a timeout points to 504', language: 'yaml', text: spec('The billing service timed out.'), fixed: spec('The billing service timed out.', `'504'`) },
    { name: 'unavailable points to 503', language: 'typescript', text: handler('Payment provider unavailable'), fixed: handler('Payment provider unavailable', '503') },
    { name: 'a real 502', language: 'yaml', text: spec('Upstream failed.', `'502'`) },
  ]);

  test('the alternatives are offered, not preferred', () => {
    const { diagnostics } = validate(spec('The upstream service failed.').replace(/\[\[|\]\]/g, ''), 'yaml', onlyRule('424-for-upstream-failure'));
    const titles = actionsFor(diagnostics).map((a) => `${a.isPreferred ? '*' : ''}${a.title}`);
    assert.deepEqual(titles.slice(0, 3), ['*Change 424 to 502 Bad Gateway', 'Change 424 to 503 Service Unavailable', 'Change 424 to 504 Gateway Timeout']);
    assert.match(titles[3], /^Disable 424-for-upstream-failure for this line$/);
  });
});
