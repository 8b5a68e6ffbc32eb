import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { actionsFor, onlyRule, validate } from '../helpers';
import { handler, spec } from './confusions';
import { runScenarios } from './scenarios';

describe('424-for-upstream-failure', () => {
  runScenarios('424-for-upstream-failure', [
    {
      name: 'upstream failed',
      language: 'yaml',
      text: spec('The upstream inventory service returned an error.'),
      fixed: spec('The upstream inventory service returned an error.', `'502'`),
    },
    {
      name: 'a timeout points to 504',
      language: 'yaml',
      text: spec('The billing service timed out.'),
      fixed: spec('The billing service timed out.', `'504'`),
    },
    {
      name: 'unavailable points to 503',
      language: 'typescript',
      text: handler('Payment provider unavailable'),
      fixed: handler('Payment provider unavailable', '503'),
    },
    { name: 'a real 502', language: 'yaml', text: spec('Upstream failed.', `'502'`) },
  ]);

  // Pattern 2: a 424 in the error branch of a call to another service, in every language family.
  runScenarios('424-for-upstream-failure', [
    {
      name: 'Go: `x, err := <call>; if err != nil`, a client the data does not name (by its role)',
      language: 'go',
      text: `func (h *H) invoice(w http.ResponseWriter, r *http.Request) {\n\tinv, err := h.billing.InvoiceFor(r.Context(), id)\n\tif err != nil {\n\t\tw.WriteHeader([[http.StatusFailedDependency]])\n\t\treturn\n\t}\n\tjson.NewEncoder(w).Encode(inv)\n}\n`,
      fixed: `func (h *H) invoice(w http.ResponseWriter, r *http.Request) {\n\tinv, err := h.billing.InvoiceFor(r.Context(), id)\n\tif err != nil {\n\t\tw.WriteHeader(http.StatusBadGateway)\n\t\treturn\n\t}\n\tjson.NewEncoder(w).Encode(inv)\n}\n`,
    },
    {
      name: 'Go: the call in the if header, context.DeadlineExceeded -> 504',
      language: 'go',
      text: `func h(w http.ResponseWriter, r *http.Request) {\n\tif _, err := client.Do(req); errors.Is(err, context.DeadlineExceeded) {\n\t\thttp.Error(w, "slow", [[424]])\n\t}\n}\n`,
      fixed: `func h(w http.ResponseWriter, r *http.Request) {\n\tif _, err := client.Do(req); errors.Is(err, context.DeadlineExceeded) {\n\t\thttp.Error(w, "slow", 504)\n\t}\n}\n`,
    },
    {
      name: 'Go: local work failing (parsing the body) is no upstream',
      language: 'go',
      text: `func h(w http.ResponseWriter, r *http.Request) {\n\terr := json.NewDecoder(r.Body).Decode(&v)\n\tif err != nil {\n\t\tw.WriteHeader(424)\n\t}\n}\n`,
    },
    {
      name: 'TypeScript: try { await <call> } catch',
      language: 'typescript',
      text: `app.post('/invoices', async (req, res) => {\n  try {\n    await billing.invoiceFor(req.body.id);\n  } catch (e) {\n    return res.status([[424]]).json({ error: 'could not invoice' });\n  }\n});`,
    },
    {
      name: 'JavaScript: fetch(...).catch(...)',
      language: 'javascript',
      text: `app.get('/x', (req, res) => {\n  fetch(url).then((r) => r.json()).catch((err) => res.status([[424]]).end());\n});`,
    },
    {
      name: 'JavaScript: ECONNREFUSED in the condition of the catch block',
      language: 'javascript',
      text: `app.get('/x', async (req, res) => {\n  try { await axios.get(url); } catch (err) {\n    if (err.code === 'ECONNREFUSED') res.status([[424]]).end();\n  }\n});`,
    },
    {
      name: 'TypeScript: the try branch itself is no error branch',
      language: 'typescript',
      text: `app.post('/x', async (req, res) => {\n  try {\n    await client.send(cmd);\n    res.status(424).end();\n  } catch (e) {\n    res.status(500).end();\n  }\n});`,
    },
    {
      name: 'Python: except requests.Timeout -> 504',
      language: 'python',
      text: `@app.post("/pay")\ndef pay():\n    try:\n        requests.post(PSP, json=body, timeout=3)\n    except requests.Timeout:\n        abort([[424]])\n`,
      fixed: `@app.post("/pay")\ndef pay():\n    try:\n        requests.post(PSP, json=body, timeout=3)\n    except requests.Timeout:\n        abort(504)\n`,
    },
    {
      name: 'Python: aiohttp ClientSession, an error type by its name',
      language: 'python',
      text: `async def handle(request):\n    try:\n        async with session.get(url) as resp:\n            data = await resp.json()\n    except aiohttp.ClientError:\n        return web.json_response({}, status=[[424]])\n`,
    },
    {
      name: 'Python: the else of a try is no error branch',
      language: 'python',
      text: `def pay():\n    try:\n        requests.post(PSP)\n    except requests.ConnectionError:\n        abort(502)\n    else:\n        abort(424)\n`,
    },
    {
      name: 'Java: catch (RestClientException) around RestTemplate',
      language: 'java',
      text: `@PostMapping("/orders")\npublic ResponseEntity<?> create(@RequestBody Order o) {\n    try {\n        restTemplate.postForObject(url, o, Void.class);\n    } catch (RestClientException e) {\n        return ResponseEntity.status([[HttpStatus.FAILED_DEPENDENCY]]).build();\n    }\n    return ResponseEntity.ok().build();\n}\n`,
    },
    {
      name: 'Kotlin: catch (e: IOException) around a client call',
      language: 'kotlin',
      text: `fun create(call: ApplicationCall) {\n    try {\n        client.get(url)\n    } catch (e: IOException) {\n        call.respond([[HttpStatusCode.FailedDependency]])\n    }\n}\n`,
    },
    {
      name: 'C#: catch (HttpRequestException) around HttpClient',
      language: 'csharp',
      text: `public async Task<IActionResult> Get(int id) {\n    try {\n        var r = await _http.GetAsync(url);\n    } catch (HttpRequestException ex) {\n        return StatusCode([[StatusCodes.Status424FailedDependency]]);\n    }\n    return Ok();\n}\n`,
    },
    {
      name: 'PHP: catch (GuzzleException) around Guzzle',
      language: 'php',
      text: `<?php\nfunction store($request) {\n    try {\n        $this->client->request('POST', $url);\n    } catch (GuzzleException $e) {\n        return response()->json(['error' => 'x'], [[424]]);\n    }\n}\n`,
    },
    {
      name: 'Ruby: rescue Faraday::TimeoutError -> 504',
      language: 'ruby',
      text: `class OrdersController < ApplicationController\n  def create\n    begin\n      Faraday.get(url)\n    rescue Faraday::TimeoutError => e\n      head [[424]]\n    end\n  end\nend\n`,
      fixed: `class OrdersController < ApplicationController\n  def create\n    begin\n      Faraday.get(url)\n    rescue Faraday::TimeoutError => e\n      head 504\n    end\n  end\nend\n`,
    },
    {
      name: 'Rust: match <call> { Err(e) => ... }',
      language: 'rust',
      text: `async fn handler() -> impl IntoResponse {\n    match client.get(url).send().await {\n        Ok(r) => StatusCode::OK,\n        Err(e) => [[StatusCode::FAILED_DEPENDENCY]],\n    }\n}\n`,
    },
    {
      name: 'Rust: map_err on a reqwest call',
      language: 'rust',
      text: `async fn other() -> Result<(), AppError> {\n    let x = reqwest::get(url).await.map_err(|e| AppError::new([[StatusCode::FAILED_DEPENDENCY]]))?;\n    Ok(())\n}\n`,
    },
    {
      name: 'Go: a check of the status another service answered with',
      language: 'go',
      text: `func h(w http.ResponseWriter, r *http.Request) {\n\tresp, err := http.Get(url)\n\tif err != nil {\n\t\treturn\n\t}\n\tif resp.StatusCode != http.StatusOK {\n\t\tw.WriteHeader([[http.StatusFailedDependency]])\n\t}\n}\n`,
    },
    {
      name: 'JavaScript: `if (!response.ok)` after fetch (negated, still the upstream that answered)',
      language: 'javascript',
      text: `app.get('/x', async (req, res) => {\n  const response = await fetch(url);\n  if (!response.ok) return res.status([[424]]).end();\n});`,
    },
    {
      name: 'Python: resp.status_code checked after requests',
      language: 'python',
      text: `def h():\n    resp = requests.get(url)\n    if resp.status_code != 200:\n        abort([[424]])\n`,
    },
    {
      name: 'a handled call that is an earlier step of a chain is 424 used as meant',
      language: 'typescript',
      text: `app.post('/orders', async (req, res) => {\n  try {\n    await pipeline.runPreviousStep(req.body);\n  } catch (e) {\n    res.status(424).end();\n  }\n});`,
    },
    {
      name: 'a batch handler: a call known only by its role weighs less than the handler naming a chain',
      language: 'typescript',
      text: `app.post('/orders/batch', async (req, res) => {\n  try {\n    await store.save(req.body);\n  } catch (e) {\n    res.status(424).end();\n  }\n});`,
    },
  ]);

  test('the alternatives are offered, not preferred', () => {
    const { diagnostics } = validate(
      spec('The upstream service failed.').replace(/\[\[|\]\]/g, ''),
      'yaml',
      onlyRule('424-for-upstream-failure'),
    );
    const titles = actionsFor(diagnostics).map((a) => `${a.isPreferred ? '*' : ''}${a.title}`);
    assert.deepEqual(titles.slice(0, 3), [
      '*Change 424 to 502 Bad Gateway',
      'Change 424 to 503 Service Unavailable',
      'Change 424 to 504 Gateway Timeout',
    ]);
    assert.match(titles[3], /^Disable 424-for-upstream-failure for this line$/);
  });

  test('the finding quotes the call as written and points at it (relatedInformation)', () => {
    const text = `func h(w http.ResponseWriter, r *http.Request) {\n\tinv, err := h.billing.InvoiceFor(r.Context(), id)\n\tif err != nil {\n\t\tw.WriteHeader(424)\n\t}\n}\n`;
    const { document, diagnostics } = validate(text, 'go', onlyRule('424-for-upstream-failure'));
    assert.equal(diagnostics.length, 1);
    assert.match(diagnostics[0].message, /in the error branch of `h\.billing\.InvoiceFor\(\.\.\.\)`/);
    const related = diagnostics[0].relatedInformation ?? [];
    assert.equal(related.length, 1);
    assert.equal(document.getText(related[0].location.range), 'h.billing.InvoiceFor');
    assert.equal(related[0].location.uri, document.uri);
  });

  test('a caught exception is quoted with the call it came from, both pointed at', () => {
    const text = `def pay():\n    try:\n        requests.post(PSP)\n    except requests.exceptions.ConnectionError:\n        abort(424)\n`;
    const { document, diagnostics } = validate(text, 'python', onlyRule('424-for-upstream-failure'));
    assert.match(diagnostics[0].message, /the caught `requests\.exceptions\.ConnectionError` of `requests\.post\(\.\.\.\)`/);
    assert.deepEqual(
      diagnostics[0].relatedInformation!.map((r) => document.getText(r.location.range)),
      ['requests.exceptions.ConnectionError', 'requests.post'],
    );
  });

  // A method that declares it throws the application's 424 type uses that type: it is not named after it.
  runScenarios('424-for-upstream-failure', [
    {
      name: 'Java: throws FailedDependencyException in the method header',
      language: 'java',
      text: `public ResponseEntity<Void> create(OrderDTO dto) throws BadRequestException, FailedDependencyException {\n  try {\n    return ok(orderService.create(dto));\n  } catch (AccountServiceUnavailableException ex) {\n    throw new [[FailedDependencyException]](ex.getMessage());\n  }\n}\n`,
    },
    {
      name: 'Kotlin: @Throws(FailedDependencyException::class) on the function',
      language: 'kotlin',
      text: `@Throws(FailedDependencyException::class)\nfun create(dto: OrderDto): Order {\n    try {\n        return paymentClient.charge(dto)\n    } catch (e: IOException) {\n        throw [[FailedDependencyException]](e.message)\n    }\n}\n`,
    },
  ]);

  // Java's arrow switch: the body of `case X ->` is a use, its label the guard.
  runScenarios('424-for-upstream-failure', [
    {
      name: 'Java: a case arm mapping an unavailable account service',
      language: 'java',
      text: `ErrorContext map(Throwable err) {\n    return switch (err) {\n        case OrderNotFoundException ignored -> ErrorContext.of(HttpStatus.NOT_FOUND, "The order was not found");\n        case AccountServiceUnavailableException ignored -> ErrorContext.of([[HttpStatus.FAILED_DEPENDENCY]], "account-service UNAVAILABLE");\n        default -> ErrorContext.of(HttpStatus.INTERNAL_SERVER_ERROR, "error");\n    };\n}\n`,
    },
    {
      name: 'Java: case 424 -> is still a read',
      language: 'java',
      text: `String label(int status) {\n    return switch (status) {\n        case 424 -> "the payment service is unavailable";\n        default -> "other";\n    };\n}\n`,
    },
  ]);

  // A call on the application's own layer is skipped, not the client call after it.
  runScenarios('424-for-upstream-failure', [
    {
      name: 'Java: orderService.create then restTemplate in one try',
      language: 'java',
      text: `public ResponseEntity<Void> create(OrderDto dto) {\n    try {\n        Order order = orderService.create(dto);\n        restTemplate.postForObject(billingUrl, order, Invoice.class);\n        return ResponseEntity.ok().build();\n    } catch (Exception e) {\n        return ResponseEntity.status([[HttpStatus.FAILED_DEPENDENCY]]).build();\n    }\n}\n`,
    },
    {
      name: 'Go: a client field of a service struct is still a client',
      language: 'go',
      text: `func (s *OrderService) Charge(w http.ResponseWriter, r *http.Request) {\n\tif _, err := s.paymentClient.Charge(r.Context(), amount); err != nil {\n\t\tw.WriteHeader([[http.StatusFailedDependency]])\n\t}\n}\n`,
    },
    // A client held by the application's own layer is still a client: the chain's receiver says what is called.
    {
      name: 'TypeScript: Service.axiosInstance.post in an object of methods',
      language: 'typescript',
      text: `const Service: any = {\n  axiosInstance: axios.create({ baseURL }),\n  async createToken() {\n    try {\n      return (await Service.axiosInstance.post('/token', {})).data;\n    } catch (error: any) {\n      throw new HttpError(error.message, [[424]]);\n    }\n  },\n};\n`,
    },
    {
      name: 'Java: paymentService.restTemplate.postForObject',
      language: 'java',
      text: `public ResponseEntity<Void> pay(PaymentDto dto) {\n    try {\n        paymentService.restTemplate.postForObject(url, dto, Receipt.class);\n        return ResponseEntity.ok().build();\n    } catch (Exception e) {\n        return ResponseEntity.status([[HttpStatus.FAILED_DEPENDENCY]]).build();\n    }\n}\n`,
    },
    {
      name: 'Python: self.service.session.get',
      language: 'python',
      text: `def fetch(self, request):\n    try:\n        self.service.session.get(URL, timeout=3)\n    except Exception:\n        return Response(status=[[424]])\n`,
    },
    {
      name: 'Go: orderService.httpClient.Do',
      language: 'go',
      text: `func (h *Handler) Sync(w http.ResponseWriter, r *http.Request) {\n\tresp, err := orderService.httpClient.Do(req)\n\tif err != nil {\n\t\tw.WriteHeader([[http.StatusFailedDependency]])\n\t\treturn\n\t}\n\tdefer resp.Body.Close()\n}\n`,
    },
    {
      name: "Java: a service root whose receiver is no client stays the server's own",
      language: 'java',
      text: `public ResponseEntity<Void> add(ClientDto dto) {\n    try {\n        clientService.repository.save(dto);\n        return ResponseEntity.ok().build();\n    } catch (Exception e) {\n        return ResponseEntity.status(HttpStatus.FAILED_DEPENDENCY).build();\n    }\n}\n`,
    },
  ]);

  // Testing an error's type is as good as catching it: a network failure's type in the condition.
  runScenarios('424-for-upstream-failure', [
    {
      name: 'Java: a fallback testing ex instanceof FeignException',
      language: 'java',
      text: `public AccountDTO fallback(Long id, Throwable ex) {\n    ErrorDTO error = new ErrorDTO();\n    if (ex instanceof FeignException) {\n        error.setStatus([[HttpStatus.FAILED_DEPENDENCY]].value());\n    }\n    throw new ErrorException(error);\n}\n`,
    },
    {
      name: 'Python: isinstance(e, requests.Timeout) -> 504',
      language: 'python',
      text: `def fetch_report(request):\n    try:\n        return build()\n    except Exception as e:\n        if isinstance(e, requests.Timeout):\n            return Response(status=[[424]])\n        raise\n`,
      fixed: `def fetch_report(request):\n    try:\n        return build()\n    except Exception as e:\n        if isinstance(e, requests.Timeout):\n            return Response(status=504)\n        raise\n`,
    },
    {
      name: 'Kotlin: e is ConnectException',
      language: 'kotlin',
      text: `fun handle(e: Throwable): ResponseEntity<Any> {\n    if (e is ConnectException) {\n        return ResponseEntity.status([[HttpStatus.FAILED_DEPENDENCY]]).build()\n    }\n    return ResponseEntity.internalServerError().build()\n}\n`,
    },
    {
      name: 'C#: ex is HttpRequestException',
      language: 'csharp',
      text: `public IActionResult Map(Exception ex) {\n    if (ex is HttpRequestException) {\n        return StatusCode([[424]]);\n    }\n    return StatusCode(500);\n}\n`,
    },
    {
      name: 'TypeScript: a type test of a local error is no upstream',
      language: 'typescript',
      text: `function toStatus(err: unknown): number {\n  if (err instanceof ValidationError) {\n    return 424;\n  }\n  return 500;\n}\n`,
    },
  ]);

  // An exception handler (`@ExceptionHandler(X.class)`, `@app.exception_handler(X)`) answers the types it handles,
  // as a catch of them would: in its body, and in its own status annotation.
  runScenarios('424-for-upstream-failure', [
    {
      name: 'Java: the @ResponseStatus of the handler of an UnreachableHostException',
      language: 'java',
      text: `@RestControllerAdvice\npublic class Advice {\n    @ResponseStatus([[HttpStatus.FAILED_DEPENDENCY]])\n    @ExceptionHandler(value = UnreachableHostException.class)\n    public String unreachable(UnreachableHostException e) {\n        return e.getMessage();\n    }\n}\n`,
    },
    {
      name: 'Java: the body of a handler of RestClientException',
      language: 'java',
      text: `@RestControllerAdvice\npublic class Advice {\n    @ExceptionHandler({RestClientException.class})\n    public ResponseEntity<String> remote(RestClientException e) {\n        return ResponseEntity.status([[HttpStatus.FAILED_DEPENDENCY]]).body("try later");\n    }\n}\n`,
    },
    {
      name: 'Kotlin: @ExceptionHandler(ConnectException::class)',
      language: 'kotlin',
      text: `@RestControllerAdvice\nclass Advice {\n    @ExceptionHandler(ConnectException::class)\n    @ResponseStatus([[HttpStatus.FAILED_DEPENDENCY]])\n    fun connect(e: ConnectException) = ErrorBody(e.message)\n}\n`,
    },
    {
      name: 'Kotlin: each handler of an advice class answers its own types',
      language: 'kotlin',
      text: `@RestControllerAdvice\nclass Advice {\n    @ExceptionHandler(ConnectException::class)\n    @ResponseStatus([[HttpStatus.FAILED_DEPENDENCY]])\n    fun connect(e: ConnectException) = ErrorBody(e.message)\n\n    @ExceptionHandler(InvalidPasswordException::class)\n    @ResponseStatus(HttpStatus.FAILED_DEPENDENCY)\n    fun password(e: InvalidPasswordException) = ErrorBody(e.message)\n}\n`,
    },
    {
      name: 'Java: each handler of an advice class answers its own types',
      language: 'java',
      text: `@ControllerAdvice\npublic class Advice {\n    @ExceptionHandler(ConnectException.class)\n    @ResponseStatus([[HttpStatus.FAILED_DEPENDENCY]])\n    public ErrorBody connect(ConnectException e) {\n        return new ErrorBody(e.getMessage());\n    }\n\n    @ExceptionHandler(InvalidPasswordException.class)\n    @ResponseStatus(HttpStatus.FAILED_DEPENDENCY)\n    public ErrorBody password(InvalidPasswordException e) {\n        return new ErrorBody(e.getMessage());\n    }\n}\n`,
    },
    {
      name: 'Python: @app.exception_handler(httpx.ConnectError)',
      language: 'python',
      text: `@app.exception_handler(httpx.ConnectError)\nasync def on_connect_error(request, exc):\n    return JSONResponse(status_code=[[424]], content={"detail": str(exc)})\n`,
    },
    {
      name: 'Java: the handler of a local error is no upstream',
      language: 'java',
      text: `@ControllerAdvice\npublic class Advice {\n    @ExceptionHandler(InvalidPasswordException.class)\n    @ResponseStatus(HttpStatus.FAILED_DEPENDENCY)\n    public ErrorBody password(InvalidPasswordException e) {\n        return new ErrorBody(e.getMessage());\n    }\n}\n`,
    },
  ]);

  // A call known only by its role may be the server's own work: the finding says so and offers 500 last; a
  // named client's does not.
  test('a call known only by its role: the message says so, and 500 is offered after the upstream codes', () => {
    const byRole = `func (h *H) Sync(w http.ResponseWriter, r *http.Request) {\n\tif err := h.inventory.Refresh(r.Context()); err != nil {\n\t\tw.WriteHeader(http.StatusFailedDependency)\n\t}\n}\n`;
    const found = validate(byRole, 'go', onlyRule('424-for-upstream-failure')).diagnostics;
    assert.equal(found.length, 1);
    assert.match(
      found[0].message,
      /for a failure that nothing here names as another service's \(in the error branch of `h\.inventory\.Refresh\(\.\.\.\)`\)/,
    );
    assert.match(found[0].message, /if the failure is the server's own, 500 Internal Server Error/);
    const codes = actionsFor(found).map((a) => a.title);
    assert.deepEqual(codes.slice(0, 4), [
      'Change http.StatusFailedDependency to 502 Bad Gateway',
      'Change http.StatusFailedDependency to 503 Service Unavailable',
      'Change http.StatusFailedDependency to 504 Gateway Timeout',
      'Change http.StatusFailedDependency to 500 Internal Server Error',
    ]);
    const client = byRole.replace('h.inventory.Refresh(r.Context())', 'http.Get(url)').replace('if err :=', 'if _, err :=');
    const named = validate(client, 'go', onlyRule('424-for-upstream-failure')).diagnostics;
    assert.equal(named.length, 1);
    assert.match(named[0].message, /is used for an upstream service that failed \(in the error branch of `http\.Get\(\.\.\.\)`\)/);
    assert.ok(!actionsFor(named).some((a) => a.title.includes('500')));
  });

  // C#: Swashbuckle's XML doc comment declares what each response of the action below it means, for the
  // action's body and for the attributes of its header.
  runScenarios('424-for-upstream-failure', [
    {
      name: 'C#: <response code="424"> in the doc comment, the ProducesResponseType attribute and the body',
      language: 'csharp',
      text: `public class BlueprintsController : ControllerBase {\n    /// <summary>Generates a blueprint.</summary>\n    /// <response code="400">Request validation failed.</response>\n    /// <response code="424">AI provider unavailable after all fallbacks exhausted.</response>\n    [HttpPost("generate")]\n    [ProducesResponseType(typeof(ProblemDetails), [[StatusCodes.Status424FailedDependency]])]\n    public async Task<IActionResult> Generate(Request request) {\n        var result = await _generator.Run(request);\n        if (result == null) return StatusCode([[424]]);\n        return Ok(result);\n    }\n\n    [HttpGet]\n    public IActionResult Other() {\n        return StatusCode(424);\n    }\n}\n`,
    },
    {
      name: 'C#: "Server is unresponsive" declared for a health check',
      language: 'csharp',
      text: `public class HealthController : ControllerBase {\n    /// <response code="200"> Server is responsive </response>\n    /// <response code="424"> Server is unresponsive </response>\n    [HttpGet]\n    public async Task<IActionResult> Health(CancellationToken ct) {\n        if (!await _client.IsAccessible(ct)) return StatusCode([[StatusCodes.Status424FailedDependency]]);\n        return Ok();\n    }\n}\n`,
    },
  ]);

  // A failure to communicate is a failure to reach another service; a status field read off a response dict
  // (`response.get('status')`) is another service's answer.
  runScenarios('424-for-upstream-failure', [
    {
      name: 'Java: a condition on a COMMUNICATION_ERROR type',
      language: 'java',
      text: `HttpStatus statusOf(FlightsException e) {\n    if (FlightsExceptionType.COMMUNICATION_ERROR.equals(e.getType())) {\n        return [[HttpStatus.FAILED_DEPENDENCY]];\n    }\n    return HttpStatus.BAD_REQUEST;\n}\n`,
    },
    {
      name: 'Java: the handler of a DataProviderCommunicationException',
      language: 'java',
      text: `@ControllerAdvice\npublic abstract class Handlers {\n    @ResponseStatus([[HttpStatus.FAILED_DEPENDENCY]])\n    @ExceptionHandler(DataProviderCommunicationException.class)\n    public @ResponseBody ErrorInfo provider(DataProviderCommunicationException ex) {\n        return new ErrorInfo(ex);\n    }\n}\n`,
    },
    {
      name: 'Go: a message naming a communication failure',
      language: 'go',
      text: `func sync(w http.ResponseWriter, r *http.Request) {\n\thttp.Error(w, "communication failure with the billing service", [[424]])\n}\n`,
    },
    {
      name: 'TypeScript: a message naming a communication error',
      language: 'typescript',
      text: `export function fail(res: Response) {\n  res.status([[424]]).json({ error: 'Communication error' });\n}\n`,
    },
    {
      name: "Python: response.get('status') is not OK",
      language: 'python',
      text: `async def contest(contest_id):\n    response = await util.get_cf_response(params)\n    if response.get('status', '') != 'OK':\n        raise HTTPException(status_code=[[424]])\n    return response\n`,
    },
  ]);

  // A switch or match on the status another service answered with: every arm passes that answer on.
  runScenarios('424-for-upstream-failure', [
    {
      name: 'Python: the default case of match cda_response.status_code',
      language: 'python',
      text: `async def get_case(urn):\n    cda_response = await client.get(ENDPOINT)\n    match cda_response.status_code:\n        case 200:\n            return JSONResponse(cda_response.json())\n        case 404:\n            return Response(status_code=404)\n        case _:\n            logger.error("Endpoint_Error_Returning")\n            return Response(status_code=[[424]])\n`,
    },
    {
      name: 'Go: the default of switch resp.StatusCode',
      language: 'go',
      text: `func h(w http.ResponseWriter, r *http.Request) {\n\tresp, _ := fetchProfile(r.Context())\n\tswitch resp.StatusCode {\n\tcase http.StatusOK:\n\t\tio.Copy(w, resp.Body)\n\tdefault:\n\t\tw.WriteHeader([[http.StatusFailedDependency]])\n\t}\n}\n`,
    },
    {
      name: 'JavaScript: a case of switch (response.status)',
      language: 'javascript',
      text: `async function show(req, res) {\n  const response = await loadProfile(req.params.id);\n  switch (response.status) {\n    case 200:\n      return res.json(await response.json());\n    case 500:\n      return res.status([[424]]).end();\n  }\n}\n`,
    },
    {
      name: 'Go: case 424 in such a switch is still a read',
      language: 'go',
      text: `func h(resp *http.Response) string {\n\tswitch resp.StatusCode {\n\tcase http.StatusFailedDependency:\n\t\treturn "the upstream answered 424"\n\t}\n\treturn ""\n}\n`,
    },
  ]);

  // A condition that another service's answer never came (`response is None`, `resp == nil`).
  runScenarios('424-for-upstream-failure', [
    {
      name: 'Python: if cda_response is None after the client call',
      language: 'python',
      text: `async def get_case(urn):\n    cda_response = await client.get(ENDPOINT)\n    if cda_response is None:\n        return Response(status_code=[[424]])\n`,
    },
    {
      name: 'Java: if (response == null)',
      language: 'java',
      text: `public ResponseEntity<Profile> show(String id) {\n    Profile response = profiles.fetch(id);\n    if (response == null) {\n        return ResponseEntity.status([[HttpStatus.FAILED_DEPENDENCY]]).build();\n    }\n    return ResponseEntity.ok(response);\n}\n`,
    },
    {
      name: 'Ruby: head 424 if response.nil?',
      language: 'ruby',
      text: `def show\n  response = CommonPlatform.fetch(params[:id])\n  head [[424]] if response.nil?\nend\n`,
    },
  ]);

  // Messages that name a request to another service, a platform the application calls, or one gone offline.
  runScenarios('424-for-upstream-failure', [
    { name: 'an error requesting an API', language: 'typescript', text: handler('Error requesting USOS API') },
    { name: 'an exception during a call', language: 'typescript', text: handler('Exception during call to RestapiCD') },
    { name: 'a payment platform', language: 'typescript', text: handler('Could not capture the PayPal order') },
    {
      name: 'offline points to 503',
      language: 'typescript',
      text: handler('The WhatsApp bridge is offline'),
      fixed: handler('The WhatsApp bridge is offline', '503'),
    },
    {
      name: 'Java: a platform named beside the status (Spark route)',
      language: 'java',
      text: `public Route login = (request, response) -> {\n    FirebaseUser user = auth.login(body);\n    if (user == null) {\n        response.status([[HttpStatus.FAILED_DEPENDENCY_424]]);\n        return json(new Message("ERROR", "Could not login user on firebase"));\n    }\n    return json(user);\n};\n`,
    },
  ]);

  // An enum's constants, a switch expression's arms: each says its own message.
  runScenarios('424-for-upstream-failure', [
    {
      name: 'Java: an error catalogue enum',
      language: 'java',
      text: `public enum ExceptionsEnum {\n    TRANSACTION_ALREADY_PROCESSED("Transaction already processed", HttpStatus.UNAUTHORIZED),\n    RESTAPI_CLIENT_ERROR("Exception during call to RestapiCD", [[HttpStatus.FAILED_DEPENDENCY]]),\n    TRANSACTION_NOT_FOUND("Transaction not found", HttpStatus.NOT_FOUND);\n}\n`,
    },
  ]);

  // Kotlin's `val x = try { ... }` is a block: the conditions inside guard what they hold.
  runScenarios('424-for-upstream-failure', [
    {
      name: 'Kotlin: a status check inside val x = try {',
      language: 'kotlin',
      text: `suspend fun invoice(call: ApplicationCall): String {\n    val endpoint = try {\n        val configResponse = httpClient.get(url)\n        if (configResponse.status != HttpStatusCode.OK) {\n            call.respond([[HttpStatusCode.FailedDependency]], "could not load $url")\n            return "no"\n        }\n        configResponse.body<String>()\n    } catch (e: Exception) {\n        null\n    }\n    return endpoint ?: ""\n}\n`,
    },
  ]);

  // Reactor's and CompletableFuture's error handlers (Java): the failure of the call they follow.
  runScenarios('424-for-upstream-failure', [
    {
      name: 'Java: .onErrorMap after an S3 client call',
      language: 'java',
      text: `public Mono<String> upload(File file) {\n    return Mono.fromCallable(() -> s3Client.putObject(request, file.toPath()))\n        .map(r -> file.getName())\n        .onErrorMap(ex -> new ResponseStatusException([[HttpStatus.FAILED_DEPENDENCY]], "upload failed"));\n}\n`,
    },
  ]);

  // A response declared in an annotation (springdoc/swagger-core): judged by its description.
  runScenarios('424-for-upstream-failure', [
    {
      name: 'Java: @ApiResponse(responseCode = "424", description = ...) among others',
      language: 'java',
      text: `@ApiResponses({\n    @ApiResponse(responseCode = "200", description = "OK"),\n    @ApiResponse(responseCode = "[[424]]", description = "The GitHub API is unreachable"),\n    @ApiResponse(responseCode = "404", description = "Not found")\n})\n@GetMapping("/repos")\npublic List<Repo> list() {\n    return repos.all();\n}\n`,
      fixed: `@ApiResponses({\n    @ApiResponse(responseCode = "200", description = "OK"),\n    @ApiResponse(responseCode = "502", description = "The GitHub API is unreachable"),\n    @ApiResponse(responseCode = "404", description = "Not found")\n})\n@GetMapping("/repos")\npublic List<Repo> list() {\n    return repos.all();\n}\n`,
    },
    {
      name: 'Kotlin: @ApiResponse(responseCode = "424", ...) naming a payment provider',
      language: 'kotlin',
      text: `@ApiResponse(responseCode = "[[424]]", description = "The Stripe charge failed")\n@PostMapping("/payments")\nfun pay(@RequestBody body: PaymentDto): Payment = payments.charge(body)\n`,
    },
  ]);

  // Go: a condition ending in a literal still opens the branch (`if err != nil || resp.StatusCode == 404 {`), and
  // reading another service's response body is part of that call.
  runScenarios('424-for-upstream-failure', [
    {
      name: 'Go: if err != nil || resp.StatusCode == 404 after http.Post',
      language: 'go',
      text: `func (h *H) Create(w http.ResponseWriter, r *http.Request) {\n\tresp, err := http.Post(tagURL, "application/json", body)\n\tif err != nil || resp.StatusCode == 404 {\n\t\tw.WriteHeader([[http.StatusFailedDependency]])\n\t\treturn\n\t}\n}\n`,
    },
    {
      name: 'Go: io.ReadAll(resp.Body) failing',
      language: 'go',
      text: `func (h *H) Hook(c *gin.Context) {\n\tdata, err := ioutil.ReadAll(resp.Body)\n\tif err != nil {\n\t\tc.Status([[http.StatusFailedDependency]])\n\t\treturn\n\t}\n\tc.Data(200, "application/json", data)\n}\n`,
    },
  ]);

  // Python: a status constant imported by name from its module, and http.client's constants.
  runScenarios('424-for-upstream-failure', [
    {
      name: 'Python: HTTP_424_FAILED_DEPENDENCY imported from starlette.status',
      language: 'python',
      text: `from starlette.status import HTTP_424_FAILED_DEPENDENCY\n\n@router.post("/petitions")\ndef create():\n    try:\n        issuer.issue()\n    except ConnectionError:\n        raise HTTPException(status_code=[[HTTP_424_FAILED_DEPENDENCY]], detail="Credential issuer server is not available")\n`,
    },
    {
      name: 'Python: the bare name without that import is no status',
      language: 'python',
      text: `def create():\n    try:\n        issuer.issue()\n    except ConnectionError:\n        raise HTTPException(status_code=HTTP_424_FAILED_DEPENDENCY)\n`,
    },
    {
      name: 'Python: http.client.FAILED_DEPENDENCY',
      language: 'python',
      text: `import http.client\n\ndef fetch_doc(url):\n    try:\n        return requests.get(url, timeout=5).text\n    except requests.ConnectionError:\n        return "error", [[http.client.FAILED_DEPENDENCY]]\n`,
    },
  ]);

  // Patterns from the judgement corpus (docs/corpus.md).
  runScenarios('424-for-upstream-failure', [
    {
      name: 'Python/FastAPI: the handler declares what its 424 means, for every 424 of it',
      language: 'python',
      text: `@router.post(\n    "/account/register",\n    responses={\n        409: {"description": "Already registered"},\n        [[424]]: {"description": "Email sending errors were logged"},\n    },\n)\ndef register(response: Response):\n    sent = mailer.send(to)\n    if sent.errors:\n        response.status_code = [[status.HTTP_424_FAILED_DEPENDENCY]]\n`,
    },
    {
      name: 'Go: a case for one error of the service call out of sight (errors.Is) is an upstream failure by its role',
      language: 'go',
      text: `func translate(err error) error {\n\tswitch {\n\tcase errors.Is(err, core.ErrVINDecoding):\n\t\treturn fiber.NewError([[fiber.StatusFailedDependency]], "could not decode")\n\tcase errors.Is(err, core.ErrDefinitionNotFound):\n\t\treturn fiber.NewError(fiber.StatusFailedDependency, "no definition")\n\t}\n\treturn err\n}\n`,
    },
    {
      name: 'Kotlin: the app error type named for 424, with a message key that names the provider',
      language: 'kotlin',
      text: `fun call(): T {\n    return response?.body ?: throw [[FailedDependencyException]](Message.LLM_PROVIDER_ERROR)\n}\n`,
    },
    {
      name: 'Kotlin: a subclass of the 424 type, named for what the upstream did',
      language: 'kotlin',
      text: `class LlmEmptyResponseException :\n  [[FailedDependencyException]](\n    Message.LLM_PROVIDER_EMPTY_RESPONSE,\n  )\n`,
    },
    {
      name: 'Python: a local failure caught (FileNotFoundError) is no upstream, whatever the try body calls',
      language: 'python',
      text: `def report(r):\n    try:\n        data = build_cached_report(r)\n    except FileNotFoundError:\n        return {}, status.HTTP_424_FAILED_DEPENDENCY\n`,
    },
    {
      name: 'Java: a local failure caught (FileNotFoundException) is no upstream',
      language: 'java',
      text: `ResponseEntity<?> get() {\n    try {\n        store.load(id);\n    } catch (FileNotFoundException e) {\n        return ResponseEntity.status(HttpStatus.FAILED_DEPENDENCY).build();\n    }\n    return null;\n}\n`,
    },
  ]);
  // An error type's declaration: its name says what its status stands for, as a message would (judgement round 10:
  // `OracleApiProviderException`, `ExternalDependencyException`).
  runScenarios('424-for-upstream-failure', [
    {
      name: 'Java: @ResponseStatus on an exception named for the gateway that failed',
      language: 'java',
      text: `@ResponseStatus([[HttpStatus.FAILED_DEPENDENCY]])\npublic class PaymentGatewayException extends RuntimeException {\n    public PaymentGatewayException(String message) { super(message); }\n}\n`,
    },
    {
      name: 'Java: super(status) in the constructor of an exception named for an API provider',
      language: 'java',
      text: `public class OracleApiProviderException extends ResponseStatusException {\n  public OracleApiProviderException() {\n    super([[HttpStatus.FAILED_DEPENDENCY]], "Error occurred when calling Oracle.");\n  }\n}\n`,
    },
    {
      name: 'Kotlin: annotated and base-class declarations without a body',
      language: 'kotlin',
      text: `@ResponseStatus([[HttpStatus.FAILED_DEPENDENCY]])\nclass ExternalServiceException(message: String) : RuntimeException(message)\n\nclass UpstreamTimeoutException(message: String) : ResponseStatusException([[HttpStatus.FAILED_DEPENDENCY]], message)\n`,
    },
    {
      name: 'Python: status_code of an APIException subclass named for an external service',
      language: 'python',
      text: `class ExternalServiceError(APIException):\n    status_code = [[424]]\n    default_detail = "The request could not be completed."\n`,
    },
    {
      name: 'TypeScript: status of an error class named for the upstream service',
      language: 'typescript',
      text: `export class UpstreamServiceError extends HttpError {\n  status = [[424]];\n}\n`,
    },
    {
      name: 'PHP: the status an exception named for an external API returns',
      language: 'php',
      text: `<?php\nclass ExternalApiException extends HttpException\n{\n    public function getStatusCode(): int\n    {\n        return [[Response::HTTP_FAILED_DEPENDENCY]];\n    }\n}\n`,
    },
    {
      name: 'C#: base(status) of an exception named for an external API',
      language: 'csharp',
      text: `public class ExternalApiException : ProblemException\n{\n    public ExternalApiException() : base([[StatusCodes.Status424FailedDependency]], "The request could not be completed") { }\n}\n`,
    },
    {
      name: 'Ruby: the status an error class named for the upstream passes on',
      language: 'ruby',
      text: `class UpstreamError < ApiError\n  def initialize\n    super(status: [[:failed_dependency]])\n  end\nend\n`,
    },
    {
      name: 'Java: a controller is no error type: its name is not read as what failed',
      language: 'java',
      text: `public class StripeWebhookController {\n    public ResponseEntity<?> handle() {\n        return ResponseEntity.status(HttpStatus.FAILED_DEPENDENCY).build();\n    }\n}\n`,
    },
  ]);
  // A contraction says what the phrases say: "didn't respond" is "did not respond".
  runScenarios('424-for-upstream-failure', [
    {
      name: 'Python: "The payment API didn\'t respond"',
      language: 'python',
      text: `def pay(order):\n    abort([[424]], "The payment API didn't respond")\n`,
    },
    {
      name: 'JavaScript: "Couldn’t reach the billing service"',
      language: 'javascript',
      text: `app.post('/pay', (req, res) => {\n  res.status([[424]]).json({ error: 'Couldn’t reach the billing service' });\n});\n`,
    },
    {
      name: 'Go: "can\'t connect to the registry"',
      language: 'go',
      text: `func push(w http.ResponseWriter, r *http.Request) {\n\thttp.Error(w, "can't connect to the registry", [[http.StatusFailedDependency]])\n}\n`,
    },
  ]);
  // A local error caught beside a catch-all is no local failure: the same handler catches the call's failures too.
  runScenarios('424-for-upstream-failure', [
    {
      name: 'Python: except (ImproperlyConfigured, Exception) around requests.post',
      language: 'python',
      text: `def pay(request):\n    try:\n        requests.post(CENTRAL_URL, json=payload)\n    except (ImproperlyConfigured, Exception) as e:\n        return Response(status=[[status.HTTP_424_FAILED_DEPENDENCY]])\n`,
    },
    {
      name: 'Java: catch (ConfigurationException | IOException e) around an HTTP call',
      language: 'java',
      text: `ResponseEntity<?> pay() {\n    try {\n        httpClient.send(request, BodyHandlers.ofString());\n    } catch (ConfigurationException | IOException e) {\n        return ResponseEntity.status([[HttpStatus.FAILED_DEPENDENCY]]).build();\n    }\n    return ResponseEntity.ok().build();\n}\n`,
    },
  ]);
  // A message bus may carry to a broker (judgement round 11, billabear): unlike a CQRS command or query bus, it is
  // not the application's own layer, and its failure stays another service's by its role.
  runScenarios('424-for-upstream-failure', [
    {
      name: 'PHP: catch around $messageBus->dispatch()',
      language: 'php',
      text: `<?php\nfunction cancel($id) {\n    try {\n        $this->messageBus->dispatch(new CancelSubscription($id));\n    } catch (\\Throwable $e) {\n        return new JsonResponse([], [[JsonResponse::HTTP_FAILED_DEPENDENCY]]);\n    }\n}\n`,
    },
  ]);
  // A response that is not what was expected is another service's answer (judgement round 11: "response is not JSON").
  runScenarios('424-for-upstream-failure', [
    {
      name: 'Java: "Unable to compare commits: response is not JSON"',
      language: 'java',
      text: `void compare() {\n    throw new ResponseStatusException([[HttpStatus.FAILED_DEPENDENCY]], "Unable to compare commits: response is not JSON");\n}\n`,
    },
    {
      name: 'Python: "response is not valid JSON"',
      language: 'python',
      text: `def rates():\n    abort([[424]], "rates response is not valid JSON")\n`,
    },
    {
      name: 'Go: "unexpected response from the registry"',
      language: 'go',
      text: `func push(w http.ResponseWriter, r *http.Request) {\n\thttp.Error(w, "unexpected response from the registry", [[http.StatusFailedDependency]])\n}\n`,
    },
    {
      name: 'TypeScript: "malformed response"',
      language: 'typescript',
      text: `function quote(res: Response) {\n  res.status([[424]]).json({ error: 'malformed response while pricing the order' });\n}\n`,
    },
  ]);
  // A message saying something could not be fetched or retrieved names a read from elsewhere that failed, and one
  // saying an email could not be sent names the mail service (judgement rounds 4-10).
  runScenarios('424-for-upstream-failure', [
    {
      name: 'Kotlin: "failed to fetch $endpoint"',
      language: 'kotlin',
      text: `fun pay(call: ApplicationCall) {\n    if (endpoint == null) {\n        throw UmaException("failed to fetch $wellKnown", [[HttpStatusCode.FailedDependency]])\n    }\n}\n`,
    },
    {
      name: 'C#: "Unable to retrieve file index from any node"',
      language: 'csharp',
      text: `public IActionResult Index(string path) {\n    if (found.Count() == 0) {\n        _logger.LogError("Unable to retrieve file index for {path} from any node.", path);\n        return StatusCode([[StatusCodes.Status424FailedDependency]]);\n    }\n}\n`,
    },
    {
      name: 'Python: "Not able to fetch Strava athlete"',
      language: 'python',
      text: `def athlete(user_id):\n    if athlete is None:\n        raise HTTPException(status_code=[[status.HTTP_424_FAILED_DEPENDENCY]], detail="Not able to fetch Strava athlete")\n`,
    },
    {
      name: 'Java: "Failed to retrieve session status"',
      language: 'java',
      text: `ResponseEntity<?> status(String id) {\n    return ResponseEntity.status([[HttpStatus.FAILED_DEPENDENCY]]).body("Failed to retrieve session status");\n}\n`,
    },
    {
      name: 'Go: "couldn\'t send the email"',
      language: 'go',
      text: `func reset(c echo.Context) error {\n\tif err != nil {\n\t\treturn c.String([[http.StatusFailedDependency]], "couldn't send the email")\n\t}\n\treturn nil\n}\n`,
    },
    {
      name: 'TypeScript: "error retrieving the balance"',
      language: 'typescript',
      text: `function withdraw(res: Response) {\n  return res.status([[424]]).json({ message: 'error retrieving the wallet balance' });\n}\n`,
    },
  ]);
  // Decoding what was read from a response's body a few lines before fails on that answer (judgement rounds 5 and 6).
  runScenarios('424-for-upstream-failure', [
    {
      name: 'Go: json.Unmarshal of a body read from resp.Body',
      language: 'go',
      text: `func Lyrics(c *gin.Context) {\n\tres, err := helpers.GetLyrics(artist)\n\tif err != nil {\n\t\tc.AbortWithStatus(http.StatusInternalServerError)\n\t\treturn\n\t}\n\tdefer res.Body.Close()\n\tbody, _ := io.ReadAll(res.Body)\n\tvar lyrics Lyrics\n\tif err := json.Unmarshal(body, &lyrics); err != nil {\n\t\tc.AbortWithStatus([[http.StatusFailedDependency]])\n\t\treturn\n\t}\n}\n`,
    },
    {
      name: 'Go: a decoder over resp.Body, decoding later',
      language: 'go',
      text: `func Capture(c *gin.Context) {\n\tdec := json.NewDecoder(resp.Body)\n\tvar f FailedCapture\n\tif err = dec.Decode(&f); err != nil {\n\t\tc.JSON([[http.StatusFailedDependency]], gin.H{"error": err.Error()})\n\t\treturn\n\t}\n}\n`,
    },
    {
      name: "Go: json.Unmarshal of the request's own body is no other service's answer",
      language: 'go',
      text: `func Hook(c *gin.Context) {\n\tbody, _ := io.ReadAll(c.Request.Body)\n\tvar event Event\n\tif err := json.Unmarshal(body, &event); err != nil {\n\t\tc.AbortWithStatus(http.StatusFailedDependency)\n\t\treturn\n\t}\n}\n`,
    },
  ]);
  // The same service named as not configured on the server is its own setting (judgement rounds 7 and 12).
  runScenarios('424-for-upstream-failure', [
    {
      name: 'Go: "s3 not configured" is no upstream failure',
      language: 'go',
      text: `func Upload(c *gin.Context) {\n\tif !uploader.Enabled() {\n\t\tc.JSON(http.StatusFailedDependency, gin.H{"error": "s3 not configured"})\n\t\treturn\n\t}\n}\n`,
    },
    {
      name: 'Java: "Stripe secret key is not configured" is no upstream failure',
      language: 'java',
      text: `ResponseEntity<?> pay() {\n    return ResponseEntity.status(HttpStatus.FAILED_DEPENDENCY).body("Stripe secret key is not configured");\n}\n`,
    },
    {
      name: 'Go: "s3 upload failed" still is',
      language: 'go',
      text: `func Upload(c *gin.Context) {\n\tc.JSON([[http.StatusFailedDependency]], gin.H{"error": "s3 upload failed"})\n}\n`,
    },
  ]);
  // The application's own database, by the receiver's name, is its own data access (judgement round 12: Prisma
  // through `this.db.menu.update(...)`, `this.mongo.x.update(...)`).
  runScenarios('424-for-upstream-failure', [
    {
      name: 'TypeScript: this.db.menu.update(...) failing is the own database',
      language: 'typescript',
      text: `async function update(id: string) {\n  try {\n    return await this.db.menu.update({ where: { id } });\n  } catch (e) {\n    throw new HttpException('could not update menu item', HttpStatus.FAILED_DEPENDENCY);\n  }\n}\n`,
    },
    {
      name: 'TypeScript: this.prisma.user.create(...) failing is the own database',
      language: 'typescript',
      text: `async function create(dto: Dto) {\n  try {\n    return await this.prisma.user.create({ data: dto });\n  } catch (e) {\n    throw new HttpException('not created', HttpStatus.FAILED_DEPENDENCY);\n  }\n}\n`,
    },
    {
      name: 'Go: api.staticDB.UserCreate(...) failing is the own database',
      language: 'go',
      text: `func (api *API) create(w http.ResponseWriter, r *http.Request) {\n\tu, err := api.staticDB.UserCreate(r.Context(), sub)\n\tif err != nil {\n\t\tapi.WriteError(w, err, http.StatusFailedDependency)\n\t\treturn\n\t}\n\tapi.WriteJSON(w, u)\n}\n`,
    },
    {
      name: 'Python: db.session.commit() failing is the own database',
      language: 'python',
      text: `def create():\n    try:\n        db.session.commit()\n    except Exception:\n        abort(424)\n`,
    },
    {
      name: 'Java: database.save(...) failing is the own database',
      language: 'java',
      text: `ResponseEntity<?> create(Item item) {\n    try {\n        database.save(item);\n    } catch (Exception e) {\n        return ResponseEntity.status(HttpStatus.FAILED_DEPENDENCY).build();\n    }\n    return ResponseEntity.ok().build();\n}\n`,
    },
  ]);
  // An error tested for, out of sight of its call, is another service's only when no call in sight is the
  // application's own work (judgement rounds 9 and 12: `h.svc.GetUserByID(...)`, `iaServiceFactory.create()`).
  runScenarios('424-for-upstream-failure', [
    {
      name: 'Go: errors.Is(err, ErrGetUser) after h.svc.GetUserByID(...)',
      language: 'go',
      text: `func (h *Handler) Get(c echo.Context) error {\n\tuser, err := h.svc.GetUserByID(id)\n\tif err != nil {\n\t\tswitch {\n\t\tcase errors.Is(err, entities.ErrGetUser):\n\t\t\treturn errorResponse(c, http.StatusFailedDependency, err, "")\n\t\t}\n\t\treturn errorResponse(c, http.StatusInternalServerError, err, "")\n\t}\n\treturn c.JSON(http.StatusOK, user)\n}\n`,
    },
    {
      name: 'TypeScript: instanceof Error after serviceFactory.create()',
      language: 'typescript',
      text: `async function createService(userId: string) {\n  const service = await iaServiceFactory.create(userId);\n  if (service instanceof Error) {\n    throw new ApiError(ErrorMessage.ErrorServiceCreation, StatusCodes.FAILED_DEPENDENCY);\n  }\n  return service;\n}\n`,
    },
    {
      name: 'Java: instanceof in the catch of userService.find(...)',
      language: 'java',
      text: `ResponseEntity<?> get(long id) {\n    try {\n        return ResponseEntity.ok(userService.find(id));\n    } catch (Exception e) {\n        if (e instanceof UserLookupError) {\n            return ResponseEntity.status(HttpStatus.FAILED_DEPENDENCY).build();\n        }\n        throw e;\n    }\n}\n`,
    },
    {
      name: 'Go: errors.Is(err, ErrPublishMsg) names publishing to a broker',
      language: 'go',
      text: `func (h *Handler) Create(c echo.Context) error {\n\tif err := h.svc.CreateUser(u); err != nil {\n\t\tswitch {\n\t\tcase errors.Is(err, entities.ErrPublishMsg):\n\t\t\treturn errorResponse(c, [[http.StatusFailedDependency]], err, "")\n\t\t}\n\t}\n\treturn nil\n}\n`,
    },
    {
      name: 'TypeScript: "failed to publish event"',
      language: 'typescript',
      text: `function create(res: Response) {\n  return res.status([[424]]).json({ error: 'failed to publish event user.created' });\n}\n`,
    },
    {
      name: 'Java: "Error publishing message"',
      language: 'java',
      text: `ResponseEntity<?> notify() {\n    return ResponseEntity.status([[HttpStatus.FAILED_DEPENDENCY]]).body("Error publishing message to the topic");\n}\n`,
    },
  ]);
  // A static factory (`UsersMyInfoRes.of(user)`, `List.of(...)`) makes a value: no other service's failure (judgement round 12).
  runScenarios('424-for-upstream-failure', [
    {
      name: 'Java: the catch of UsersMyInfoRes.of(...) and an own service',
      language: 'java',
      text: `ResponseEntity<?> me(String uid) {\n    try {\n        return ResponseEntity.ok(UsersMyInfoRes.of(usersService.find(uid)));\n    } catch (UidNullException e) {\n        return ResponseEntity.status(424).body("invalid uid");\n    }\n}\n`,
    },
    {
      name: 'Kotlin: the catch of Duration.of(...)',
      language: 'kotlin',
      text: `fun ttl(call: ApplicationCall) {\n    try {\n        Duration.of(amount, unit)\n    } catch (e: Exception) {\n        call.respond(HttpStatusCode.FailedDependency)\n    }\n}\n`,
    },
  ]);
  // An error type that derives from one is judged by its name too (judgement round 12: `class
  // CommandTimeout(CommandException)`), and "network error" names another service's failure (round 9).
  runScenarios('424-for-upstream-failure', [
    {
      name: 'Python: class CommandTimeout(CommandException) with status_code = 424',
      language: 'python',
      text: `class CommandTimeout(CommandException):\n    status_code = [[status.HTTP_424_FAILED_DEPENDENCY]]\n`,
    },
    {
      name: 'Java: class GatewayTimeout extends BaseException, super(FAILED_DEPENDENCY)',
      language: 'java',
      text: `public class GatewayTimeout extends BaseException {\n    public GatewayTimeout() {\n        super([[HttpStatus.FAILED_DEPENDENCY]]);\n    }\n}\n`,
    },
    {
      name: 'Kotlin: class RemoteTimeout : ApiException(FailedDependency)',
      language: 'kotlin',
      text: `class RemoteTimeout : ApiException([[HttpStatusCode.FailedDependency]])\n`,
    },
    {
      name: 'Rust: NetworkError::DataRequestError(_) => FAILED_DEPENDENCY',
      language: 'rust',
      text: `fn status(e: &Error) -> StatusCode {\n    match e {\n        NetworkError::DataRequestError(_) => [[StatusCode::FAILED_DEPENDENCY]],\n        _ => StatusCode::INTERNAL_SERVER_ERROR,\n    }\n}\n`,
    },
    {
      name: 'JavaScript: "Network error"',
      language: 'javascript',
      text: `function sync(req, res) {\n  res.status([[424]]).send('Network error while syncing');\n}\n`,
    },
  ]);
  // "Could not retrieve/fetch" says only that a read failed: the application's own store in the error branch
  // around, or a local error caught there, says more (regression over the mirrored snapshots: d-baranowski).
  runScenarios('424-for-upstream-failure', [
    {
      name: 'Java: "Could not retrieve attempt" in the catch of attemptRepo\'s read',
      language: 'java',
      text: `int examId(int id) {\n    try {\n        return attemptRepo.getAttempt(id).getExamId();\n    } catch (AccessException e) {\n        throw new ResponseStatusException(HttpStatus.FAILED_DEPENDENCY, "Could not retrieve attempt with id " + id);\n    }\n}\n`,
    },
    {
      name: 'Python: "could not fetch the order" in the except of db.session.get',
      language: 'python',
      text: `def order(order_id):\n    try:\n        return db.session.get(Order, order_id)\n    except Exception:\n        abort(424, "could not fetch the order")\n`,
    },
    {
      name: 'Java: "failed to fetch session status" in the catch of a service still is',
      language: 'java',
      text: `ResponseEntity<?> status(String id) {\n    try {\n        return ResponseEntity.ok(wppService.getSessionStatus(id));\n    } catch (Exception e) {\n        return ResponseEntity.status([[424]]).body(Map.of("error", "failed_to_fetch_session_status"));\n    }\n}\n`,
    },
    {
      name: 'Go: "failed to fetch" in the error branch of an HTTP call still is',
      language: 'go',
      text: `func Rates(w http.ResponseWriter, r *http.Request) {\n\tresp, err := http.Get(ratesURL)\n\tif err != nil {\n\t\thttp.Error(w, "failed to fetch rates", [[http.StatusFailedDependency]])\n\t\treturn\n\t}\n\tdefer resp.Body.Close()\n}\n`,
    },
  ]);
  // A factory makes objects in-process, but a connection it opens reaches a broker (regression over the mirrored
  // snapshots: RabbitMQ's `factory.newConnection()`).
  runScenarios('424-for-upstream-failure', [
    {
      name: 'Java: the catch of factory.newConnection() (RabbitMQ)',
      language: 'java',
      text: `Connection connect() {\n    try {\n        return factory.newConnection();\n    } catch (Exception ex) {\n        throw new ResponseStatusException([[HttpStatus.FAILED_DEPENDENCY]]);\n    }\n}\n`,
    },
    {
      name: 'Kotlin: the catch of connectionFactory.createConnection() (JMS)',
      language: 'kotlin',
      text: `fun send(call: ApplicationCall) {\n    try {\n        connectionFactory.createConnection().use { it.start() }\n    } catch (e: Exception) {\n        call.respond([[HttpStatusCode.FailedDependency]])\n    }\n}\n`,
    },
    {
      name: 'TypeScript: the catch of a service factory making a service is no other service',
      language: 'typescript',
      text: `async function make(res: Response) {\n  try {\n    await serviceFactory.create(userId);\n  } catch (e) {\n    return res.status(424).json({ error: 'Error into service creation' });\n  }\n}\n`,
    },
  ]);
});
