/**
 * Seeds for the fuzzers: every sample file the repository already has (examples/, test/fixtures/,
 * test/corpus/fixtures/), so new fixtures join the pool by themselves, plus a few short snippets per
 * language that are known to produce findings (the mutations start from code the rules react to).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as knowledge from '../../server/src/knowledge';

export const root = path.resolve(__dirname, '../..');

/** Every language id the service serves, code and specs. */
export const LANGUAGE_IDS: readonly string[] = knowledge.languageIds();
export const CODE_LANGUAGES = LANGUAGE_IDS.filter((id) => knowledge.language(id)?.family !== 'openapi');
export const SPEC_LANGUAGES = LANGUAGE_IDS.filter((id) => knowledge.language(id)?.family === 'openapi');

export interface Seed {
  languageId: string;
  text: string;
  /** Where it came from, for failure reports. */
  name: string;
}

const snippets: Record<string, string[]> = {
  typescript: [
    `app.put('/orders/:id', async (req, res) => {\n  try {\n    await orders.update(req.params.id, req.body);\n  } catch (e) {\n    // the order is locked by another editor\n    return res.status(424).json({ error: 'order is locked' });\n  }\n  res.sendStatus(204);\n});\n`,
    `router.post('/x', (ctx) => {\n  if (exists) { ctx.throw(424, 'duplicate: already exists'); }\n  ctx.status = StatusCodes.FAILED_DEPENDENCY;\n  ctx.body = \`HTTP 424 \${ctx.path}\`; /* 424 Failed Dependency */\n});\nexport const r = new Response(null, { status: 409, statusText: 'the earlier step failed' });\n`,
    `const re = /status(424)/g; res.status(499).send("x"); reply.code(424).send({ message: 'etag mismatch: If-Match failed' });\n// http-status-lens-disable-next-line 424-for-lock\nres.status(424).json({ error: 'locked' });\n`,
  ],
  javascript: [
    `module.exports = function handler(req, res) {\n  fetch(upstream).catch(() => res.writeHead(424, { 'content-type': 'text/plain' }));\n  res.statusCode = 424;\n};\n`,
  ],
  python: [
    `@app.route('/orders/<id>', methods=['PUT'])\ndef update(id):\n    try:\n        store.update(id)\n    except LockedError:\n        abort(424)  # the document is locked\n    return jsonify(error="version mismatch"), 424\n\nraise HTTPException(status_code=HTTPStatus.FAILED_DEPENDENCY, detail="upstream timed out")\n`,
    `s = "abort(424)"\nt = '''\nabort(424)\n'''\nr = rb"status=424"\nclass A:\n    async def f(self):\n        return Response(status=409, body="earlier step failed")\n`,
  ],
  go: [
    'func (h *H) Put(w http.ResponseWriter, r *http.Request) {\n\tif err := h.store.Put(r); err != nil {\n\t\thttp.Error(w, "resource is locked", http.StatusFailedDependency)\n\t\treturn\n\t}\n\tw.WriteHeader(424) // upstream service unavailable\n\ts := `w.WriteHeader(424)`\n\t_ = \'4\'\n}\n',
  ],
  java: [
    `@PutMapping("/orders/{id}")\npublic ResponseEntity<?> put(@PathVariable String id) throws Exception {\n  try { svc.put(id); } catch (LockedException e) {\n    return ResponseEntity.status(HttpStatus.FAILED_DEPENDENCY).body("order is locked");\n  }\n  String t = """\n    status(424)\n    """;\n  return ResponseEntity.status(424).body('x');\n}\n`,
  ],
  kotlin: [
    `fun route() = routing {\n  put("/orders/{id}") {\n    /* nested /* comment */ 424 */\n    call.respond(HttpStatusCode.FailedDependency, "already exists")\n    call.respond(HttpStatusCode.fromValue(424), "precondition failed: If-Match")\n  }\n}\n`,
  ],
  csharp: [
    `[HttpPut("{id}")]\npublic IActionResult Put(string id) {\n  try { _svc.Put(id); }\n  catch (LockedException) { return StatusCode(424, "document is locked"); }\n  var s = @"StatusCode(424)""x";\n  return StatusCode(StatusCodes.Status424FailedDependency, $"upstream {id} timed out");\n}\n`,
  ],
  php: [
    "<?php\nfunction update(Request $r) {\n  try { $this->svc->put(); } catch (LockedException $e) {\n    return response()->json(['error' => 'locked'], 424);\n  }\n  $x = <<<EOT\n  status 424\n  EOT;\n  #[Attr]\n  return new Response('', Response::HTTP_FAILED_DEPENDENCY); # conflict: already exists\n}\n",
  ],
  ruby: [
    "post '/orders' do\n  halt 424, 'the order is locked'\nend\n\ndef update\n  render json: { error: 'duplicate' }, status: :failed_dependency\nrescue Timeout::Error\n  head 424\nend\nbody = <<~EOS\n  status: 424\nEOS\n=begin\nhttp-status-lens-disable-next-line\n=end\n",
  ],
  rust: [
    'async fn put(Path(id): Path<String>) -> impl IntoResponse {\n    let r = r#"StatusCode::FAILED_DEPENDENCY"#;\n    let c = \'x\'; let l: &\'static str = "a";\n    /* /* nested */ */\n    (StatusCode::FAILED_DEPENDENCY, "document is locked")\n}\nfn f() -> HttpResponse { HttpResponse::build(StatusCode::from_u16(424).unwrap()).body("upstream timed out") }\n',
  ],
  yaml: [
    "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /orders/{id}:\n    put:\n      operationId: updateOrder\n      responses:\n        '200': {description: ok}\n        '424':\n          description: The order is locked by another editor\n        \"409\":\n          $ref: '#/components/responses/Conflict'\n        4XX: {description: client error}\n        499:\n          description: made up\n        4xx: {description: lower case}\n        default: {description: other}\ncomponents:\n  responses:\n    Conflict:\n      description: already exists\n",
    "swagger: '2.0'\npaths:\n  /a:\n    post:\n      parameters:\n        - in: body\n          schema: {type: array}\n      responses:\n        424: {description: a step failed}\n        # http-status-lens-disable-next-line\n        423: {description: the earlier required step failed}\nx-anchors:\n  a: &a [1, 2]\n  b: *a\n",
  ],
  json: [
    '{\n  "openapi": "3.0.3",\n  "paths": {\n    "/documents/{id}": {\n      "delete": {\n        "responses": {\n          "204": { "description": "deleted" },\n          "424": { "description": "The document is locked by another editor." },\n          "409": { "description": "the earlier step failed", "x-http-status-lens-ignore": ["424-for-lock"] },\n          "42": {},\n          "5XX": {}\n        }\n      }\n    }\n  }\n}\n',
  ],
  jsonc: [
    '// comment\n{ "swagger": "2.0", /* c */ "paths": { "/a": { "get": { "responses": { "424": { "description": "upstream timed out", }, }, }, }, }, }\n',
  ],
};

