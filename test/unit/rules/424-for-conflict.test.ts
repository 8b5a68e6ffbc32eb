import { describe } from 'node:test';
import { handler, spec } from './confusions';
import { runScenarios } from './scenarios';

describe('424-for-conflict', () => {
  runScenarios('424-for-conflict', [
    {
      name: 'already exists',
      language: 'yaml',
      text: spec('An order with this reference already exists.', `'[[424]]'`, 'post', '/orders'),
      fixed: spec('An order with this reference already exists.', `'409'`, 'post', '/orders'),
    },
    { name: 'version mismatch', language: 'yaml', text: spec("'Version mismatch, reload and retry.'") },
    { name: 'optimistic locking', language: 'yaml', text: spec('Optimistic locking failure.') },
    {
      name: 'duplicate in a handler',
      language: 'javascript',
      text: handler('Duplicate email address'),
      fixed: handler('Duplicate email address', '409'),
    },
    { name: 'conflict already mapped to 409', language: 'yaml', text: spec('Conflict.', `'409'`) },
    {
      name: 'target code already present: explain, do not rename',
      language: 'yaml',
      text: spec('Already exists.').replace("        '200':\n          description: ok", "        '409':\n          description: Conflict"),
    },
  ]);

  // Pattern 3: the guarding condition (`if repo.exists(...)`), but not a negated one.
  runScenarios('424-for-conflict', [
    {
      name: 'Go: `if repo.Exists(...)`',
      language: 'go',
      text: `func create(w http.ResponseWriter, r *http.Request) {\n\tif repo.Exists(r.Context(), name) {\n\t\thttp.Error(w, "cannot create", [[424]])\n\t}\n}\n`,
    },
    {
      name: 'Go: a negated existence check is no conflict',
      language: 'go',
      text: `func create(w http.ResponseWriter, r *http.Request) {\n\tif !repo.Exists(r.Context(), name) {\n\t\thttp.Error(w, "cannot create", 424)\n\t}\n}\n`,
    },
    {
      name: 'Python: a version comparison',
      language: 'python',
      text: `def update(doc, body):\n    if doc.version != body["version"]:\n        abort([[424]])\n`,
    },
    {
      name: 'PHP: already in the condition',
      language: 'php',
      text: `<?php\nfunction store($r) {\n    if ($this->users->alreadyRegistered($r->email)) {\n        abort([[424]]);\n    }\n}\n`,
    },
  ]);

  // From the judgement corpus: the handler's declaration says what its 424 means.
  runScenarios('424-for-conflict', [
    {
      name: 'Python/FastAPI: a declared race condition, for the declared key and the 424 the handler sets',
      language: 'python',
      text: `@router.delete(\n    "/session",\n    responses={[[424]]: {"description": "probably a race condition with simultaneous revoke attempts"}},\n)\ndef revoke(response: Response):\n    if not session.delete():\n        response.status_code = [[status.HTTP_424_FAILED_DEPENDENCY]]\n`,
    },
  ]);
});
