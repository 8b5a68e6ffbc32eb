import { describe } from 'node:test';
import { handler, spec } from './confusions';
import { runScenarios } from './scenarios';

describe('424-for-lock', () => {
  runScenarios('424-for-lock', [
    {
      name: 'locked by another user',
      language: 'yaml',
      text: spec('The order is locked by another user.'),
      fixed: spec('The order is locked by another user.', `'423'`),
    },
    {
      name: 'bare key keeps its style',
      language: 'yaml',
      text: spec('Resource locked.', '[[424]]'),
      fixed: spec('Resource locked.', '423'),
    },
    {
      name: 'JSON spec',
      language: 'json',
      text: `{"openapi":"3.0.0","paths":{"/a":{"put":{"responses":{"[[424]]":{"description":"The file is checked out by another editor"}}}}}}`,
      fixed: `{"openapi":"3.0.0","paths":{"/a":{"put":{"responses":{"423":{"description":"The file is checked out by another editor"}}}}}}`,
    },
    { name: 'handler message', language: 'typescript', text: handler('Document is locked'), fixed: handler('Document is locked', '423') },
    {
      name: 'a lock in a dependency chain named as such is a real 424',
      language: 'yaml',
      text: spec('Not applied because the previous step failed to take the lock.').replace("'[[424]]'", "'424'"),
    },
    {
      name: 'optimistic locking is a conflict, not a lock',
      language: 'yaml',
      text: spec('Optimistic locking failure: the version changed.').replace("'[[424]]'", "'424'"),
    },
    { name: 'no lock words', language: 'yaml', text: spec('Could not update.').replace("'[[424]]'", "'424'") },
    { name: 'already 423', language: 'yaml', text: spec('Resource locked.', `'423'`) },
    {
      name: 'disabled on the line',
      language: 'yaml',
      text: spec('Locked.').replace("        '[[424]]':", "        # http-status-lens-disable-next-line 424-for-lock\n        '424':"),
    },
  ]);

  // Pattern 3: evidence from the right place: the guarding condition, the statement beside it, never a sibling branch.
  runScenarios('424-for-lock', [
    {
      name: 'Go: the condition that guards it (`if lease.holder != user`)',
      language: 'go',
      text: `func put(w http.ResponseWriter, r *http.Request) {\n\tif lease.Holder != user {\n\t\tw.WriteHeader([[http.StatusFailedDependency]])\n\t\treturn\n\t}\n}\n`,
    },
    {
      name: 'Go: the message written by the next statement of the block',
      language: 'go',
      text: `func put(w http.ResponseWriter, r *http.Request) {\n\tw.WriteHeader([[424]])\n\tfmt.Fprint(w, "the file is held by another session")\n}\n`,
      fixed: `func put(w http.ResponseWriter, r *http.Request) {\n\tw.WriteHeader(423)\n\tfmt.Fprint(w, "the file is held by another session")\n}\n`,
    },
    {
      name: 'Go: a word in another case of the same switch does not decide',
      language: 'go',
      text: `func put(w http.ResponseWriter, r *http.Request) {\n\tswitch reason {\n\tcase "locked":\n\t\tw.WriteHeader(423)\n\t\tfmt.Fprint(w, "locked")\n\tcase "dep":\n\t\tw.WriteHeader(424)\n\t}\n}\n`,
    },
    {
      name: 'TypeScript: an inline `if (isLocked(...))`',
      language: 'typescript',
      text: `router.put('/docs/:id', (req, res) => {\n  if (isLocked(req.params.id)) res.sendStatus([[424]]);\n});`,
      fixed: `router.put('/docs/:id', (req, res) => {\n  if (isLocked(req.params.id)) res.sendStatus(423);\n});`,
    },
    {
      name: 'TypeScript: the else branch of a lock check is not a lock',
      language: 'typescript',
      text: `router.put('/docs/:id', (req, res) => {\n  if (isLocked(req.params.id)) {\n    res.sendStatus(423);\n  } else {\n    res.sendStatus(424);\n  }\n});`,
    },
    {
      name: 'TypeScript: an inline if on the line before does not guard the next statement',
      language: 'typescript',
      text: `router.put('/docs/:id', (req, res) => {\n  if (isLocked(req.params.id)) return res.sendStatus(423);\n  res.sendStatus(424);\n});`,
    },
    {
      name: 'Java: a case label guards its section',
      language: 'java',
      text: `public ResponseEntity<?> put(String reason) {\n    switch (reason) {\n        case "LOCKED": return ResponseEntity.status([[HttpStatus.FAILED_DEPENDENCY]]).build();\n        case "OTHER": return ResponseEntity.status(HttpStatus.FAILED_DEPENDENCY).build();\n    }\n    return null;\n}\n`,
    },
    {
      name: 'Kotlin: a when arm guards its value',
      language: 'kotlin',
      text: `fun put(call: ApplicationCall) {\n    val status = when {\n        doc.isLocked() -> [[HttpStatusCode.FailedDependency]]\n        else -> HttpStatusCode.OK\n    }\n}\n`,
    },
    {
      name: 'C#: the condition of the if',
      language: 'csharp',
      text: `public IActionResult Put(int id) {\n    if (_locks.IsLocked(id)) {\n        return StatusCode([[424]]);\n    }\n    return Ok();\n}\n`,
    },
    {
      name: 'PHP: the message set beside it',
      language: 'php',
      text: `<?php\nfunction put($id) {\n    http_response_code([[424]]);\n    echo 'The document is checked out by another editor';\n}\n`,
    },
    {
      name: 'Python: the if condition, not the elif beside it',
      language: 'python',
      text: `def put(doc, user):\n    if lease.holder != user:\n        abort([[424]])\n    elif doc.missing:\n        abort(424)\n`,
    },
    {
      name: 'Python: the else of a lock check is not a lock',
      language: 'python',
      text: `def put(doc):\n    if doc.locked:\n        abort(423)\n    else:\n        abort(424)\n`,
    },
    {
      name: 'Ruby: a trailing `if` modifier',
      language: 'ruby',
      text: `class DocsController < ApplicationController\n  def update\n    head [[424]] if document.locked?\n  end\nend\n`,
    },
    {
      name: 'Ruby: a when of a case guards its body, not the other whens',
      language: 'ruby',
      text: `def update\n  case reason\n  when :locked\n    head [[424]]\n  when :other\n    head 424\n  end\nend\n`,
    },
    {
      name: 'Rust: a match arm on a lock guards its value',
      language: 'rust',
      text: `fn put(state: State) -> StatusCode {\n    match state {\n        State::Locked => [[StatusCode::FAILED_DEPENDENCY]],\n        _ => StatusCode::OK,\n    }\n}\n`,
    },
    {
      name: 'own message first: a conflict said with it beats a lock in its guard',
      language: 'typescript',
      text: `router.put('/docs/:id', (req, res) => {\n  if (isLocked(id)) res.status(424).json({ error: 'duplicate title' });\n});`,
    },
  ]);
});
