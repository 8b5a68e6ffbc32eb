/**
 * Every rule in every spec version and format: the same response, written as Swagger 2.0 and OpenAPI 3.0,
 * 3.1 and 3.2, in YAML and in JSON, gets the same finding on the same key.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { stringify } from 'yaml';
import type { RuleId } from '../../../server/src/service/rules';
import { onlyRule, validate } from '../helpers';

const versions: Record<string, Record<string, string>> = {
  'Swagger 2.0': { swagger: '2.0' },
  'OpenAPI 3.0': { openapi: '3.0.3' },
  'OpenAPI 3.1': { openapi: '3.1.0' },
  'OpenAPI 3.2': { openapi: '3.2.0' },
};

const cases: [RuleId, string, string][] = [
  ['424-without-dependency', '424', 'The order could not be deleted.'],
  ['424-for-lock', '424', 'The order is locked by another user.'],
  ['424-for-conflict', '424', 'An order with this reference already exists.'],
  ['424-for-precondition', '424', 'The If-Match header does not match the current ETag.'],
  ['424-for-upstream-failure', '424', 'The billing service timed out.'],
  ['failed-prerequisite-not-424', '409', 'Not shipped because the previous step failed.'],
  ['unregistered-status-code', '499', 'Client closed the request.'],
];

function spec(version: Record<string, string>, key: string, description: string): object {
  return {
    ...version,
    info: { title: 't', version: '1' },
    paths: { '/orders/{id}': { delete: { responses: { '200': { description: 'ok' }, [key]: { description } } } } },
  };
}

describe('rules across spec versions and formats', () => {
  for (const [rule, key, description] of cases) {
    for (const [name, version] of Object.entries(versions)) {
      for (const format of ['yaml', 'json'] as const) {
        test(`${rule}: ${name} ${format}`, () => {
          const value = spec(version, key, description);
          const text = format === 'json' ? JSON.stringify(value, null, 2) : stringify(value);
          const { document, diagnostics } = validate(text, format, onlyRule(rule));
          assert.deepEqual(
            diagnostics.map((d) => [d.code, document.getText(d.range)]),
            [[rule, key]],
          );
        });
      }
    }
  }

  test('a 2.0 spec without the version key is not a spec', () => {
    const text = JSON.stringify({ info: {}, paths: { '/a': { get: { responses: { '424': { description: 'x' } } } } } });
    assert.equal(validate(text, 'json').diagnostics.length, 0);
  });
});
