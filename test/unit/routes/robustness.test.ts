/** Hostile input for the route readers and the join: random fragments of route code, deep nesting, no throw. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { readOperations, readRoutes } from '../../../server/src/routes';
import { project } from './helpers';

const FRAGMENTS = [
  "router.get('/a/:id', ",
  'app.use(',
  "'/api', ",
  'r',
  ')',
  '(',
  '{',
  '}',
  '[',
  ']',
  ', ',
  '=> ',
  'res.status(410)',
  '@Get(',
  '@app.get("/x")\n',
  'def f():\n    abort(404)\n',
  'class C {',
  '@RequestMapping("/c")\n',
  'resources :orders do\n',
  'end\n',
  'Route::prefix("p")->group(function () {',
  'func (h *H) Get(c *gin.Context) {',
  'g := r.Group("/g")\n',
  '.Methods("GET")',
  'include(',
  'path("x/", ',
  '.bind(this)',
  'new Hono().basePath(',
  '[HttpGet("{id}")]',
  'fn () => abort(409)',
  'do\n',
  ' ',
  '\n',
  '"',
  "'",
  '`',
  '/*',
  '*/',
  '#',
  '//',
];
const LANGUAGES = ['typescript', 'javascript', 'python', 'go', 'java', 'kotlin', 'csharp', 'php', 'ruby', 'rust'];

test('readRoutes never throws on fragments of route code in any language', () => {
  fc.assert(
    fc.property(fc.constantFrom(...LANGUAGES), fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }), (languageId, parts) => {
      const read = readRoutes('file:///x', languageId, parts.join(''));
      for (const route of read.routes) assert.equal(typeof route.template, 'string');
    }),
    { numRuns: 400 },
  );
});

test('deep nesting and long inputs: no stack overflow', () => {
  const deep = 'app.get("/x", ' + 'auth('.repeat(50_000) + 'h' + ')'.repeat(50_000) + ')';
  assert.doesNotThrow(() => readRoutes('file:///x', 'javascript', deep));
  assert.doesNotThrow(() => readRoutes('file:///x', 'python', '@app.get("/x")\n' + '('.repeat(100_000)));
  assert.doesNotThrow(() => readRoutes('file:///x', 'ruby', 'namespace :a do\n'.repeat(20_000)));
  assert.doesNotThrow(() =>
    readOperations('file:///s', 'openapi: 3.0.0\npaths:\n' + '  /a:\n    get:\n      responses:\n        "200": {}\n'.repeat(5_000), true),
  );
});

test('the join over random projects never throws', () => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }),
      fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }),
      (a, b) => {
        const p = project({
          'a.js': a.join(''),
          'b.py': b.join(''),
          'openapi.yaml': 'openapi: 3.0.0\npaths:\n  /a/{id}:\n    get:\n      responses:\n        "200": {description: x}\n',
        });
        p.diagnostics('a.js');
        p.diagnostics('b.py');
      },
    ),
    { numRuns: 150 },
  );
});
