import { describe } from 'node:test';
import { handler, spec } from './confusions';
import { runScenarios } from './scenarios';

describe('failed-prerequisite-not-424', () => {
  runScenarios('failed-prerequisite-not-424', [
    {
      name: '409 after a failed step',
      language: 'yaml',
      text: spec('Not shipped because the previous step failed.', `'[[409]]'`),
      fixed: spec('Not shipped because the previous step failed.', `'424'`),
    },
    {
      name: '423 in a handler',
      language: 'typescript',
      text: handler('Rejected: prerequisite failed', '[[423]]'),
      fixed: handler('Rejected: prerequisite failed', '424'),
    },
    { name: 'a plain 409', language: 'yaml', text: spec('Duplicate.', `'409'`) },
  ]);

  // Pattern 5: a dependency and its failure stated apart, in specs and code; a dependency word used as a name is not one.
  runScenarios('failed-prerequisite-not-424', [
    {
      name: 'spec: the parent task ... has failed',
      language: 'yaml',
      text: spec('Cannot start, the parent task of this job has failed.', `'[[409]]'`),
    },
    {
      name: 'spec: depends on X which could not be created',
      language: 'yaml',
      text: spec('The invoice depends on an order which could not be created.', `'[[412]]'`),
    },
    {
      name: 'Go: the message of the statement beside it',
      language: 'go',
      text: `func start(w http.ResponseWriter, r *http.Request) {\n\tw.WriteHeader([[http.StatusConflict]])\n\tfmt.Fprint(w, "the prerequisite job was cancelled by its owner")\n}\n`,
    },
    {
      name: 'Python: stated apart in the message',
      language: 'python',
      text: `def start(job):\n    abort([[409]], "upstream task %s for this run did not complete" % job.parent)\n`,
    },
    {
      name: 'Java: stated apart',
      language: 'java',
      text: `ResponseEntity<?> start() {\n    return ResponseEntity.status([[HttpStatus.LOCKED]]).body("Predecessor step of this stage was aborted");\n}\n`,
    },
    { name: 'a dependency used as a name', language: 'yaml', text: spec('The dependency graph failed to resolve a version.', `'409'`) },
    {
      name: 'too far apart',
      language: 'yaml',
      text: spec('The dependency list is shown on the project page, and the last import of the catalogue failed.', `'409'`),
    },
  ]);

  // From the judgement corpus.
  runScenarios('failed-prerequisite-not-424', [
    {
      name: 'Go: previously failed',
      language: 'go',
      text: `func mint(c *fiber.Ctx) error {\n\treturn fiber.NewError([[fiber.StatusConflict]], "Synthetic device previously failed to mint")\n}\n`,
    },
  ]);
});
