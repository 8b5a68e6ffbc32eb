import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { onlyRule, validate } from '../helpers';
import { handler, spec } from './confusions';
import { runScenarios } from './scenarios';

describe('424-for-precondition', () => {
  runScenarios('424-for-precondition', [
    {
      name: 'If-Match',
      language: 'yaml',
      text: spec('The If-Match header does not match the current ETag.'),
      fixed: spec('The If-Match header does not match the current ETag.', `'412'`),
    },
    {
      name: 'precondition failed in a handler',
      language: 'typescript',
      text: handler('Precondition failed'),
      fixed: handler('Precondition failed', '412'),
    },
    { name: 'If-Unmodified-Since', language: 'yaml', text: spec('If-Unmodified-Since is older than the last change.') },
    { name: 'a real 412', language: 'yaml', text: spec('ETag mismatch.', `'412'`) },
  ]);

  // Pattern 3: the guarding condition, quoted as written.
  runScenarios('424-for-precondition', [
    {
      name: 'Go: `if etag != ifMatch`',
      language: 'go',
      text: `func put(w http.ResponseWriter, r *http.Request) {\n\tifMatch := r.Header.Get("If-Match")\n\tif etag != ifMatch {\n\t\tw.WriteHeader([[424]])\n\t}\n}\n`,
    },
    {
      name: 'JavaScript: the header read in the condition',
      language: 'javascript',
      text: `app.put('/x', (req, res) => {\n  if (req.get('If-Match') !== current.etag) return res.status([[424]]).end();\n});`,
    },
    {
      name: 'Python: a header check',
      language: 'python',
      text: `def put(request):\n    if request.headers.get("If-Unmodified-Since") < last_modified:\n        return Response(status=[[424]])\n`,
    },
    {
      name: 'Java: the condition, not the other branch',
      language: 'java',
      text: `public ResponseEntity<?> put(@RequestHeader("If-Match") String ifMatch) {\n    if (!doc.getEtag().equals(ifMatch)) {\n        return ResponseEntity.status([[HttpStatus.FAILED_DEPENDENCY]]).build();\n    } else if (doc.isArchived()) {\n        return ResponseEntity.status(HttpStatus.FAILED_DEPENDENCY).build();\n    }\n    return null;\n}\n`,
    },
  ]);

  test('the message quotes the words as the code writes them, and points at the condition', () => {
    const { document, diagnostics } = validate(
      `app.put('/x', (req, res) => {\n  if (req.get('If-Match') !== current.etag) return res.status(424).end();\n});`,
      'javascript',
      onlyRule('424-for-precondition'),
    );
    assert.match(diagnostics[0].message, /the condition `req\.get\('If-Match'\) !== current\.etag` guarding it/);
    assert.equal(document.getText(diagnostics[0].relatedInformation![0].location.range), "req.get('If-Match') !== current.etag");
    const spec = validate(
      `openapi: 3.0.3\npaths:\n  /a:\n    put:\n      responses:\n        '424':\n          description: The If-Match header is stale.\n`,
      'yaml',
      onlyRule('424-for-precondition'),
    );
    assert.match(spec.diagnostics[0].message, /\("If-Match"\)/);
  });
});
