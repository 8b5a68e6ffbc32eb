/**
 * More shapes that map exception types to a status (issue 16), each across two files with the verdict at the
 * use: Ktor StatusPages `exception<X> { call, cause -> call.respond(HttpStatusCode.X, ...) }` (and `respond` /
 * `respondText` as Kotlin status calls), C# switch-expression arms whose value is a tuple
 * `(StatusCodes.Status409Conflict, "title")` and `new ProblemDetails { Status = ... }`, JS/TS
 * `switch (true) { case err instanceof X: }`, PHP `match (true) { $e instanceof X => ... }` and Python
 * `match exc: case X() | Y():`. Each maps its types to the one status it sets; guarded, default and unfixed
 * arms map nothing.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Project } from './project';

const kotlinUses = `class CouponTakenException(message: String) : Exception(message)

class CouponService(private val coupons: CouponRepository) {
    fun create(code: String): Coupon {
        if (coupons.existsByCode(code)) throw CouponTakenException("This coupon code is already taken")
        return coupons.save(Coupon(code))
    }

    fun edit(doc: Document) {
        if (doc.lockedBy != null) throw DocumentLockedException("The document is locked by another editor")
    }
}
`;

test('Ktor StatusPages `exception<X> { call, cause -> call.respond(HttpStatusCode.X, ...) }` makes the throw in a service a site', () => {
  const project = new Project({
    'src/main/kotlin/app/plugins/StatusPages.kt': `fun Application.configureStatusPages() {
    install(StatusPages) {
        exception<CouponTakenException> { call, cause ->
            call.respond(HttpStatusCode.FailedDependency, ErrorResponse(cause.message ?: "Coupon"))
        }
        exception<DocumentLockedException> { call, cause ->
            call.respondText(cause.message ?: "", ContentType.Text.Plain, HttpStatusCode.FailedDependency)
        }
        exception<Exception> { call, cause ->
            call.respond(HttpStatusCode.InternalServerError, ErrorResponse("Internal error"))
        }
    }
}
`,
    'src/main/kotlin/app/CouponService.kt': kotlinUses,
  });
  assert.deepEqual(project.findings('src/main/kotlin/app/CouponService.kt'), [
    '424-for-conflict: CouponTakenException',
    '424-for-lock: DocumentLockedException',
  ]);
  assert.deepEqual(project.findings('src/main/kotlin/app/plugins/StatusPages.kt'), []);
  // The handler of the type itself, not the one of its base (`exception<Exception>`), gives its status.
  assert.match(
    project.hover('src/main/kotlin/app/CouponService.kt', 'CouponTakenException("')!,
    /^424 Failed Dependency, via `CouponTakenException`, declared in src\/main\/kotlin\/app\/plugins\/StatusPages\.kt:3/,
  );
});

test('Ktor: `respondText(..., status = HttpStatusCode.X)` in a handler, and a `when (cause)` arm calling `call.respond(HttpStatusCode.X, ...)`', () => {
  const project = new Project({
    'src/main/kotlin/app/Errors.kt': `fun StatusPagesConfig.errors() {
    exception<CouponTakenException> { call, cause ->
        call.respondText(text = cause.message ?: "", status = HttpStatusCode.FailedDependency)
    }
    exception<Throwable> { call, cause ->
        when (cause) {
            is DocumentLockedException -> call.respond(HttpStatusCode.FailedDependency, ErrorResponse(cause.message))
            is NotFoundException -> call.respond(HttpStatusCode.NotFound)
            else -> call.respond(HttpStatusCode.InternalServerError)
        }
    }
}
`,
    'src/main/kotlin/app/CouponService.kt': kotlinUses,
  });
  assert.deepEqual(project.findings('src/main/kotlin/app/CouponService.kt'), [
    '424-for-conflict: CouponTakenException',
    '424-for-lock: DocumentLockedException',
  ]);
});

test('Ktor: a handler whose status is not fixed, read from the error, or of a `when` on no error maps no 424', () => {
  const project = new Project({
    'src/main/kotlin/app/Errors.kt': `fun StatusPagesConfig.errors() {
    exception<CouponTakenException> { call, cause ->
        call.respond(if (cause.retryable) HttpStatusCode.ServiceUnavailable else HttpStatusCode.FailedDependency)
    }
    exception<HttpStatusException> { call, cause ->
        call.respond(cause.statusCode, ErrorResponse(cause.message))
    }
    exception<Throwable> { call, cause ->
        when (cause) {
            is DocumentLockedException -> call.respond(HttpStatusCode.Conflict)
            else -> call.respond(HttpStatusCode.FailedDependency)
        }
    }
}

fun report(exception: Exception, kind: Kind) {
    val exception = lookup(exception)
    when (kind) {
        is PaymentGatewayDown -> call.respond(HttpStatusCode.FailedDependency)
    }
}
`,
    'src/main/kotlin/app/CouponService.kt': `class CouponService {
    fun create(code: String) {
        throw CouponTakenException("This coupon code is already taken")
        throw HttpStatusException("This coupon code is already taken")
        throw DocumentLockedException("This coupon code is already taken")
        throw PaymentGatewayDown("This coupon code is already taken")
        throw Throwable("This coupon code is already taken")
    }
}
`,
  });
  assert.deepEqual(project.findings('src/main/kotlin/app/CouponService.kt'), []);
  assert.match(
    project.hover('src/main/kotlin/app/CouponService.kt', 'DocumentLockedException(')!,
    /^409 Conflict, via `DocumentLockedException`/,
  );
});

const csharpUses = `public class CouponService
{
    public Coupon Create(string code)
    {
        if (_db.Coupons.Any(c => c.Code == code)) throw new DuplicateCouponException("A coupon with this code already exists");
        return _db.Add(new Coupon(code));
    }

    public void Edit(Document doc)
    {
        if (doc.LockedBy != null) throw new DocumentLockedException("The document is locked by another editor");
    }
}
`;

test('C# `var (status, title) = exception switch { X => (StatusCodes.Status424FailedDependency, "...") }` maps X', () => {
  const project = new Project({
    'Middleware/ExceptionHandlingMiddleware.cs': `public sealed class ExceptionHandlingMiddleware
{
    private async Task HandleExceptionAsync(HttpContext context, Exception exception)
    {
        var (status, title) = exception switch
        {
            DuplicateCouponException => (StatusCodes.Status424FailedDependency, "Duplicate coupon"),
            Documents.DocumentLockedException => (424, "Locked"),
            ValidationException => (StatusCodes.Status400BadRequest, "Invalid"),
            _ => (StatusCodes.Status500InternalServerError, "Internal Server Error")
        };
        var problem = new ProblemDetails { Status = status, Title = title, Detail = exception.Message };
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(problem);
    }
}
`,
    'Services/CouponService.cs': csharpUses,
  });
  assert.deepEqual(project.findings('Services/CouponService.cs'), [
    '424-for-conflict: DuplicateCouponException',
    '424-for-lock: DocumentLockedException',
  ]);
  assert.deepEqual(project.findings('Middleware/ExceptionHandlingMiddleware.cs'), []);
});

test('C# `new ProblemDetails { Status = ... }` in a switch arm and `Results.Problem(statusCode: ...)` after `is X`', () => {
  const project = new Project({
    'Errors/ApiExceptionHandler.cs': `internal sealed class ApiExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        switch (exception)
        {
            case DuplicateCouponException:
                problem = new ProblemDetails
                {
                    Title = "Duplicate coupon",
                    Status = StatusCodes.Status424FailedDependency,
                };
                break;
            default:
                problem = new ProblemDetails { Status = 500 };
                break;
        }
        if (exception is DocumentLockedException)
        {
            await Results.Problem(title: "Locked", statusCode: 424).ExecuteAsync(httpContext);
        }
        return true;
    }
}
`,
    'Services/CouponService.cs': csharpUses,
  });
  assert.deepEqual(project.findings('Services/CouponService.cs'), [
    '424-for-conflict: DuplicateCouponException',
    '424-for-lock: DocumentLockedException',
  ]);
});

test('C# target-typed `ProblemDetails problem = new() { Status = ... }` after `is X` and in a switch arm', () => {
  const project = new Project({
    'Errors/ApiExceptionHandler.cs': `internal sealed class ApiExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is DuplicateCouponException)
        {
            ProblemDetails problem = new() { Title = "Duplicate coupon", Status = StatusCodes.Status424FailedDependency };
            await httpContext.Response.WriteAsJsonAsync(problem, cancellationToken);
            return true;
        }
        switch (exception)
        {
            case DocumentLockedException:
                ProblemDetails? locked = new()
                {
                    Title = "Locked",
                    Status = 424,
                };
                await httpContext.Response.WriteAsJsonAsync(locked, cancellationToken);
                return true;
        }
        return false;
    }
}
`,
    'Services/CouponService.cs': csharpUses,
  });
  assert.deepEqual(project.findings('Services/CouponService.cs'), [
    '424-for-conflict: DuplicateCouponException',
    '424-for-lock: DocumentLockedException',
  ]);
  assert.deepEqual(project.findings('Errors/ApiExceptionHandler.cs'), []);
  assert.match(
    project.hover('Services/CouponService.cs', 'DuplicateCouponException(')!,
    /^424 Failed Dependency, via `DuplicateCouponException`, declared in Errors\/ApiExceptionHandler\.cs:5/,
  );
});

test('C# target-typed new of another type (`AuditEntry entry = new() { Status = 424 }`) maps nothing', () => {
  const project = new Project({
    'Errors/Handler.cs': `public class Handler
{
    public void OnException(ExceptionContext context)
    {
        if (context.Exception is DuplicateCouponException)
        {
            AuditEntry entry = new() { Status = 424, Message = "duplicate" };
            _audit.Add(entry);
        }
    }
}
`,
    'Services/CouponService.cs': csharpUses,
  });
  assert.deepEqual(project.findings('Services/CouponService.cs'), []);
});

test('C#: a tuple with two statuses, a guarded or default tuple arm, a status in another initializer, and a switch on no error map no 424', () => {
  const project = new Project({
    'Errors/Handler.cs': `public class Handler
{
    public void Handle(Exception exception, Kind kind)
    {
        var (status, retry) = exception switch
        {
            DuplicateCouponException => (409, 424),
            DocumentLockedException locked when locked.Retryable => (424, "Locked"),
            AuditedException => new AuditEntry { Status = 424 },
            _ => (StatusCodes.Status424FailedDependency, "Error")
        };
        var code = kind switch { PaymentGatewayDown => (424, "Payment"), _ => (500, "Error") };
    }
}
`,
    'Services/CouponService.cs': `public class CouponService
{
    public void Create(string code)
    {
        throw new DuplicateCouponException("A coupon with this code already exists");
        throw new DocumentLockedException("A coupon with this code already exists");
        throw new AuditedException("A coupon with this code already exists");
        throw new PaymentGatewayDown("A coupon with this code already exists");
    }
}
`,
  });
  assert.deepEqual(project.findings('Services/CouponService.cs'), []);
});

const tsUses = `export async function createCoupon(code: string) {
  if (await coupons.exists(code)) throw new CouponTakenError('This coupon code is already taken');
  return coupons.create(code);
}

export async function editDocument(doc: Doc) {
  if (doc.lockedBy) throw new DocumentLockedError('The document is locked by another editor');
}
`;

test('TS `switch (true) { case err instanceof X: res.status(424) }` in error middleware, and `return 424` in a status helper', () => {
  const project = new Project({
    'src/middleware/errors.ts': `export function errorHandler(err: Error, req: Request, res: Response, next: NextFunction) {
  switch (true) {
    case err instanceof CouponTakenError:
      return res.status(424).json({ error: err.message });
    case err instanceof NotFoundError:
      res.status(StatusCodes.NOT_FOUND).json({ error: err.message });
      break;
    default:
      res.status(500).json({ error: 'Internal error' });
  }
}

const statusOf = (error: Error): number => {
  switch (true) {
    case error instanceof errors.DocumentLockedError:
    case error instanceof errors.FileLockedError:
      return 424;
    default:
      return 500;
  }
};
`,
    'src/services/coupons.ts': tsUses,
  });
  assert.deepEqual(project.findings('src/services/coupons.ts'), [
    '424-for-conflict: CouponTakenError',
    '424-for-lock: DocumentLockedError',
  ]);
  assert.deepEqual(project.findings('src/middleware/errors.ts'), []);
});

test('TS: a guarded case, a status read from the error, a default case and a `switch (true)` on no error map no 424', () => {
  const project = new Project({
    'src/middleware/errors.ts': `export function errorHandler(err: AppError, req: Request, res: Response) {
  switch (true) {
    case err instanceof CouponTakenError && err.retryable:
      return res.status(424).end();
    case err instanceof DocumentLockedError:
      return res.status(err.status).end();
    default:
      return res.status(424).end();
  }
}

function label(kind: Kind) {
  switch (true) {
    case kind instanceof PaymentGatewayDown:
      return 424;
  }
}
`,
    'src/services/coupons.ts': `export function create() {
  throw new CouponTakenError('This coupon code is already taken');
  throw new DocumentLockedError('This coupon code is already taken');
  throw new PaymentGatewayDown('This coupon code is already taken');
}
`,
  });
  assert.deepEqual(project.findings('src/services/coupons.ts'), []);
});

const phpUses = `<?php
namespace App\\Service;

class CouponService
{
    public function create(string $code): Coupon
    {
        if ($this->coupons->exists($code)) {
            throw new CouponTakenException('This coupon code is already taken');
        }
        return $this->coupons->create($code);
    }

    public function edit(Document $doc): void
    {
        if ($doc->lockedBy() !== null) {
            throw new DocumentLockedException('The document is locked by another editor');
        }
    }
}
`;

test('PHP `match (true) { $e instanceof X, $e instanceof Y => 424, $e instanceof Z => new JsonResponse(..., 424) }`', () => {
  const project = new Project({
    'src/EventListener/ExceptionListener.php': `<?php
namespace App\\EventListener;

class ExceptionListener
{
    public function onKernelException(ExceptionEvent $event): void
    {
        $exception = $event->getThrowable();
        $status = match (true) {
            $exception instanceof CouponTakenException, $exception instanceof VoucherTakenException => 424,
            $exception instanceof NotFoundHttpException => Response::HTTP_NOT_FOUND,
            default => 500,
        };
        $response = match (true) {
            $exception instanceof \\App\\Exception\\DocumentLockedException => new JsonResponse(['error' => $exception->getMessage()], 424),
            default => new JsonResponse(['error' => 'Internal error'], $status),
        };
        $event->setResponse($response);
    }
}
`,
    'src/Service/CouponService.php': phpUses,
  });
  assert.deepEqual(project.findings('src/Service/CouponService.php'), [
    '424-for-conflict: CouponTakenException',
    '424-for-lock: DocumentLockedException',
  ]);
  assert.deepEqual(project.findings('src/EventListener/ExceptionListener.php'), []);
});

test('PHP `[$status, $message] = match (true) { $e instanceof X => [Response::HTTP_FAILED_DEPENDENCY, ...] }`; guarded and default arms map nothing', () => {
  const project = new Project({
    'src/EventListener/ExceptionListener.php': `<?php
class ExceptionListener
{
    public function onKernelException(ExceptionEvent $event): void
    {
        $e = $event->getThrowable();
        [$status, $message] = match (true) {
            $e instanceof CouponTakenException => [
                Response::HTTP_FAILED_DEPENDENCY,
                'Coupon taken',
            ],
            $e instanceof DocumentLockedException && $e->isRetryable() => [424, 'Locked'],
            $e instanceof HttpExceptionInterface => [$e->getStatusCode(), $e->getMessage()],
            default => [424, 'Error'],
        };
    }
}
`,
    'src/Service/CouponService.php': phpUses,
  });
  assert.deepEqual(project.findings('src/Service/CouponService.php'), ['424-for-conflict: CouponTakenException']);
});

const pythonUses = `def create_coupon(request):
    if Coupon.objects.filter(code=request.data["code"]).exists():
        raise CouponTaken("This coupon code is already taken")
    return Coupon.objects.create(code=request.data["code"])


def edit_document(document):
    if document.locked_by:
        raise DocumentLocked("The document is locked by another editor")
`;

test('Python `match exc: case X() | Y(): return JSONResponse(status_code=424)` in an exception handler', () => {
  const project = new Project({
    'app/errors.py': `@app.exception_handler(DomainError)
async def domain_error(request: Request, exc: DomainError) -> JSONResponse:
    match exc:
        case CouponTaken() | VoucherTaken():
            return JSONResponse(status_code=424, content={"detail": str(exc)})
        case errors.DocumentLocked() as locked:
            raise HTTPException(
                status_code=status.HTTP_424_FAILED_DEPENDENCY,
                detail=str(locked),
            )
        case NotFound():
            return JSONResponse(status_code=404, content={"detail": "Not found"})
        case _:
            raise exc
`,
    'app/exceptions.py': `class DomainError(Exception):
    pass


class CouponTaken(DomainError):
    pass
`,
    'app/views.py': pythonUses,
  });
  assert.deepEqual(project.findings('app/views.py'), ['424-for-conflict: CouponTaken', '424-for-lock: DocumentLocked']);
  assert.deepEqual(project.findings('app/errors.py'), []);
  // The class being declared is no use of the status its handler maps it to.
  assert.deepEqual(project.findings('app/exceptions.py'), []);
  assert.match(project.hover('app/views.py', 'CouponTaken(')!, /^424 Failed Dependency, via `CouponTaken`, declared in app\/errors\.py:4/);
});

test('Python: a guarded case, a nested class pattern, `case _`, a match on no error and `re.match` map no 424', () => {
  const project = new Project({
    'app/errors.py': `def handle(exc, kind):
    match exc:
        case CouponTaken() if exc.retryable:
            return JSONResponse(status_code=424)
        case DocumentLocked(code=423):
            return JSONResponse(status_code=424)
        case _:
            return JSONResponse(status_code=424)
    match kind:
        case PaymentGatewayDown():
            return JSONResponse(status_code=424)
    found = re.match(PATTERN, exc)
    return JSONResponse(status_code=500)
`,
    'app/views.py': `def create(request):
    raise CouponTaken("This coupon code is already taken")
    raise DocumentLocked("This coupon code is already taken")
    raise PaymentGatewayDown("This coupon code is already taken")
`,
  });
  assert.deepEqual(project.findings('app/views.py'), []);
});
