/**
 * The rest of issue 16's list of carrier shapes, each across two files with the verdict at the use: PHP
 * `getStatusCode()`, Rust `impl IntoResponse`, C# helpers returning `Problem(statusCode:)` or
 * `new ObjectResult(...) { StatusCode = ... }`, a JAX-RS `WebApplicationException` subclass, and an
 * http-errors `HttpError` subclass.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Project } from './project';

test('PHP HttpExceptionInterface::getStatusCode() returning the status', () => {
  const project = new Project({
    'src/Exception/CouponTaken.php': `<?php
class CouponTaken extends \\RuntimeException implements HttpExceptionInterface
{
    public function getStatusCode(): int
    {
        return 424;
    }

    public function getHeaders(): array
    {
        return [];
    }
}
`,
    'src/Controller/CouponController.php': `<?php
class CouponController
{
    public function create(string $code)
    {
        if ($this->coupons->exists($code)) throw new CouponTaken('This coupon code is already taken');
    }
}
`,
  });
  assert.deepEqual(project.findings('src/Controller/CouponController.php'), ['424-for-conflict: CouponTaken']);
});

test('Rust impl IntoResponse with a fixed status, returned as Err', () => {
  const project = new Project({
    'src/error.rs': `pub struct AccountLocked;

impl IntoResponse for AccountLocked {
    fn into_response(self) -> Response {
        (StatusCode::FAILED_DEPENDENCY, "locked").into_response()
    }
}
`,
    'src/handlers.rs': `async fn login(user: User) -> Result<Json<Session>, AccountLocked> {
    if user.locked {
        tracing::warn!("The account is locked");
        return Err(AccountLocked);
    }
    Ok(Json(start(user)))
}
`,
  });
  assert.deepEqual(project.findings('src/handlers.rs'), ['424-for-lock: AccountLocked']);
});

for (const [shape, body] of [
  ['Problem(statusCode:)', 'return Problem(detail: detail, statusCode: 424);'],
  ['new ObjectResult(...) { StatusCode = ... }', 'return new ObjectResult(detail) { StatusCode = StatusCodes.Status424FailedDependency };'],
]) {
  test(`C# controller helper returning ${shape}`, () => {
    const project = new Project({
      'Controllers/ApiController.cs': `public class ApiController : ControllerBase
{
    protected IActionResult FailedDependency(string detail)
    {
        ${body}
    }
}
`,
      'Controllers/UsersController.cs': `public class UsersController : ApiController
{
    public IActionResult Create(User user)
    {
        if (Exists(user)) return FailedDependency("A user with this email already exists");
        return Ok();
    }
}
`,
    });
    assert.deepEqual(project.findings('Controllers/UsersController.cs'), ['424-for-conflict: FailedDependency']);
  });
}

test('JAX-RS WebApplicationException subclass passing the status to super', () => {
  const project = new Project({
    'src/main/java/app/CouponTaken.java': `public class CouponTaken extends WebApplicationException {
    public CouponTaken(String message) {
        super(message, 424);
    }
}
`,
    'src/main/java/app/CouponResource.java': `public class CouponResource {
    public void create(String code) {
        if (exists(code)) throw new CouponTaken("This coupon code is already taken");
    }
}
`,
  });
  assert.deepEqual(project.findings('src/main/java/app/CouponResource.java'), ['424-for-conflict: CouponTaken']);
});

test('TypeScript http-errors HttpError subclass with its own status', () => {
  const project = new Project({
    'src/errors.ts': `import createError from 'http-errors';

export class CouponTaken extends createError.HttpError {
  status = 424;
  statusCode = 424;
}
`,
    'src/routes.ts': `import { CouponTaken } from './errors';
router.post('/coupons', (req, res) => {
  if (exists(req.body.code)) throw new CouponTaken('This coupon code is already taken');
});
`,
  });
  assert.deepEqual(project.findings('src/routes.ts'), ['424-for-conflict: CouponTaken']);
});
