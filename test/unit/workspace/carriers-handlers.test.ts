/**
 * Exception types mapped to a status by an error handler of the framework (issue 16), across two files in
 * each language where the shape exists, with the verdict at the use: Express error middleware
 * (`err instanceof X` then `res.status(N)`), ASP.NET Core exception filters and UseExceptionHandler
 * (`context.Exception is X` then `StatusCode = N`), a Symfony exception listener, a Spring handler testing
 * `instanceof`, and Rails `rescue_from X, with: :handler` or a block.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Project } from './project';

test('Express error middleware: `err instanceof CouponTaken` answered with 424 makes the throw elsewhere a site', () => {
  const project = new Project({
    'src/errors.js': `class CouponTaken extends Error {}
class NotFound extends Error {}
module.exports = { CouponTaken, NotFound };
`,
    'src/app.js': `const { CouponTaken, NotFound } = require('./errors');
app.use((err, req, res, next) => {
  if (err instanceof CouponTaken) {
    return res.status(424).json({ error: err.message });
  }
  if (err instanceof NotFound) return res.status(404).end();
  next(err);
});
`,
    'src/coupons.js': `const { CouponTaken } = require('./errors');
router.post('/coupons', async (req, res) => {
  if (await coupons.exists(req.body.code)) throw new CouponTaken('This coupon code is already taken');
  res.status(201).json(await coupons.create(req.body));
});
`,
  });
  assert.deepEqual(project.findings('src/coupons.js'), ['424-for-conflict: CouponTaken']);
  // The middleware's 424 stands for its uses, which are judged: no finding of its own.
  assert.deepEqual(project.findings('src/app.js'), []);
  assert.match(project.hover('src/coupons.js', 'CouponTaken(')!, /424 Failed Dependency/);
});

test('a type tested on something that is no caught error, or answered with a success, carries nothing', () => {
  const project = new Project({
    'src/app.js': `app.use((req, res, next) => {
  if (req.user instanceof Admin) return res.status(424).end();
  next();
});
app.use((err, req, res, next) => {
  if (err instanceof Redirected) return res.status(302).end();
  next(err);
});
`,
    'src/users.js': `router.get('/a', (req, res) => {
  const admin = new Admin('The row is locked');
  throw new Redirected('The row is locked');
});
`,
  });
  assert.deepEqual(project.findings('src/users.js'), []);
});

test('ASP.NET Core IExceptionFilter: `context.Exception is X` then a StatusCode makes the throw in a service a site', () => {
  const project = new Project({
    'Filters/ApiExceptionFilter.cs': `public class ApiExceptionFilter : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        if (context.Exception is DuplicateCouponException)
        {
            context.Result = new ObjectResult(new { error = context.Exception.Message }) { StatusCode = StatusCodes.Status424FailedDependency };
            context.ExceptionHandled = true;
        }
    }
}
`,
    'Services/CouponService.cs': `public class CouponService
{
    public Coupon Create(string code)
    {
        if (_db.Coupons.Any(c => c.Code == code)) throw new DuplicateCouponException("A coupon with this code already exists");
        return _db.Add(new Coupon(code));
    }
}
`,
  });
  assert.deepEqual(project.findings('Services/CouponService.cs'), ['424-for-conflict: DuplicateCouponException']);
  assert.deepEqual(project.findings('Filters/ApiExceptionFilter.cs'), []);
});

test("ASP.NET Core UseExceptionHandler: the handler feature's Error tested with `is`", () => {
  const project = new Project({
    'Program.cs': `app.UseExceptionHandler(errorApp => errorApp.Run(async context =>
{
    var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
    if (error is AccountLockedException) context.Response.StatusCode = 424;
    await context.Response.WriteAsJsonAsync(new { error = error?.Message });
}));
`,
    'Services/AccountService.cs': `public class AccountService
{
    public void Login(User user)
    {
        if (user.LockedUntil > DateTime.UtcNow) throw new AccountLockedException("The account is locked");
    }
}
`,
  });
  assert.deepEqual(project.findings('Services/AccountService.cs'), ['424-for-lock: AccountLockedException']);
});

test('Symfony exception listener: `$exception instanceof X` then setStatusCode', () => {
  const project = new Project({
    'src/EventListener/ExceptionListener.php': `<?php
class ExceptionListener
{
    public function onKernelException(ExceptionEvent $event): void
    {
        $exception = $event->getThrowable();
        $response = new JsonResponse(['error' => $exception->getMessage()]);
        if ($exception instanceof OrderExistsException) {
            $response->setStatusCode(424);
        }
        $event->setResponse($response);
    }
}
`,
    'src/Controller/OrderController.php': `<?php
class OrderController extends AbstractController
{
    public function create(Request $request): Response
    {
        if ($this->orders->exists($request->get('id'))) {
            throw new OrderExistsException('An order with this id already exists');
        }
        return $this->json($this->orders->create($request));
    }
}
`,
  });
  assert.deepEqual(project.findings('src/Controller/OrderController.php'), ['424-for-conflict: OrderExistsException']);
});

test('Java handler testing `ex instanceof X` before ResponseEntity.status', () => {
  const project = new Project({
    'src/main/java/app/ApiErrors.java': `@RestControllerAdvice
public class ApiErrors {
    @ExceptionHandler(RuntimeException.class)
    public ResponseEntity<String> handle(RuntimeException ex) {
        if (ex instanceof UpstreamTimeoutException) {
            return ResponseEntity.status(HttpStatus.FAILED_DEPENDENCY).body(ex.getMessage());
        }
        return ResponseEntity.internalServerError().build();
    }
}
`,
    'src/main/java/app/WeatherService.java': `public class WeatherService {
    public Forecast forecast(String city) {
        try {
            return client.get(city);
        } catch (SocketTimeoutException e) {
            throw new UpstreamTimeoutException("The weather service timed out");
        }
    }
}
`,
  });
  assert.deepEqual(project.findings('src/main/java/app/WeatherService.java'), ['424-for-upstream-failure: UpstreamTimeoutException']);
});

test('Rails rescue_from X, with: :handler whose render gives the status, and rescue_from with a block', () => {
  const project = new Project({
    'app/controllers/application_controller.rb': `class ApplicationController < ActionController::Base
  rescue_from Coupons::CouponTaken, with: :render_failed_dependency
  rescue_from DocumentLocked do |e|
    render json: { error: e.message }, status: :failed_dependency
  end

  private

  def render_failed_dependency(e)
    render json: { error: e.message }, status: 424
  end
end
`,
    // In module Coupons, as the handler's qualified name says.
    'app/controllers/coupons/coupons_controller.rb': `module Coupons
  class CouponsController < ApplicationController
    def create
      raise CouponTaken, "This coupon code is already taken" if Coupon.exists?(code: params[:code])
      raise DocumentLocked, "The document is locked by another editor" if @document.locked?
      render json: Coupon.create!(coupon_params), status: :created
    end
  end
end
`,
  });
  assert.deepEqual(project.findings('app/controllers/coupons/coupons_controller.rb'), [
    '424-for-conflict: CouponTaken',
    '424-for-lock: DocumentLocked',
  ]);
});

test('Rails rescue_from with parentheses: `rescue_from(X, Y, with: :handler)`, over several lines, and `rescue_from(X) do |e|`', () => {
  const project = new Project({
    'app/controllers/application_controller.rb': `class ApplicationController < ActionController::API
  rescue_from(Coupons::CouponTaken, ActiveRecord::RecordNotFound, with: :render_failed_dependency)
  rescue_from(
    DocumentLocked,
    with: :render_locked
  )
  rescue_from(QuotaExceeded) do |e|
    render json: { error: e.message }, status: :failed_dependency
  end

  private

  def render_failed_dependency(e)
    render json: { error: e.message }, status: 424
  end

  def render_locked(e)
    render json: { error: e.message }, status: :failed_dependency
  end
end
`,
    'app/controllers/coupons/coupons_controller.rb': `module Coupons
  class CouponsController < ApplicationController
    def create
      raise CouponTaken, "This coupon code is already taken" if Coupon.exists?(code: params[:code])
      raise DocumentLocked, "The document is locked by another editor" if @document.locked?
      raise QuotaExceeded, "The coupon is already taken by another customer" if quota.used_up?
      render json: Coupon.create!(coupon_params), status: :created
    end
  end
end
`,
  });
  assert.deepEqual(project.findings('app/controllers/coupons/coupons_controller.rb'), [
    '424-for-conflict: CouponTaken',
    '424-for-lock: DocumentLocked',
    '424-for-conflict: QuotaExceeded',
  ]);
  assert.deepEqual(project.findings('app/controllers/application_controller.rb'), []);
  assert.match(
    project.hover('app/controllers/coupons/coupons_controller.rb', 'DocumentLocked,')!,
    /^424 Failed Dependency, via `DocumentLocked`, declared in app\/controllers\/application_controller\.rb:4/,
  );
});

test('Rails rescue_from with parentheses: a handler setting no status, a status read from the error, or a lambda maps nothing', () => {
  const project = new Project({
    'app/controllers/application_controller.rb': `class ApplicationController < ActionController::API
  rescue_from(CouponTaken, with: :show_message)
  rescue_from(DocumentLocked, with: :render_error)
  rescue_from(QuotaExceeded, with: lambda { head(424) })

  def show_message(e)
    flash[:alert] = e.message
    redirect_to(root_url)
  end

  def render_error(e)
    render json: { error: e.message }, status: e.status
  end
end
`,
    'app/controllers/coupons_controller.rb': `class CouponsController < ApplicationController
  def create
    raise CouponTaken, "This coupon code is already taken" if Coupon.exists?(code: params[:code])
    raise DocumentLocked, "The document is locked by another editor" if @document.locked?
    raise QuotaExceeded, "The coupon is already taken" if quota.used_up?
  end
end
`,
  });
  assert.deepEqual(project.findings('app/controllers/coupons_controller.rb'), []);
});

test('DRF exception handler testing `isinstance(exc, X)` before a Response status; FastAPI @app.exception_handler(X)', () => {
  const project = new Project({
    'api/handlers.py': `from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler


def api_exception_handler(exc, context):
    response = exception_handler(exc, context)
    if isinstance(exc, CouponTaken):
        return Response({"detail": str(exc)}, status=status.HTTP_424_FAILED_DEPENDENCY)
    elif isinstance(exc, NotFound):
        return Response(status=404)
    return response
`,
    'api/main.py': `from fastapi import FastAPI
from fastapi.responses import JSONResponse

app = FastAPI()


@app.exception_handler(DocumentLocked)
async def document_locked(request, exc):
    return JSONResponse(status_code=424, content={"detail": str(exc)})
`,
    'api/views.py': `def create_coupon(request):
    if Coupon.objects.filter(code=request.data["code"]).exists():
        raise CouponTaken("This coupon code is already taken")


async def edit(doc):
    if doc.locked_by:
        raise DocumentLocked("The document is locked by another editor")
`,
  });
  assert.deepEqual(project.findings('api/views.py'), ['424-for-conflict: CouponTaken', '424-for-lock: DocumentLocked']);
  assert.deepEqual(project.findings('api/handlers.py'), []);
});

test('Python: isinstance on something that is no caught error, or outside an if, maps nothing', () => {
  const project = new Project({
    'api/handlers.py': `def view(request, user):
    if isinstance(user, Admin):
        return Response(status=424)
    ok = isinstance(exc, Redirected) and Response(status=424)
`,
    'api/views.py': `def f():
    raise Admin("The row is locked")
    raise Redirected("The row is locked")
`,
  });
  assert.deepEqual(project.findings('api/views.py'), []);
});

test('PHP: `elseif ($e instanceof X)`, and X written with its namespace, map X too', () => {
  const handler = (test: string) => `<?php
class Handler extends ExceptionHandler
{
    public function render($request, Throwable $exception)
    {
        if ($exception instanceof NotFoundHttpException) {
            return response()->json(['error' => 'Not found'], 404);
        } ${test} {
            return response()->json(['error' => $exception->getMessage()], 424);
        }
        return parent::render($request, $exception);
    }
}
`;
  const use = `<?php
class OrderController extends Controller
{
    public function store(Request $request)
    {
        if (Order::where('number', $request->number)->exists()) {
            throw new OrderExistsException('An order with this number already exists');
        }
    }
}
`;
  for (const test of [
    'elseif ($exception instanceof OrderExistsException)',
    'elseif ($exception instanceof \\App\\Exceptions\\OrderExistsException)',
    'else if ($exception instanceof \\OrderExistsException)',
  ]) {
    const project = new Project({ 'app/Exceptions/Handler.php': handler(test), 'app/Http/Controllers/OrderController.php': use });
    assert.deepEqual(project.findings('app/Http/Controllers/OrderController.php'), ['424-for-conflict: OrderExistsException'], test);
  }
  // Another type in the namespace path is not the one tested.
  const other = new Project({
    'app/Exceptions/Handler.php': handler('elseif ($exception instanceof \\OrderExistsException\\Other)'),
    'app/Http/Controllers/OrderController.php': use,
  });
  assert.deepEqual(other.findings('app/Http/Controllers/OrderController.php'), []);
});