function filesUnder(dir: string): string[] {
  const absolute = path.join(root, dir);
  if (!fs.existsSync(absolute)) return [];
  const found: string[] = [];
  for (const entry of fs.readdirSync(absolute, { withFileTypes: true })) {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(relative));
    else found.push(relative);
  }
  return found;
}

function loadSeeds(): Seed[] {
  const seeds: Seed[] = [];
  for (const [languageId, texts] of Object.entries(snippets)) {
    texts.forEach((text, i) => seeds.push({ languageId, text, name: `snippet ${languageId} #${i}` }));
  }
  for (const file of ['examples', 'test/fixtures', 'test/corpus/fixtures'].flatMap(filesUnder).sort()) {
    const languageId = knowledge.languageForFile(path.basename(file));
    if (!languageId) continue;
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    if (text.length > 200_000) continue; // keeps each fuzz case small and fast
    seeds.push({ languageId, text, name: file });
  }
  return seeds;
}

export const seeds: readonly Seed[] = loadSeeds();

export function seedsOf(languageId: string): Seed[] {
  const family = knowledge.language(languageId)?.family;
  const own = seeds.filter((s) => s.languageId === languageId);
  return own.length > 0 ? own : seeds.filter((s) => knowledge.language(s.languageId)?.family === family);
}
