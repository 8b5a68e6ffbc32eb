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
      // The first document is no spec: what was read of its responses (a description, an ignore) goes with its
      // sites, and the spec's sites that take their places in the scan's table get none of it.
      name: 'a YAML stream: a document that is no spec, then a spec',
      language: 'yaml',
      text: [
        'kind: Mock',
        'paths:',
        '  /a:',
        '    get:',
        '      responses:',
        "        '424':",
        '          description: a batch step failed',
        '          x-http-status-lens-ignore: [424-without-dependency]',
        '---',
        'openapi: 3.1.0',
        'paths:',
        '  /b:',
        '    get:',
        '      responses:',
        "        '[[424]]':",
        '          description: Failed.',
        '',
      ].join('\n'),
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

  // Pattern 1: reading a status is not setting one (hover only, no finding), in every family.
  runScenarios('424-without-dependency', [
    {
      name: 'Go: a comparison with a local variable',
      language: 'go',
      text: `func h(w http.ResponseWriter, r *http.Request) {\n\tif status == http.StatusFailedDependency {\n\t\treturn\n\t}\n}\n`,
    },
    {
      name: 'Go: a case of a switch on a status',
      language: 'go',
      text: `func h(resp *http.Response) {\n\tswitch resp.StatusCode {\n\tcase http.StatusFailedDependency:\n\t\tretry()\n\t}\n}\n`,
    },
    {
      name: 'TypeScript: ===, a case, .includes()',
      language: 'typescript',
      text: `async function f() {\n  if (res.status === 424) return;\n  if ([StatusCodes.LOCKED, StatusCodes.FAILED_DEPENDENCY].includes(res.status)) return;\n  switch (res.status) {\n    case 424: break;\n  }\n}`,
    },
    {
      name: 'Python: ==, is, in (...)',
      language: 'python',
      text: `def f(resp):\n    if resp.status_code == HTTPStatus.FAILED_DEPENDENCY:\n        return 1\n    if status is HTTPStatus.FAILED_DEPENDENCY:\n        return 2\n    if resp.status_code in (423, 424):\n        return 3\n`,
    },
    {
      name: 'Java: equals and ==',
      language: 'java',
      text: `void f(ResponseEntity<?> r) {\n    if (HttpStatus.FAILED_DEPENDENCY.equals(r.getStatusCode())) { retry(); }\n    if (r.getStatusCode() == HttpStatus.FAILED_DEPENDENCY) { retry(); }\n}\n`,
    },
    {
      name: 'Kotlin: a when on a status',
      language: 'kotlin',
      text: `fun f(r: HttpResponse) {\n    when (r.status) {\n        HttpStatusCode.FailedDependency -> retry()\n    }\n}\n`,
    },
    {
      name: 'C#: ==',
      language: 'csharp',
      text: `void F(HttpResponseMessage r) {\n    if (r.StatusCode == HttpStatusCode.FailedDependency) { Retry(); }\n}\n`,
    },
    {
      name: 'PHP: === and in_array',
      language: 'php',
      text: `<?php\nfunction f($r) {\n    if ($r->getStatusCode() === Response::HTTP_FAILED_DEPENDENCY) { return; }\n    if (in_array($status, [Response::HTTP_LOCKED, Response::HTTP_FAILED_DEPENDENCY])) { return; }\n}\n`,
    },
    {
      name: 'Ruby: when on a case of a status',
      language: 'ruby',
      text: `def f(response)\n  case response.code\n  when 424\n    retry_later\n  end\nend\n`,
    },
    {
      name: 'Rust: a match arm on a status',
      language: 'rust',
      text: `fn f(s: StatusCode) -> bool {\n    match s {\n        StatusCode::FAILED_DEPENDENCY => true,\n        _ => false,\n    }\n}\n`,
    },
    {
      name: 'a read beside a use: only the use is judged',
      language: 'typescript',
      text: `app.delete('/x', async (req, res) => {\n  const r = await db.remove(id);\n  if (r.status === 424) res.status([[424]]).end();\n});`,
    },
  ]);

  // Pattern 5: a GET only reads; a dependency word used as a name is no chain.
  runScenarios('424-without-dependency', [
    {
      name: 'a GET operation tagged workflow has no earlier action that could fail',
      language: 'yaml',
      text: yaml(`  /workflows/{id}:\n    get:\n      tags: [workflow]`, `        '[[424]]':\n          description: Failed.`),
    },
    {
      name: 'a GET whose 424 names an earlier failed action is 424 used as meant',
      language: 'yaml',
      text: yaml(
        `  /workflows/{id}/result:\n    get:`,
        `        '424':\n          description: The result is unavailable because the previous step failed.`,
      ),
    },
    {
      name: 'a GET handler named for a workflow',
      language: 'typescript',
      text: `app.get('/workflows/:id', async (req, res) => {\n  res.status([[424]]).end();\n});`,
    },
    {
      name: 'a POST handler named for a workflow',
      language: 'typescript',
      text: `app.post('/workflows/:id/run', async (req, res) => {\n  res.status(424).end();\n});`,
    },
    {
      name: 'a dependency used as a name (dependency_id) is no dependency that failed',
      language: 'python',
      text: `def delete(dependency_id):\n    abort([[424]], "dependency id failed validation")\n`,
    },
    {
      name: 'a dependency and its failure stated apart: the 424 is used as meant',
      language: 'python',
      text: `def run(task):\n    abort(424, "the parent task %s has failed" % task.parent)\n`,
    },
  ]);

  // Pattern 4: a status carried through the application's own code is a site, judged where it is written.
  runScenarios('424-without-dependency', [
    {
      name: 'TypeScript: an error type of the app',
      language: 'typescript',
      text: `async function remove(id) {\n  throw new AppError('cannot remove', [[424]]);\n}`,
    },
    {
      name: 'TypeScript: a status keyword of a helper',
      language: 'typescript',
      text: `function remove(id) {\n  return fail(res, { httpStatus: [[424]], message: 'no' });\n}`,
    },
    {
      name: 'Go: a helper writing the response',
      language: 'go',
      text: `func remove(w http.ResponseWriter) {\n\terrorResponse(w, [[424]], "cannot remove")\n}\n`,
    },
    {
      name: 'Go: a status returned from a service function',
      language: 'go',
      text: `func (s *Service) Remove(id string) (int, error) {\n\treturn [[424]], errors.New("cannot remove")\n}\n`,
    },
    { name: 'Java: setStatus on an error object', language: 'java', text: `void remove(ApiError err) {\n    err.setStatus([[424]]);\n}\n` },
    {
      name: 'Python: an app exception with a status keyword',
      language: 'python',
      text: `def remove():\n    raise ApiError("cannot remove", http_status=[[424]])\n`,
    },
    {
      name: 'PHP: an app exception',
      language: 'php',
      text: `<?php\nfunction remove() {\n    throw new DomainException('cannot remove', [[424]]);\n}\n`,
    },
    { name: 'Ruby: a status keyword of a helper', language: 'ruby', text: `def remove\n  fail_with(code: [[424]], message: "no")\nend\n` },
    {
      name: 'C#: a problem result',
      language: 'csharp',
      text: `public IActionResult Remove() {\n    return Problem("cannot remove", statusCode: [[424]]);\n}\n`,
    },
    { name: 'Kotlin: an app exception', language: 'kotlin', text: `fun remove() {\n    throw ApiException("cannot remove", [[424]])\n}\n` },
    {
      name: 'Rust: an app error constructor',
      language: 'rust',
      text: `fn remove() -> Result<(), ApiError> {\n    Err(ApiError::new([[424]], "cannot remove"))\n}\n`,
    },
    {
      name: 'not a status: a size, a timeout, a test assertion',
      language: 'typescript',
      text: `const width = 424;\nsetTimeout(run, 424);\nexpect(res.status).toBe(424);\nassertError(424);\nconst box = { width: 424 };`,
    },
  ]);

  // Seen in the corpus (x/net/webdav, pywebdav): a status inside a propstat is one item of a 207; local file work is no upstream.
  runScenarios('424-without-dependency', [
    {
      name: 'Go: Propstat{Status: ...} under a guard named conflict is one item of a multistatus',
      language: 'go',
      text: `func patch(patches []Patch) []Propstat {\n\tif conflict {\n\t\tpstat := Propstat{\n\t\t\tStatus: StatusFailedDependency,\n\t\t}\n\t\treturn []Propstat{pstat}\n\t}\n\treturn nil\n}\n`.replace(
        'StatusFailedDependency',
        'http.StatusFailedDependency',
      ),
    },
    {
      name: 'Go: an element of []Propstat{{...}, {...}} with its type elided',
      language: 'go',
      text: `func want() []Propstat {\n\treturn []Propstat{{\n\t\tStatus: http.StatusForbidden,\n\t}, {\n\t\tStatus: http.StatusFailedDependency,\n\t}}\n}\n`,
    },
    {
      name: 'Python: a failed local file write is no upstream failure (but no chain either)',
      language: 'python',
      text: `def put(self, uri, data):\n    try:\n        with open(path, "bw+") as fp:\n            fp.write(data)\n    except Exception as e:\n        raise DAV_Error([[424]])\n`,
    },
  ]);

  // Patterns from the judgement corpus (docs/corpus.md).
  runScenarios('424-without-dependency', [
    {
      name: 'Go: a test assertion reads the status',
      language: 'go',
      text: `func TestX(t *testing.T) {\n\tassert.Equal(t, http.StatusFailedDependency, w.Code)\n}\n`,
    },
    {
      name: 'TypeScript: expect().toBe() reads the status',
      language: 'typescript',
      text: `it('fails', async () => {\n  expect(res.status).toBe(StatusCodes.FAILED_DEPENDENCY);\n});`,
    },
    {
      name: 'PHP: assertSame reads the status',
      language: 'php',
      text: `<?php\nfunction testX() {\n    static::assertSame(Response::HTTP_FAILED_DEPENDENCY, $e->getStatusCode());\n}\n`,
    },
    {
      name: 'Python: assertEqual reads the status',
      language: 'python',
      text: `def test_x(self):\n    self.assertEqual(resp.status_code, status.HTTP_424_FAILED_DEPENDENCY)\n`,
    },
    {
      name: "Rust: assert_eq! and matches! read the status, as a call of the same name would (the macro's `!` between)",
      language: 'rust',
      text: `async fn stopped_vm_refuses(vm: Vm) {\n    assert_eq!(resp.status(), StatusCode::FAILED_DEPENDENCY);\n    assert!(matches!(\n        vm.run().await.unwrap_err().status().unwrap(),\n        reqwest::StatusCode::FAILED_DEPENDENCY\n    ));\n}\n`,
    },
    {
      name: 'Rust: a match arm whose pattern wraps the status (`Some(StatusCode::X) =>`) reads it',
      language: 'rust',
      text: `fn stop(error: Error) {\n    match error.status() {\n        Some(reqwest::StatusCode::FAILED_DEPENDENCY) => {}\n        _ => log(error),\n    }\n}\n`,
    },
    {
      name: 'Rust: a macro that reads nothing leaves its status a use (`json!`)',
      language: 'rust',
      text: `async fn handler() -> impl IntoResponse {\n    (StatusCode::from_u16([[424]]).unwrap(), Json(json!({ "error": "x" })))\n}\n`,
    },
    {
      name: 'TypeScript: mapping the app error named for 424 to 424',
      language: 'typescript',
      text: `async function catchErrors(e) {\n  if (e instanceof FailedDependencyError) {\n    await errorHandler(424, e.message);\n  }\n}`,
    },
    {
      name: 'C#: a batch operation result holds one item of a chain',
      language: 'csharp',
      text: `void F() {\n    var r = new TransactionalBatchOperationResult(HttpStatusCode.FailedDependency);\n}\n`,
    },
    {
      name: 'C#: under a flag that an earlier change failed',
      language: 'csharp',
      text: `void Apply() {\n    if (failed)\n    {\n        result.Add(ChangeItem.FailedDependency(key));\n    }\n}\n`,
    },
    {
      name: 'C#: the app helper named for 424 is a site, its definition is not',
      language: 'csharp',
      text: `protected IActionResult FailedDependency(object body) => StatusCode(424, body);\npublic IActionResult Finalize(string id) {\n    if (id is null) return [[FailedDependency]](ErrorResponse.MissingPendingId);\n    return Ok();\n}\n`.replace(
        'StatusCode(424, body)',
        'Wrap(body)',
      ),
    },
    {
      name: 'Python: the app error type named for 424, raised',
      language: 'python',
      text: `def validate(report):\n    if report.status != STATUS_COMPLETE:\n        raise [[FailedDependencyError]]({"detail": "not created"})\n`,
    },
    {
      name: 'Python: the app error type caught is a mention',
      language: 'python',
      text: `def f():\n    try:\n        g()\n    except FailedDependencyError:\n        pass\n`,
    },
    {
      name: 'Ruby: a message giving its own reason is not made a chain by a workflow handler',
      language: 'ruby',
      text: `class RunWorkflow\n  def call\n    context.fail!(message: "Workflow is not active", status: [[:failed_dependency]]) unless workflow.active?\n  end\nend\n`,
    },
    {
      name: 'Python/FastAPI: the declared 424 itself is judged by its description',
      language: 'python',
      text: `@router.post("/x", responses={400: {"description": "Bad input"}, [[424]]: {"description": "The User-Agent was invalid"}})\ndef x():\n    pass\n`,
    },
  ]);

  // Pattern 5 in more families: a GET handler's workflow/batch naming marks no chain.
  runScenarios('424-without-dependency', [
    {
      name: 'Python: @app.get on a workflow route',
      language: 'python',
      text: `@app.get("/workflows/<id>")\ndef show(id):\n    abort([[424]])\n`,
    },
    {
      name: 'Python: @app.post on a workflow route marks a chain',
      language: 'python',
      text: `@app.post("/workflows/<id>/run")\ndef run(id):\n    abort(424)\n`,
    },
    {
      name: 'Go: gin r.GET on a batch route',
      language: 'go',
      text: `func routes(r *gin.Engine) {\n\tr.GET("/batches/:id", func(c *gin.Context) {\n\t\tc.Status([[http.StatusFailedDependency]])\n\t})\n}\n`,
    },
    {
      name: 'Java: @GetMapping on a batch route',
      language: 'java',
      text: `@GetMapping("/batches/{id}")\npublic ResponseEntity<?> get(@PathVariable String id) {\n    return ResponseEntity.status([[HttpStatus.FAILED_DEPENDENCY]]).build();\n}\n`,
    },
    {
      name: 'Kotlin: @GetMapping on a batch route, on its own line',
      language: 'kotlin',
      text: `@GetMapping("/batches/{id}")\nfun get(@PathVariable id: String): ResponseEntity<Any> {\n    return ResponseEntity.status([[HttpStatus.FAILED_DEPENDENCY]]).build()\n}\n`,
    },
    {
      name: 'Kotlin: @PostMapping on a batch route, on its own line, marks a chain',
      language: 'kotlin',
      text: `@PostMapping("/batches")\n@ResponseBody\nfun run(@RequestBody items: List<Item>): ResponseEntity<Any> {\n    return ResponseEntity.status(HttpStatus.FAILED_DEPENDENCY).build()\n}\n`,
    },
    {
      name: 'Java: a Javalin lambda handler on a GET batch route',
      language: 'java',
      text: `void routes(Javalin app) {\n    app.get("/batches/{id}", ctx -> {\n        log.info("reading");\n        ctx.status([[424]]);\n    });\n}\n`,
    },
    {
      name: 'Java: a Javalin lambda handler on a POST batch route marks a chain',
      language: 'java',
      text: `void routes(Javalin app) {\n    app.post("/batches", ctx -> {\n        log.info("running");\n        ctx.status(424);\n    });\n}\n`,
    },
    { name: 'Ruby: Sinatra get on a batch route', language: 'ruby', text: `get '/batches/:id' do\n  halt [[424]]\nend\n` },
    {
      name: 'C#: [HttpGet] on a workflow action',
      language: 'csharp',
      text: `[HttpGet("workflows/{id}")]\npublic IActionResult GetWorkflow(int id) {\n    return StatusCode([[424]]);\n}\n`,
    },
  ]);

  // A database transaction around a handler (Spring's @Transactional, Django's @transaction.atomic) says how it
  // stores, not that the request is a chain of actions: the 424 is judged as if the annotation were not there.
  runScenarios('424-without-dependency', [
    {
      name: 'Java: Spring @Transactional on the handler',
      language: 'java',
      text: `@PostMapping("/sections")\n@Transactional\npublic ResponseEntity<String> create(@RequestBody Section s) {\n    return new ResponseEntity<>("Creating failed", [[HttpStatus.FAILED_DEPENDENCY]]);\n}\n`,
    },
    {
      name: 'Java: @Transactional(readOnly = false) on the class',
      language: 'java',
      text: `@Service\n@Transactional(readOnly = false)\npublic class SectionService {\n    public void create(Section s) {\n        throw new ResponseStatusException([[HttpStatus.FAILED_DEPENDENCY]], "Save failed");\n    }\n}\n`,
    },
    {
      name: 'Java: @Transactional beside a batch route still marks the chain by its route',
      language: 'java',
      text: `@PostMapping("/sections/batch")\n@Transactional\npublic ResponseEntity<String> createAll(@RequestBody List<Section> s) {\n    return new ResponseEntity<>("Creating failed", HttpStatus.FAILED_DEPENDENCY);\n}\n`,
    },
    {
      name: 'Kotlin: Spring @Transactional on the handler',
      language: 'kotlin',
      text: `@Transactional\nfun create(dto: SectionDto): ResponseEntity<String> {\n    return ResponseEntity.status([[HttpStatus.FAILED_DEPENDENCY]]).body("Creating failed")\n}\n`,
    },
    {
      name: 'Python: Django @transaction.atomic on the view',
      language: 'python',
      text: `@api_view(["POST"])\n@transaction.atomic\ndef create_section(request):\n    return Response(status=[[status.HTTP_424_FAILED_DEPENDENCY]])\n`,
    },
    {
      name: 'Python: @db.atomic() (peewee) on the view',
      language: 'python',
      text: `@app.route("/sections", methods=["POST"])\n@db.atomic()\ndef create_section():\n    abort([[424]])\n`,
    },
    {
      name: 'Kotlin: a @PostMapping batch route on the line above still marks the chain',
      language: 'kotlin',
      text: `@Transactional\n@PostMapping("/sections/batch")\nfun createAll(@RequestBody dtos: List<SectionDto>): ResponseEntity<String> {\n    return ResponseEntity.status(HttpStatus.FAILED_DEPENDENCY).build()\n}\n`,
    },
    {
      name: 'TypeScript: @Transactional() on a NestJS handler',
      language: 'typescript',
      text: `@Post()\n@Transactional()\nasync create(@Body() dto: SectionDto) {\n  throw new HttpException('Creating failed', [[HttpStatus.FAILED_DEPENDENCY]]);\n}\n`,
    },
  ]);

  // Annotations are no names: a handler whose annotation answers with 424 (`@ResponseStatus`), or declares it
  // (`@ApiResponse(..., description = "Failed Dependency")`), is not named after the code, so the 424 of its body
  // is a use, judged as the annotation's is.
  runScenarios('424-without-dependency', [
    {
      name: 'Java: the body of an @ExceptionHandler with @ResponseStatus(FAILED_DEPENDENCY)',
      language: 'java',
      text: `@ControllerAdvice\npublic class Errors {\n    @ResponseStatus(value = [[HttpStatus.FAILED_DEPENDENCY]], reason = "Can not detach fleet")\n    @ExceptionHandler(FleetDetachException.class)\n    public Error detach(FleetDetachException e) {\n        return new Error(e.getMessage(), [[HttpStatus.FAILED_DEPENDENCY]].value());\n    }\n}\n`,
    },
    {
      name: 'Kotlin: the body of a handler whose @ApiResponse declares "Failed Dependency"',
      language: 'kotlin',
      text: `@ApiResponse(responseCode = "500", description = "Failed Dependency")\n@PostMapping("/fleets")\nfun create(@RequestBody body: Fleet): ResponseEntity<Fleet> {\n    if (!valid(body)) return ResponseEntity.status([[HttpStatus.FAILED_DEPENDENCY]]).build()\n    return ResponseEntity.ok(body)\n}\n`,
    },
    {
      name: 'Java: a method named after the code still defines it',
      language: 'java',
      text: `@Override\npublic int failedDependency() {\n    return HttpStatus.FAILED_DEPENDENCY.value();\n}\n`,
    },
  ]);

  // A data store or cache of the application's own (sqlc's `Store`, a model store, an informer's cache) is its
  // own layer too.
  runScenarios('424-without-dependency', [
    {
      name: 'Go: gin, if err != nil after server.store.TransferTransaction',
      language: 'go',
      text: `func (server *Server) transfer(ctx *gin.Context) {\n\tresult, err := server.store.TransferTransaction(ctx, arg)\n\tif err != nil {\n\t\tctx.JSON([[http.StatusFailedDependency]], errorResponse(err))\n\t\treturn\n\t}\n\tctx.JSON(http.StatusOK, result)\n}\n`,
    },
    {
      name: 'Go: if err != nil after h.addonCache.Get',
      language: 'go',
      text: `func (h ActionHandler) possible(rw http.ResponseWriter) error {\n\taddon, err := h.addonCache.Get(namespace, name)\n\tif err != nil {\n\t\trw.WriteHeader([[http.StatusFailedDependency]])\n\t\treturn nil\n\t}\n\treturn check(addon)\n}\n`,
    },
    {
      name: 'Python: except around store.get_model',
      language: 'python',
      text: `def load(model_name):\n    try:\n        model = store.get_model(model_name)\n    except Exception:\n        raise HTTPException(status_code=[[424]])\n    return model\n`,
    },
    {
      name: 'TypeScript: catch around this.sessionCache.get',
      language: 'typescript',
      text: `app.get('/session', async (req, res) => {\n  try {\n    res.json(await this.sessionCache.get(req.query.id));\n  } catch (e) {\n    return res.status([[424]]).end();\n  }\n});`,
    },
    {
      name: 'Java: catch around userStore.lookup',
      language: 'java',
      text: `public ResponseEntity<User> get(String id) {\n    try {\n        return ResponseEntity.ok(userStore.lookup(id));\n    } catch (Exception e) {\n        return ResponseEntity.status([[HttpStatus.FAILED_DEPENDENCY]]).build();\n    }\n}\n`,
    },
  ]);

  // A call on the application's own layer (a service, repository or DAO) failing is the server's own failure,
  // not another service's: nothing marks a chain, so the 424 has no dependency (the last word of the receiver
  // says what it is: `clientService` is a service about clients, not an HTTP client).
  runScenarios('424-without-dependency', [
    {
      name: 'Go: fiber, if err != nil after h.ProductService.CreateProduct',
      language: 'go',
      text: `func (h *Handler) Create(c *fiber.Ctx) error {\n\tres, err := h.ProductService.CreateProduct(payload.ToDomain())\n\tif err != nil {\n\t\treturn c.Status([[fiber.StatusFailedDependency]]).JSON(err)\n\t}\n\treturn c.JSON(res)\n}\n`,
    },
    {
      name: 'Java: catch (Exception) around clientService.addClient',
      language: 'java',
      text: `@PostMapping("/clients")\npublic ResponseEntity<String> add(@RequestBody ClientDto dto) {\n    try {\n        clientService.addClient(dto);\n        return ResponseEntity.ok("added");\n    } catch (Exception e) {\n        return new ResponseEntity<>(e.getMessage(), [[HttpStatus.FAILED_DEPENDENCY]]);\n    }\n}\n`,
    },
    {
      name: 'TypeScript: catch around this.ordersRepository.save',
      language: 'typescript',
      text: `app.post('/orders', async (req, res) => {\n  try {\n    await this.ordersRepository.save(req.body);\n  } catch (e) {\n    return res.status([[424]]).end();\n  }\n});`,
    },
    {
      name: 'Python: except around user_dao.insert',
      language: 'python',
      text: `@app.post("/users")\ndef create():\n    try:\n        user_dao.insert(request.json)\n    except Exception:\n        abort([[424]])\n`,
    },
    {
      name: 'C#: catch around _orderService.CreateAsync',
      language: 'csharp',
      text: `[HttpPost]\npublic async Task<IActionResult> Create(OrderDto dto) {\n    try {\n        await _orderService.CreateAsync(dto);\n        return Ok();\n    } catch (Exception) {\n        return StatusCode([[424]]);\n    }\n}\n`,
    },
    {
      name: 'Java: Reactor .onErrorResume after a chain rooted in a repository',
      language: 'java',
      text: `public Mono<Favorite> save(FavoriteDto dto) {\n    return Mono.defer(() -> favoriteRepository.findByUserId(dto.userId()).switchIfEmpty(favoriteRepository.save(new Favorite(dto))))\n        .onErrorResume(e -> Mono.error(new ResponseStatusException([[HttpStatus.FAILED_DEPENDENCY]], "save failed")));\n}\n`,
    },
    {
      name: "JavaScript: catch around a model's save() (the app's own database)",
      language: 'javascript',
      text: `router.post('/signup', async (req, res) => {\n  try {\n    await newToken.save();\n  } catch (err) {\n    return res.status([[424]]).json({ code: 'ERR_AUTH_TOKEN_SAVE_FAILED' });\n  }\n});`,
    },
    {
      name: 'Go: http.NewRequest builds a request locally',
      language: 'go',
      text: `func (h *H) hook(w http.ResponseWriter, r *http.Request) {\n\treq, err := http.NewRequest("GET", link, nil)\n\tif err != nil {\n\t\tw.WriteHeader([[http.StatusFailedDependency]])\n\t\treturn\n\t}\n\th.send(req)\n}\n`,
    },
    {
      name: 'PHP: catch around $this->orderRepository->save',
      language: 'php',
      text: `public function store(Request $request) {\n    try {\n        $this->orderRepository->save($request->all());\n    } catch (\\Exception $e) {\n        return response()->json([], [[424]]);\n    }\n}\n`,
    },
  ]);

  // A switch expression's arm says only its own message; the program's own faults (reflection, a null) are local.
  runScenarios('424-without-dependency', [
    {
      name: "C#: an arm's message is not the earlier arm's",
      language: 'csharp',
      text: `IResult Map(Error error) => error.Type switch {\n    ErrorType.Conflict when error.Code == "Quote.ConcurrencyConflict" => Results.StatusCode(StatusCodes.Status412PreconditionFailed),\n    ErrorType.Failure => Results.StatusCode([[StatusCodes.Status424FailedDependency]]),\n    _ => Results.StatusCode(500)\n};\n`,
    },
    {
      name: 'Java: catch (IllegalAccessException) around reflection',
      language: 'java',
      text: `public Video copy(Video source) {\n    try {\n        Object value = field.get(source);\n        return apply(value);\n    } catch (IllegalAccessException e) {\n        throw new ResponseStatusException([[HttpStatus.FAILED_DEPENDENCY]], "copy failed");\n    }\n}\n`,
    },
  ]);

  // A declared response's own name is no evidence: "Failed dependency" says nothing of why.
  runScenarios('424-without-dependency', [
    {
      name: 'Java: @ApiResponse described only by its own name',
      language: 'java',
      text: `@ApiResponse(responseCode = "[[424]]", description = "Failed dependency")\n@DeleteMapping("/repos/{id}")\npublic void delete(@PathVariable String id) {\n    repos.delete(id);\n}\n`,
    },
    {
      name: "JavaScript: a body that echoes the code's name",
      language: 'javascript',
      text: `app.post('/orders', async (req, res) => {\n  return res.status([[424]]).send({ error: 'Failed Dependency', message: 'The order could not be saved' });\n});`,
    },
    {
      name: 'Java: a transaction as a domain record marks no chain',
      language: 'java',
      text: `@PostMapping("/transactions")\npublic ResponseEntity<Transaction> postTransaction(@RequestBody TransactionDto dto) {\n    return ResponseEntity.status([[HttpStatus.FAILED_DEPENDENCY]]).build();\n}\n`,
    },
  ]);

  // A local failure named by the message or the exception outweighs a call known only by its role.
  runScenarios('424-without-dependency', [
    {
      name: 'Go: the message says the named cache was not found',
      language: 'go',
      text: `func CacheMiddleware(next echo.HandlerFunc) echo.HandlerFunc {\n\treturn func(c echo.Context) error {\n\t\tcache, err := caches.FetchCache(c.Request().Header.Get("X-Cache-Name"))\n\t\tif err != nil {\n\t\t\treturn c.String([[http.StatusFailedDependency]], "cache not found")\n\t\t}\n\t\treturn next(c)\n\t}\n}\n`,
    },
    {
      name: 'Java: catch (MissingSchemaException)',
      language: 'java',
      text: `public ResponseEntity<Record> create(RecordDto dto) {\n    try {\n        return ResponseEntity.ok(definitions.resolve(dto.key()));\n    } catch (MissingSchemaException e) {\n        throw new ResponseStatusException([[HttpStatus.FAILED_DEPENDENCY]], e.getMessage());\n    }\n}\n`,
    },
  ]);

  // The application's own database, an object's accessors, the handler's own response: no other service.
  runScenarios('424-without-dependency', [
    {
      name: "Python: except around pymongo's insert_one",
      language: 'python',
      text: `@router.post("/bills")\ndef create_bill(bill: Bill):\n    try:\n        db["bills"].insert_one(bill.dict())\n    except Exception as exception:\n        raise HTTPException(status_code=[[status.HTTP_424_FAILED_DEPENDENCY]], detail=str(exception))\n`,
    },
    {
      name: 'Go: collection.InsertOne failing',
      language: 'go',
      text: `func AddAsset(c *fiber.Ctx) error {\n\t_, err := collection.InsertOne(ctx, asset)\n\tif err != nil {\n\t\treturn c.Status([[http.StatusFailedDependency]]).JSON(err)\n\t}\n\treturn nil\n}\n`,
    },
    {
      name: 'Java: a getter is no call to another service; DataAccessException is the database',
      language: 'java',
      text: `public ResponseEntity<Author> add(@RequestBody Author author) {\n    try {\n        Long id = author.getAuthorId();\n        return ResponseEntity.ok(repository.save(author));\n    } catch (DataAccessException e) {\n        return ResponseEntity.status([[HttpStatus.FAILED_DEPENDENCY]]).build();\n    }\n}\n`,
    },
    {
      name: "Kotlin: Ktor's call.respond in the try is the handler's own response",
      language: 'kotlin',
      text: `post("/rooms/{id}") {\n    try {\n        val room = rooms[call.parameters["id"]]!!\n        call.respond(HttpStatusCode.OK, room)\n    } catch (e: Exception) {\n        call.respond([[HttpStatusCode.FailedDependency]], "UNKNOWN_ERROR")\n    }\n}\n`,
    },
  ]);

  // A stub of another service's answer in a test is read, not sent.
  runScenarios('424-without-dependency', [
    {
      name: "Ruby: WebMock's to_return(status: 424)",
      language: 'ruby',
      text: `it "raises when the service fails" do\n  stub_request(:post, cfe_url).to_return(status: 424, body: "{}")\n  expect { builder.call }.to raise_error(SubmissionError)\nend\n`,
    },
    {
      name: "Python: HTTPretty's register_uri(..., status=424)",
      language: 'python',
      text: `def test_failure():\n    httpretty.register_uri(httpretty.GET, URL, status=424)\n    assert fetch() is None\n`,
    },
  ]);

  // A test file (by its name, data/languages.json testFiles) states the statuses it expects, or stubs another
  // service's answer: none is a response the application sends. The same code outside a test is reported.
  const inTests: [string, string, string, string][] = [
    // [language, test file, other file, code with one 424]
    [
      'go',
      'status_handler_test.go',
      'status_handler.go',
      `func handle(w http.ResponseWriter) {\n\tw.WriteHeader([[http.StatusFailedDependency]])\n}\n`,
    ],
    ['python', 'tests/test_pages.py', 'pages.py', `def view(request):\n    return Response(status=[[424]])\n`],
    [
      'typescript',
      'src/orders.spec.ts',
      'src/orders.ts',
      `export function fail(res: Response) {\n  res.status([[424]]).json({ error: 'x' });\n}\n`,
    ],
    ['javascript', 'src/__tests__/orders.js', 'src/orders.js', `function fail(res) {\n  res.status([[424]]).json({ error: 'x' });\n}\n`],
    [
      'java',
      'src/test/java/app/OrderControllerTest.java',
      'src/main/java/app/OrderController.java',
      `class OrderController {\n    ResponseEntity<Void> fail() {\n        return ResponseEntity.status([[HttpStatus.FAILED_DEPENDENCY]]).build();\n    }\n}\n`,
    ],
    [
      'kotlin',
      'src/test/kotlin/app/OrderTests.kt',
      'src/main/kotlin/app/Order.kt',
      `fun fail(): ResponseEntity<Unit> {\n    return ResponseEntity.status([[HttpStatus.FAILED_DEPENDENCY]]).build()\n}\n`,
    ],
    [
      'csharp',
      'Api.Tests/IdentityIntegrationTests.cs',
      'Api/Identity.cs',
      `public IActionResult Fail() {\n    return StatusCode([[424]]);\n}\n`,
    ],
    [
      'php',
      'tests/BatchRequestTest.php',
      'src/BatchRequest.php',
      `<?php\nfunction fail() {\n    return response()->json([], [[424]]);\n}\n`,
    ],
    ['ruby', 'spec/orders_spec.rb', 'app/orders.rb', `def fail\n  head [[424]]\nend\n`],
  ];
  runScenarios(
    '424-without-dependency',
    inTests.flatMap(([language, test, other, text]) => [
      { name: `in ${test}: not reported`, language, path: test, text: text.replace(/\[\[|\]\]/g, '') },
      { name: `in ${other}: reported`, language, path: other, text },
    ]),
  );
  // The status of an error type named after it is its definition; its throws are the uses (judgement rounds 7 and 10).
  runScenarios('424-without-dependency', [
    {
      name: 'Java: @ResponseStatus on FailedDependencyException is not reported',
      language: 'java',
      text: `@ResponseStatus(HttpStatus.FAILED_DEPENDENCY)\npublic class FailedDependencyException extends RuntimeException {\n    public FailedDependencyException(String message) { super(message); }\n}\n`,
    },
    {
      name: 'Kotlin: @ResponseStatus on a bodiless ContainerFailedDependencyException is not reported',
      language: 'kotlin',
      text: `@ResponseStatus(HttpStatus.FAILED_DEPENDENCY)\nclass ContainerFailedDependencyException(message: String) : RuntimeException(message)\n`,
    },
    {
      name: 'C#: base(status) of FailedDependencyException is not reported',
      language: 'csharp',
      text: `public class FailedDependencyException : ProblemException\n{\n    public FailedDependencyException() : base(StatusCodes.Status424FailedDependency, "Failed dependency") { }\n}\n`,
    },
    {
      name: 'Java: an exception named for nothing in particular is still reported',
      language: 'java',
      text: `@ResponseStatus([[HttpStatus.FAILED_DEPENDENCY]])\npublic class OrderException extends RuntimeException {\n    public OrderException(String message) { super(message); }\n}\n`,
    },
  ]);
  // A message that names a local failure outweighs a call known only by its role, contracted or not ("doesn't exist").
  runScenarios('424-without-dependency', [
    {
      name: 'Java: catch around a repository bind, "The host doesn\'t exist"',
      language: 'java',
      text: `void bind(Hosts hosts) {\n    try {\n        hosts.getHost().forEach(h -> binder.bindToNode(h.getId()));\n    } catch (Exception e) {\n        throw new ResponseStatusException([[HttpStatus.FAILED_DEPENDENCY]], "The host " + e + " doesn't exist.");\n    }\n}\n`,
    },
    {
      name: 'Python: except around a lookup, "that account doesn\'t exist"',
      language: 'python',
      text: `def close(account_id):\n    try:\n        ledger.close(account_id)\n    except Exception:\n        return {"error": "that account doesn't exist"}, [[424]]\n`,
    },
    {
      name: 'TypeScript: catch around a lookup, "the plan isn’t found"',
      language: 'typescript',
      text: `async function upgrade(req: Request, res: Response) {\n  try {\n    await plans.upgrade(req.params.id);\n  } catch (e) {\n    res.status([[424]]).json({ error: 'the plan isn’t found' });\n  }\n}\n`,
    },
  ]);
  // Building the response (a view, a redirect, a ResponseEntity, a status's value) or walking a list is local work:
  // its failure is the server's own, not another service's (judgement round 10).
  runScenarios('424-without-dependency', [
    {
      name: 'PHP: catch around rendering a view',
      language: 'php',
      text: `<?php\nfunction items($request) {\n    try {\n        $html = view('cart.items', ['cart' => $cart])->render();\n    } catch (\\Throwable $e) {\n        return response()->json(['message' => 'refresh'], [[Response::HTTP_FAILED_DEPENDENCY]]);\n    }\n}\n`,
    },
    {
      name: 'Python: except around render_template',
      language: 'python',
      text: `def cart():\n    try:\n        return render_template("cart.html", items=items)\n    except Exception:\n        return "", [[424]]\n`,
    },
    {
      name: 'Ruby: rescue around respond_to and redirect_to',
      language: 'ruby',
      text: `def destroy\n  respond_to do |format|\n    format.html { redirect_to(patterns_url) }\n  end\nrescue StandardError => e\n  head [[:failed_dependency]]\nend\n`,
    },
    {
      name: 'Java: catch around ResponseEntity, a status value and Optional.get()',
      language: 'java',
      text: `ResponseEntity<?> signup(Request r) {\n    try {\n        Role role = roles.get();\n        return ResponseEntity.ok(new Dto(HttpStatus.OK.value(), "done"));\n    } catch (Exception e) {\n        return ResponseEntity.status([[HttpStatus.FAILED_DEPENDENCY]]).build();\n    }\n}\n`,
    },
    {
      name: 'JavaScript: catch around forEach',
      language: 'javascript',
      text: `function total(req, res) {\n  try {\n    req.body.items.forEach((i) => { sum += i.price; });\n  } catch (e) {\n    res.status([[424]]).end();\n  }\n}\n`,
    },
    {
      name: 'Kotlin: catch around forEach',
      language: 'kotlin',
      text: `fun total(items: List<Item>): ResponseEntity<Unit> {\n    try {\n        items.forEach { sum += it.price }\n    } catch (e: Exception) {\n        return ResponseEntity.status([[HttpStatus.FAILED_DEPENDENCY]]).build()\n    }\n    return ResponseEntity.ok().build()\n}\n`,
    },
  ]);
  // The application's own command bus or mediator is its own layer; a caught domain, configuration or encryption
  // error, or a plugin that is not active, is the server's own failure (judgement round 10).
  runScenarios('424-without-dependency', [
    {
      name: 'PHP: catch DomainException around the command bus',
      language: 'php',
      text: `<?php\nfunction create($request) {\n    try {\n        $this->commandBus->dispatch(new CreateInvoice($request->all()));\n    } catch (DomainException $e) {\n        return new JsonResponse(['error' => $e->getMessage()], [[Response::HTTP_FAILED_DEPENDENCY]]);\n    }\n}\n`,
    },
    {
      name: 'C#: catch around the mediator',
      language: 'csharp',
      text: `public async Task<IActionResult> Create(CreateOrder command)\n{\n    try { await _mediator.Send(command); }\n    catch (Exception) { return StatusCode([[StatusCodes.Status424FailedDependency]]); }\n    return Ok();\n}\n`,
    },
    {
      name: 'TypeScript: catch around the CQRS query bus',
      language: 'typescript',
      text: `async find(@Param('id') id: string) {\n  try {\n    return await this.queryBus.execute(new FindOrder(id));\n  } catch (e) {\n    throw new HttpException('not found', [[HttpStatus.FAILED_DEPENDENCY]]);\n  }\n}\n`,
    },
    {
      name: 'Python: except a configuration error',
      language: 'python',
      text: `def softphone(request):\n    try:\n        auth = resolve_softphone_auth(request.user)\n    except SoftphoneConfigError as exc:\n        return Response({"error": exc.reason}, status=[[status.HTTP_424_FAILED_DEPENDENCY]])\n`,
    },
    {
      name: 'Java: catch a plugin that is not active, around a client call',
      language: 'java',
      text: `ResponseEntity<?> subscribe(String topic) {\n    try {\n        plugin.getClient().subscribe(topic);\n    } catch (PluginNotActiveException e) {\n        return ResponseEntity.status([[HttpStatus.FAILED_DEPENDENCY]]).build();\n    }\n    return ResponseEntity.ok().build();\n}\n`,
    },
    {
      name: 'Ruby: rescue an encryption error',
      language: 'ruby',
      text: `def token\n  secret = decrypt_secret(credential)\nrescue EncryptionError\n  head [[:failed_dependency]]\nend\n`,
    },
  ]);
  runScenarios('424-without-dependency', [
    {
      name: 'Go/Iris: iris.StatusFailedDependency for a missing path parameter',
      language: 'go',
      text: `func GetInvoice(ctx iris.Context) {\n    invoiceId := ctx.Params().Get("id")\n    if invoiceId == "" {\n        ctx.StopWithProblem([[iris.StatusFailedDependency]], iris.NewProblem().Title("Missing or invalid invoice id"))\n        return\n    }\n}\n`,
    },
  ]);
  // A condition nearer the site that tests for a local failure outweighs the call known only by its role (rounds 8, 10).
  runScenarios('424-without-dependency', [
    {
      name: 'Go: the error of a fetch asserted to be a NotFoundError',
      language: 'go',
      text: `func add(w http.ResponseWriter, r *http.Request) {\n\tinfo, err := fetcher.Fetch(url)\n\tif err != nil {\n\t\tif notFoundErr, ok := err.(*oembed.NotFoundError); ok {\n\t\t\tw.WriteHeader([[http.StatusFailedDependency]])\n\t\t\treturn\n\t\t}\n\t}\n}\n`,
    },
    {
      name: 'Java: a caught error tested for EntityNotFoundException',
      language: 'java',
      text: `ResponseEntity<?> get(Long id) {\n    try {\n        return ResponseEntity.ok(loader.load(id));\n    } catch (Exception e) {\n        if (e instanceof EntityNotFoundException) {\n            return ResponseEntity.status([[HttpStatus.FAILED_DEPENDENCY]]).build();\n        }\n        throw e;\n    }\n}\n`,
    },
    {
      name: 'Python: a caught error tested with isinstance(e, NotFound)',
      language: 'python',
      text: `def show(pk):\n    try:\n        item = loader.load(pk)\n    except Exception as e:\n        if isinstance(e, NotFound):\n            return {}, [[424]]\n        raise\n`,
    },
    {
      name: 'TypeScript: a caught error tested with instanceof NotFoundError',
      language: 'typescript',
      text: `async function show(req: Request, res: Response) {\n  try {\n    res.json(await loader.load(req.params.id));\n  } catch (err) {\n    if (err instanceof NotFoundError) {\n      res.status([[424]]).end();\n    }\n  }\n}\n`,
    },
  ]);
  // A spelling that needs a status context (a Ruby symbol, the http-status package's names) given to a keyword or
  // property named for a status in the application's own code is a site (judgement round 11's error classes).
  runScenarios('424-without-dependency', [
    {
      name: 'Ruby: super(message:, http_status: :failed_dependency) in an error class',
      language: 'ruby',
      text: `class HandTooLargeError < GameError\n  def initialize(max_cards:)\n    super(message: "You have too many cards (max #{max_cards})", http_status: [[:failed_dependency]])\n  end\nend\n`,
    },
    {
      name: 'Ruby: an error hash with code: :failed_dependency',
      language: 'ruby',
      text: `def stomp_error\n  { message: "All cards must match", code: [[:failed_dependency]] }\nend\n`,
    },
    {
      name: 'JavaScript: http-status names given to httpCode',
      language: 'javascript',
      text: `const httpStatus = require('http-status');\nfunction invalid() {\n  return { httpCode: [[httpStatus.FAILED_DEPENDENCY]], message: 'invalid stomp' };\n}\n`,
    },
    {
      name: 'Ruby: a symbol given to another keyword is no site',
      language: 'ruby',
      text: `def pick\n  { message: "x", kind: :failed_dependency }\nend\n`,
    },
  ]);
  // A service named as not configured is a setting the server lacks, not that service failing (judgement rounds 7
  // and 12: "s3 not configured", "Stripe secret key is not configured").
  runScenarios('424-without-dependency', [
    {
      name: 'Go: "s3 not configured"',
      language: 'go',
      text: `func Upload(c *gin.Context) {\n\tif !uploader.Enabled() {\n\t\tc.JSON([[http.StatusFailedDependency]], gin.H{"error": "s3 not configured"})\n\t\treturn\n\t}\n}\n`,
    },
    {
      name: 'Java: "Stripe secret key is not configured"',
      language: 'java',
      text: `ResponseEntity<?> pay() {\n    if (secretKey == null) {\n        return ResponseEntity.status([[HttpStatus.FAILED_DEPENDENCY]]).body("Stripe secret key is not configured");\n    }\n    return ResponseEntity.ok().build();\n}\n`,
    },
    {
      name: 'Python: "SMTP is not set up"',
      language: 'python',
      text: `def notify():\n    if not settings.EMAIL_HOST:\n        return JsonResponse({"error": "SMTP is not set up"}, status=[[424]])\n`,
    },
    {
      name: 'TypeScript: "OpenAI API key missing"',
      language: 'typescript',
      text: `function ask(res: Response) {\n  if (!apiKey) return res.status([[424]]).json({ error: 'OpenAI api key missing' });\n}\n`,
    },
  ]);
});
