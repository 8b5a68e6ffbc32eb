import { describe } from 'node:test';
import { runScenarios } from './scenarios';

const yaml = (operation: string, responses: string, header = 'openapi: 3.0.3') => `${header}
info: { title: t, version: '1' }
paths:
${operation}
      responses:
${responses}
`;

describe('424-without-dependency', () => {
  runScenarios('424-without-dependency', [
    {
      name: 'a plain DELETE returning 424',
      language: 'yaml',
      text: yaml(
        `  /orders/{id}:\n    delete:\n      summary: Delete an order`,
        `        '[[424]]':\n          description: Could not delete the order.`,
      ),
    },
    {
      name: 'bare and double-quoted keys, Swagger 2.0',
      language: 'yaml',
      text: yaml(
        `  /a:\n    get:`,
        `        [[424]]:\n          description: Failed.\n        "200":\n          description: ok`,
        "swagger: '2.0'",
      ),
    },
    {
      name: 'OpenAPI 3.2 query operation',
      language: 'yaml',
      text: yaml(`  /search:\n    query:`, `        '[[424]]':\n          description: Failed.`, 'openapi: 3.2.0'),
    },
    {
      name: 'a batch path is a dependency context',
      language: 'yaml',
      text: yaml(`  /orders/batch:\n    post:`, `        '424':\n          description: Failed.`),
    },
    {
      name: 'a 207 beside it is a dependency context',
      language: 'yaml',
      text: yaml(
        `  /orders:\n    post:`,
        `        '207':\n          description: Multi-status.\n        '424':\n          description: Failed.`,
      ),
    },
    {
      name: 'a tag that says workflow',
      language: 'yaml',
      text: yaml(`  /orders:\n    post:\n      tags: [checkout-workflow]`, `        '424':\n          description: Failed.`),
    },
    {
      name: 'a WebDAV method in 3.2 additionalOperations',
      language: 'yaml',
      text: `openapi: 3.2.0
paths:
  /files/{path}:
    additionalOperations:
      PROPPATCH:
        responses:
          '424':
            description: Failed.
`,
    },
    {
      name: 'an array-of-operations request body',
      language: 'yaml',
      text: yaml(
        `  /orders:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema:\n              type: array`,
        `        '424':\n          description: Failed.`,
      ),
    },
    {
      name: 'the description names an earlier failed step',
      language: 'yaml',
      text: yaml(`  /orders:\n    post:`, `        '424':\n          description: Not attempted because the previous step failed.`),
    },
    {
      name: 'extra dependency words from the settings',
      language: 'yaml',
      text: yaml(`  /orders:\n    post:\n      summary: Saga step two`, `        '424':\n          description: Failed.`).replace(
        'Saga',
        'Choreography',
      ),
      settings: { dependencyWords: ['choreography'] },
    },
    {
      name: 'a disable comment silences the site',
      language: 'yaml',
      text: yaml(
        `  /a:\n    get:`,
        `        # http-status-lens-disable-next-line 424-without-dependency\n        '424':\n          description: Failed.`,
      ),
    },
    {
      name: 'a JSON spec',
      language: 'json',
      text: `{"openapi": "3.1.0", "paths": {"/a": {"get": {"responses": {"[[424]]": {"description": "Failed."}}}}}}`,
    },
    {
      name: 'x-http-status-lens-ignore on the operation',
      language: 'json',
      text: `{"openapi": "3.1.0", "paths": {"/a": {"get": {"x-http-status-lens-ignore": ["424-without-dependency"], "responses": {"424": {"description": "Failed."}}}}}}`,
    },
    {
      name: 'not a spec: package.json-like JSON',
      language: 'json',
      text: `{"name": "x", "responses": {"424": {"description": "Failed."}}}`,
    },
    {
      name: 'an Express handler',
      language: 'typescript',
      text: `app.delete('/orders/:id', async (req, res) => {\n  res.status([[424]]).end();\n});`,
      fixed: undefined,
    },
    {
      name: 'an Express batch handler',
      language: 'typescript',
      text: `app.post('/orders/batch', async (req, res) => {\n  for (const op of req.body.operations) res.status(424);\n});`,
    },
    {
      name: 'a handler whose own route points at a lock: preferred fix 423',
      language: 'javascript',
      text: `router.put('/docs/:id/lock', (req, res) => {\n  res.sendStatus([[424]]);\n});`,
      fixed: `router.put('/docs/:id/lock', (req, res) => {\n  res.sendStatus(423);\n});`,
    },
    {
      name: 'a condition that points at a lock is 424-for-lock, not this rule',
      language: 'javascript',
      text: `router.put('/docs/:id', (req, res) => {\n  if (isLocked(req.params.id)) res.sendStatus(424);\n});`,
    },
    {
      name: 'batch words in the body do not make the handler a batch handler',
      language: 'typescript',
      text: `app.delete('/orders/:id', async (req, res) => {\n  if (req.query.mode === 'batch') return res.status(207).end();\n  res.status([[424]]).end();\n});`.replace(
        'res.status(207).end()',
        "res.send('batch')",
      ),
    },
    {
      name: 'one handler does not leak context into the next',
      language: 'typescript',
      text: `app.post('/batch', (req, res) => { res.status(207); });\napp.delete('/x', (req, res) => { res.status([[424]]); });`,
    },
    {
      name: 'a disable comment in code',
      language: 'typescript',
      text: `app.delete('/x', (req, res) => {\n  // http-status-lens-disable-next-line 424-without-dependency\n  res.status(424);\n});`,
    },
  ]);
});
