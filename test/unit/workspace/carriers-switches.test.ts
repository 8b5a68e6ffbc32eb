/**
 * Exception types mapped to a status by a branch structure keyed by type tests of the caught error (issue 16),
 * across two files in each language where the shape is written, with the verdict at the use: Kotlin
 * `when (e) { is X -> ... }` and `if (e is X)`, C# `switch (ex) { case X: ... }` and `ex switch { X => ... }`,
 * Ruby `case e when X ...` and `if e.is_a?(X)`. Each arm maps its types to the one status it sets.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Project } from './project';

const kotlinUses = `class CouponService(private val coupons: CouponRepository) {
    fun create(code: String): Coupon {
        if (coupons.existsByCode(code)) throw CouponTakenException("This coupon code is already taken")
        return coupons.save(Coupon(code))
    }

    fun edit(doc: Document) {
        if (doc.lockedBy != null) throw DocumentLockedException("The document is locked by another editor")
    }
}
`;

test('Kotlin `when (ex) { is X -> ResponseEntity.status(424) }` in an exception handler makes the throw in a service a site', () => {
  const project = new Project({
    'src/main/kotlin/app/ApiErrors.kt': `@RestControllerAdvice
class ApiErrors {
    @ExceptionHandler(RuntimeException::class)
    fun handle(ex: RuntimeException): ResponseEntity<ErrorBody> {
        return when (ex) {
            is CouponTakenException, is VoucherTakenException ->
                ResponseEntity.status(424).body(ErrorBody(ex.message))
            is DocumentLockedException -> ResponseEntity
                .status(HttpStatus.FAILED_DEPENDENCY)
                .body(ErrorBody(ex.message))
            is NotFoundException -> ResponseEntity.status(HttpStatus.NOT_FOUND).build()
            else -> ResponseEntity.internalServerError().build()
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
  // The handler's 424s stand for their uses, which are judged: no finding of their own.
  assert.deepEqual(project.findings('src/main/kotlin/app/ApiErrors.kt'), []);
  assert.match(
    project.hover('src/main/kotlin/app/CouponService.kt', 'CouponTakenException(')!,
    /^424 Failed Dependency, via `CouponTakenException`, declared in src\/main\/kotlin\/app\/ApiErrors\.kt:6/,
  );
});

test('Kotlin: a `when` whose arm is the status itself, and `if (e is X)`', () => {
  const project = new Project({
    'src/main/kotlin/app/Statuses.kt': `fun statusOf(e: Throwable): HttpStatus = when (e) {
    is CouponTakenException -> HttpStatus.FAILED_DEPENDENCY
    is IllegalArgumentException -> HttpStatus.BAD_REQUEST
    else -> HttpStatus.INTERNAL_SERVER_ERROR
}

fun Application.errors() {
    install(StatusPages) {
        exception<Throwable> { call, cause ->
            if (cause is DocumentLockedException) {
                call.response.status(HttpStatusCode.fromValue(424))
            }
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

test('Kotlin: an arm mapping to 409, an arm whose status is not fixed, and a `when` on no error map no 424', () => {
  const project = new Project({
    'src/main/kotlin/app/ApiErrors.kt': `class ApiErrors {
    fun handle(ex: Exception): ResponseEntity<String> = when (ex) {
        is CouponTakenException -> ResponseEntity.status(HttpStatus.CONFLICT).build()
        is DocumentLockedException -> ResponseEntity.status(ex.status).build()
        is RetryLaterException -> ResponseEntity.status(if (ex.retry) 503 else 424).build()
        !is TimeoutException -> ResponseEntity.status(424).build()
        else -> ResponseEntity.status(500).build()
    }

    fun label(kind: Kind): Int = when (kind) {
        is PaymentGatewayDown -> 424
        else -> 500
    }
}
`,
    'src/main/kotlin/app/CouponService.kt': `class CouponService {
    fun create(code: String) {
        throw CouponTakenException("This coupon code is already taken")
        throw DocumentLockedException("The document is locked by another editor")
        throw RetryLaterException("The coupon code is already taken")
        throw TimeoutException("The coupon code is already taken")
        throw PaymentGatewayDown("The coupon code is already taken")
    }
}
`,
  });
  assert.deepEqual(project.findings('src/main/kotlin/app/CouponService.kt'), []);
  // The 409 carrier is a site of its own code, which fits a conflict.
  assert.match(
    project.hover('src/main/kotlin/app/CouponService.kt', 'CouponTakenException(')!,
    /^409 Conflict, via `CouponTakenException`/,
  );
});

test('Kotlin `when (exception)` with its `{` on the next line (an expression body, or returned)', () => {
  const project = new Project({
    'src/main/kotlin/app/CouponResource.kt': `class CouponResource
{
    private fun handleException(message: String, exception: Exception): Response =
        when (exception)
        {
            is CouponTakenException -> Response.status(424)
                .entity(ResponseError(exception.message)).build()
            is IllegalArgumentException -> Response.status(Response.Status.BAD_REQUEST).build()
            else ->
            {
                Response.status(Response.Status.INTERNAL_SERVER_ERROR).build()
            }
        }

    private fun handleLocked(exception: Exception): Response
    {
        return when (exception)
        {
            is DocumentLockedException -> Response.status(HttpStatus.FAILED_DEPENDENCY.value()).build()
            else -> Response.serverError().build()
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
  assert.deepEqual(project.findings('src/main/kotlin/app/CouponResource.kt'), []);
  assert.match(
    project.hover('src/main/kotlin/app/CouponService.kt', 'DocumentLockedException(')!,
    /^424 Failed Dependency, via `DocumentLockedException`, declared in src\/main\/kotlin\/app\/CouponResource\.kt:19/,
  );
});

test('first matching arm: an arm after one of a root type (`is Exception ->`), or after an arm of the same type, is never reached', () => {
  const project = new Project({
    'src/main/kotlin/app/ApiErrors.kt': `class ApiErrors {
    fun handle(ex: Throwable): ResponseEntity<String> = when (ex) {
        is Exception -> ResponseEntity.status(500).build()
        is CouponTakenException -> ResponseEntity.status(424).build()
    }

    fun handleLocked(ex: Throwable): ResponseEntity<String> = when (ex) {
        is DocumentLockedException -> ResponseEntity.status(HttpStatus.CONFLICT).build()
        is DocumentLockedException -> ResponseEntity.status(424).build()
        else -> ResponseEntity.status(500).build()
    }
}
`,
    'src/main/kotlin/app/CouponService.kt': kotlinUses,
    'api/handlers.py': `async def handle(request, exc):
    match exc:
        case Exception():
            return JSONResponse(status_code=500, content={})
        case QuotaExceeded():
            return JSONResponse(status_code=424, content={})
`,
    'api/views.py': `def create_coupon(request):
    raise QuotaExceeded("This coupon code is already taken")
`,
  });
  assert.deepEqual(project.findings('src/main/kotlin/app/CouponService.kt'), []);
  // The first arm of the type decides (409); the second, dead, arm's 424 maps nothing.
  assert.match(
    project.hover('src/main/kotlin/app/CouponService.kt', 'DocumentLockedException(')!,
    /^409 Conflict, via `DocumentLockedException`/,
  );
  assert.deepEqual(project.findings('api/views.py'), []);
  // The dead arm's 424 is no carrier's: it is judged where it is written.
  assert.deepEqual(project.findings('api/handlers.py'), ['424-without-dependency: 424']);
});

test('first matching arm: a root-type arm last, or a guarded arm first, leaves the other arms mapped', () => {
  const project = new Project({
    'src/main/kotlin/app/ApiErrors.kt': `class ApiErrors {
    fun handle(ex: Throwable): ResponseEntity<String> = when (ex) {
        is CouponTakenException -> ResponseEntity.status(424).build()
        is Exception -> ResponseEntity.status(500).build()
    }

    fun handleLocked(ex: Throwable): ResponseEntity<String> = when (ex) {
        is Exception if ex.message == null -> ResponseEntity.status(500).build()
        is DocumentLockedException -> ResponseEntity.status(424).build()
        else -> ResponseEntity.status(500).build()
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

test('C# exception middleware `switch (exception) { case X: StatusCode = ...; break; }` makes the throw in a service a site', () => {
  const project = new Project({
    'Middleware/ExceptionMiddleware.cs': `public class ExceptionMiddleware
{
    private static async Task HandleExceptionAsync(HttpContext context, Exception exception)
    {
        var response = context.Response;
        switch (exception)
        {
            case DuplicateCouponException:
            case DuplicateVoucherException duplicate:
                response.StatusCode = (int)HttpStatusCode.FailedDependency;
                break;
            case DocumentLockedException locked:
                response.StatusCode = StatusCodes.Status424FailedDependency;
                break;
            case KeyNotFoundException:
                response.StatusCode = (int)HttpStatusCode.NotFound;
                break;
            default:
                response.StatusCode = 500;
                break;
        }
        await response.WriteAsJsonAsync(new { error = exception.Message });
    }
}
`,
    'Services/CouponService.cs': csharpUses,
  });
  assert.deepEqual(project.findings('Services/CouponService.cs'), [
    '424-for-conflict: DuplicateCouponException',
    '424-for-lock: DocumentLockedException',
  ]);
  assert.deepEqual(project.findings('Middleware/ExceptionMiddleware.cs'), []);
  assert.match(
    project.hover('Services/CouponService.cs', 'DuplicateCouponException(')!,
    /^424 Failed Dependency, via `DuplicateCouponException`, declared in Middleware\/ExceptionMiddleware\.cs:8/,
  );
});

test('C# switch expression `exception switch { X => StatusCodes.Status424FailedDependency, ... }`', () => {
  const project = new Project({
    'Errors/ApiExceptionHandler.cs': `internal sealed class ApiExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        httpContext.Response.StatusCode = exception switch
        {
            DuplicateCouponException => StatusCodes.Status424FailedDependency,
            Documents.DocumentLockedException => 424,
            ValidationException => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status500InternalServerError
        };
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

test('C#: an arm mapping to 409, a guarded or nested pattern, a status read from the exception, and a switch on no error map no 424', () => {
  const project = new Project({
    'Errors/Handler.cs': `public class Handler
{
    public void OnException(ExceptionContext context)
    {
        switch (context.Exception)
        {
            case DuplicateCouponException:
                context.HttpContext.Response.StatusCode = StatusCodes.Status409Conflict;
                break;
            case DocumentLockedException e when e.Retryable:
                context.HttpContext.Response.StatusCode = 424;
                break;
            case AppException app:
                context.HttpContext.Response.StatusCode = (int)app.StatusCode;
                break;
        }
        var status = context.Exception switch
        {
            RetryLaterException { Attempts: > 3 } => 424,
            _ => 500
        };
        var code = kind switch { PaymentGatewayDown => 424, _ => 500 };
    }
}
`,
    'Services/CouponService.cs': `public class CouponService
{
    public void Create(string code)
    {
        throw new DuplicateCouponException("A coupon with this code already exists");
        throw new DocumentLockedException("A coupon with this code already exists");
        throw new AppException("A coupon with this code already exists");
        throw new RetryLaterException("A coupon with this code already exists");
        throw new PaymentGatewayDown("A coupon with this code already exists");
    }
}
`,
  });
  assert.deepEqual(project.findings('Services/CouponService.cs'), []);
});

const rubyUses = `module Coupons
  class CouponsController < ApplicationController
    def create
      raise CouponTaken, "This coupon code is already taken" if Coupon.exists?(code: params[:code])
      raise DocumentLocked, "The document is locked by another editor" if @document.locked?
      render json: Coupon.create!(coupon_params), status: :created
    end
  end
end
`;

test('Ruby `case e when X ... render status:` in a rescue block makes the raise in a controller a site', () => {
  const project = new Project({
    'app/controllers/application_controller.rb': `class ApplicationController < ActionController::API
  rescue_from StandardError do |exception|
    case exception
    when Coupons::CouponTaken, Coupons::VoucherTaken
      render json: { error: exception.message }, status: :failed_dependency
    when DocumentLocked then render json: { error: exception.message }, status: 424
    when ActiveRecord::RecordNotFound
      head :not_found
    else
      render json: { error: "Internal error" }, status: :internal_server_error
    end
  end
end
`,
    'app/controllers/coupons/coupons_controller.rb': rubyUses,
  });
  assert.deepEqual(project.findings('app/controllers/coupons/coupons_controller.rb'), [
    '424-for-conflict: CouponTaken',
    '424-for-lock: DocumentLocked',
  ]);
  assert.deepEqual(project.findings('app/controllers/application_controller.rb'), []);
  assert.match(
    project.hover('app/controllers/coupons/coupons_controller.rb', 'CouponTaken,')!,
    /^424 Failed Dependency, via `CouponTaken`, declared in app\/controllers\/application_controller\.rb:4/,
  );
});

test('Ruby `if e.is_a?(X)` (`kind_of?`, `elsif`) with a status in its branch, and a Sinatra `status 424`', () => {
  const project = new Project({
    'app/controllers/concerns/error_handling.rb': `module ErrorHandling
  def handle_error(error)
    if error.is_a?(Coupons::CouponTaken)
      render json: { error: error.message }, status: :failed_dependency
    elsif error.is_a?(ActiveRecord::RecordNotFound)
      render json: { error: error.message }, status: :not_found
    end
    render json: { error: "Internal error" }, status: 500
  end
end
`,
    'app.rb': `error do
  e = env["sinatra.error"]
  if e.kind_of?(DocumentLocked)
    status 424
    json error: e.message
  end
end
`,
    'app/controllers/coupons/coupons_controller.rb': rubyUses,
  });
  assert.deepEqual(project.findings('app/controllers/coupons/coupons_controller.rb'), [
    '424-for-conflict: CouponTaken',
    '424-for-lock: DocumentLocked',
  ]);
});

test('Ruby: a `when` mapping to 409, a branch whose status is not fixed, and a `case` on no error map no 424', () => {
  const project = new Project({
    'app/controllers/application_controller.rb': `class ApplicationController < ActionController::API
  rescue_from StandardError do |e|
    case e
    when CouponTaken
      render json: { error: e.message }, status: :conflict
    when DocumentLocked
      render json: { error: e.message }, status: e.status
    when RetryLater
      if e.retryable?
        head 503
      else
        head 424
      end
    end
    if e.is_a?(Gone)
      log(e)
    end
    render json: {}, status: 424
  end

  def label(kind)
    case kind
    when PaymentGatewayDown then head 424
    end
  end
end
`,
    'app/controllers/coupons_controller.rb': `class CouponsController < ApplicationController
  def create
    raise CouponTaken, "This coupon code is already taken"
    raise DocumentLocked, "This coupon code is already taken"
    raise RetryLater, "This coupon code is already taken"
    raise Gone, "This coupon code is already taken"
    raise PaymentGatewayDown, "This coupon code is already taken"
  end
end
`,
  });
  assert.deepEqual(project.findings('app/controllers/coupons_controller.rb'), []);
});

test('Python: a status after an `isinstance` branch is not the branch', () => {
  const project = new Project({
    'api/handlers.py': `def api_exception_handler(exc, context):
    if isinstance(exc, CouponTaken):
        log(exc)
    return Response({"detail": str(exc)}, status=424)
`,
    'api/views.py': `def create_coupon(request):
    raise CouponTaken("This coupon code is already taken")
`,
  });
  assert.deepEqual(project.findings('api/views.py'), []);
});

test('Java 21 pattern switch `switch (ex) { case X x -> ResponseEntity.status(...) }`; a guarded or default arm maps nothing', () => {
  const project = new Project({
    'src/main/java/app/ApiErrors.java': `@RestControllerAdvice
public class ApiErrors {
    @ExceptionHandler(RuntimeException.class)
    public ResponseEntity<String> handle(RuntimeException ex) {
        return switch (ex) {
            case CouponTakenException taken -> ResponseEntity.status(HttpStatus.FAILED_DEPENDENCY).body(taken.getMessage());
            case DocumentLockedException locked -> {
                log.warn("locked", locked);
                yield ResponseEntity.status(424).body(locked.getMessage());
            }
            case RetryLaterException retry when retry.attempts() > 3 -> ResponseEntity.status(424).build();
            case ConflictException conflict -> ResponseEntity.status(HttpStatus.CONFLICT).build();
            default -> ResponseEntity.internalServerError().build();
        };
    }
}
`,
    'src/main/java/app/CouponService.java': `public class CouponService {
    public Coupon create(String code) {
        if (coupons.existsByCode(code)) throw new CouponTakenException("This coupon code is already taken");
        if (document.lockedBy() != null) throw new DocumentLockedException("The document is locked by another editor");
        throw new RetryLaterException("This coupon code is already taken");
    }
}
`,
  });
  assert.deepEqual(project.findings('src/main/java/app/CouponService.java'), [
    '424-for-conflict: CouponTakenException',
    '424-for-lock: DocumentLockedException',
  ]);
  // The mapped arms' 424s stand for their uses; the guarded arm maps nothing, so its 424 is a use of its own,
  // judged there: nothing marks a chain for "retry later".
  assert.deepEqual(project.findings('src/main/java/app/ApiErrors.java'), ['424-without-dependency: 424']);
});

test('Kotlin `when { e is X -> ... }` without a subject in an exception handler makes the throw in a service a site', () => {
  const project = new Project({
    'src/main/kotlin/app/ApiErrors.kt': `@RestControllerAdvice
class ApiErrors {
    @ExceptionHandler(RuntimeException::class)
    fun handle(e: RuntimeException): ResponseEntity<ErrorBody> = when {
        e is CouponTakenException || e is VoucherTakenException ->
            ResponseEntity.status(424).body(ErrorBody(e.message))
        e is NotFoundException -> ResponseEntity.status(HttpStatus.NOT_FOUND).build()
        else -> ResponseEntity.internalServerError().build()
    }
}

fun Application.errors() {
    install(StatusPages) {
        exception<Throwable> { call, cause ->
            when {
                cause is DocumentLockedException -> call.respond(HttpStatusCode.FailedDependency, cause.message ?: "")
                else -> call.respond(HttpStatusCode.InternalServerError)
            }
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
  assert.deepEqual(project.findings('src/main/kotlin/app/ApiErrors.kt'), []);
  assert.match(
    project.hover('src/main/kotlin/app/CouponService.kt', 'CouponTakenException(')!,
    /^424 Failed Dependency, via `CouponTakenException`, declared in src\/main\/kotlin\/app\/ApiErrors\.kt:5/,
  );
});

test('Kotlin `when { ... }`: an arm testing something else than the caught error, a guard or a negation maps nothing', () => {
  const project = new Project({
    'src/main/kotlin/app/ApiErrors.kt': `fun statusOf(e: Throwable, response: Response): HttpStatus {
    return when {
        response is CouponTakenException -> HttpStatus.FAILED_DEPENDENCY
        e is DocumentLockedException && e.retryable -> HttpStatus.FAILED_DEPENDENCY
        e !is NotFoundException -> HttpStatus.FAILED_DEPENDENCY
        else -> HttpStatus.NOT_FOUND
    }
}

fun describe(e: Throwable): String = when {
    e is CouponTakenException -> "424 is not set here"
    else -> "other"
}
`,
    'src/main/kotlin/app/CouponService.kt': kotlinUses,
  });
  assert.deepEqual(project.findings('src/main/kotlin/app/CouponService.kt'), []);
});
