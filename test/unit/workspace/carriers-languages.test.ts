/** Carriers across two files in each language family besides Java/Kotlin, with the verdict at the use. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Project } from './project';

test('Python DRF APIException subclass (status_code =): the raise is judged', () => {
  const project = new Project({
    'app/errors.py': `from rest_framework import status
from rest_framework.exceptions import APIException


class WeatherServiceDown(APIException):
    status_code = status.HTTP_424_FAILED_DEPENDENCY
    default_detail = "Weather service has an issue"
`,
    'app/views.py': `from app.errors import WeatherServiceDown


def forecast(request):
    try:
        return client.get(request.GET["city"])
    except Timeout:
        raise WeatherServiceDown("The weather service timed out")
`,
  });
  assert.deepEqual(project.findings('app/views.py'), ['424-for-upstream-failure: WeatherServiceDown']);
  assert.deepEqual(project.findings('app/errors.py'), []);
});

test('Python werkzeug HTTPException subclass (code =) and FastAPI HTTPException subclass (super().__init__)', () => {
  const project = new Project({
    'svc/errors.py': `from werkzeug.exceptions import HTTPException
from fastapi import HTTPException as FastAPIHTTPException


class AccountLocked(HTTPException):
    code = 424
    description = "locked"


class DuplicateOrder(FastAPIHTTPException):
    def __init__(self, detail: str):
        super().__init__(status_code=424, detail=detail)
`,
    'svc/routes.py': `from svc.errors import AccountLocked, DuplicateOrder


def login(user):
    if user.locked:
        raise AccountLocked("The account is locked")


def order(o):
    if exists(o):
        raise DuplicateOrder("An order with this id already exists")
`,
  });
  assert.deepEqual(project.findings('svc/routes.py'), ['424-for-lock: AccountLocked', '424-for-conflict: DuplicateOrder']);
});

test('Python quick fix: the project carrier of 409, added to the same import', () => {
  const project = new Project({
    'app/errors.py': `class Taken(APIException):
    status_code = 424


class AlreadyExists(APIException):
    status_code = 409
`,
    'app/views.py': `from app.errors import Taken


def create(name):
    raise Taken("This name is already taken")
`,
  });
  const fix = project.actions('app/views.py').find((a) => a.isPreferred)!;
  assert.equal(
    project.apply('app/views.py', fix),
    `from app.errors import Taken, AlreadyExists


def create(name):
    raise AlreadyExists("This name is already taken")
`,
  );
});

test('TypeScript NestJS HttpException subclass (super(msg, HttpStatus.X)) thrown in a service', () => {
  const project = new Project({
    'src/errors/failed-dependency.exception.ts': `import { HttpException, HttpStatus } from '@nestjs/common';

export class FailedDependencyException extends HttpException {
  constructor(message: string) {
    super(message, HttpStatus.FAILED_DEPENDENCY);
  }
}
`,
    'src/coupons/coupons.service.ts': `import { FailedDependencyException } from '../errors/failed-dependency.exception';

export class CouponsService {
  async create(code: string) {
    if (await this.repo.exists(code)) {
      throw new FailedDependencyException('This coupon code is already taken');
    }
  }
}
`,
  });
  assert.deepEqual(project.findings('src/coupons/coupons.service.ts'), ['424-for-conflict: FailedDependencyException']);
  const actions = project.actions('src/coupons/coupons.service.ts');
  // No project carrier of 409: the framework's class is named, nothing is written.
  assert.match(actions[0].title, /or the framework's `ConflictException`/);
  assert.equal(actions[0].edit, undefined);
});

test('JavaScript error class with a status property, thrown in an Express route', () => {
  const project = new Project({
    'lib/errors.js': `class LockedError extends Error {
  constructor(message) {
    super(message);
    this.status = 424;
  }
}
module.exports = { LockedError };
`,
    'routes/files.js': `const { LockedError } = require('../lib/errors');
router.put('/files/:id', (req, res) => {
  if (file.lockedBy) throw new LockedError('The file is locked by another user');
});
`,
  });
  assert.deepEqual(project.findings('routes/files.js'), ['424-for-lock: LockedError']);
});

test('Go helper writing a fixed status, called from a handler in another file', () => {
  const project = new Project({
    'api/respond.go': `package api

func failedDependency(w http.ResponseWriter, err error) {
	http.Error(w, err.Error(), http.StatusFailedDependency)
}
`,
    'api/users.go': `package api

func createUser(w http.ResponseWriter, r *http.Request) {
	if exists {
		failedDependency(w, errors.New("a user with this email already exists"))
		return
	}
}
`,
  });
  assert.deepEqual(project.findings('api/users.go'), ['424-for-conflict: failedDependency']);
  assert.deepEqual(project.findings('api/respond.go'), []);
});

test('Rust impl ResponseError with a fixed status_code, returned as Err (and a unit struct use)', () => {
  const project = new Project({
    'src/error.rs': `pub struct StaleVersion(String);

impl ResponseError for StaleVersion {
    fn status_code(&self) -> StatusCode {
        StatusCode::FAILED_DEPENDENCY
    }
}
`,
    'src/handlers.rs': `async fn update(req: HttpRequest) -> Result<HttpResponse, StaleVersion> {
    return Err(StaleVersion("If-Match does not match the current ETag".into()));
}
`,
  });
  assert.deepEqual(project.findings('src/handlers.rs'), ['424-for-precondition: StaleVersion']);
});

test('PHP Symfony HttpException subclass (parent::__construct(424, ...)) thrown in a controller', () => {
  const project = new Project({
    'src/Exception/ReservedException.php': `<?php
namespace App\\Exception;

class ReservedException extends HttpException
{
    public function __construct(string $message = '')
    {
        parent::__construct(424, $message);
    }
}
`,
    'src/Controller/SeatController.php': `<?php
namespace App\\Controller;

use App\\Exception\\ReservedException;

class SeatController
{
    public function book(int $id)
    {
        throw new ReservedException('This seat is already booked by someone else, duplicate booking');
    }
}
`,
  });
  assert.deepEqual(project.findings('src/Controller/SeatController.php'), ['424-for-conflict: ReservedException']);
});

test('Ruby error class with a status method, raised in a controller', () => {
  const project = new Project({
    'app/errors/locked_error.rb': `class LockedError < StandardError
  def status
    :failed_dependency
  end
end
`,
    'app/controllers/documents_controller.rb': `class DocumentsController < ApplicationController
  def update
    raise LockedError, "The document is locked by another editor" if @document.locked?
  end
end
`,
  });
  assert.deepEqual(project.findings('app/controllers/documents_controller.rb'), ['424-for-lock: LockedError']);
});

test('C# exception with a StatusCode property, and a controller helper named after its status', () => {
  const project = new Project({
    'Errors/DuplicateException.cs': `public class DuplicateException : Exception
{
    public DuplicateException(string message) : base(message) { }
    public int StatusCode => 424;
}
`,
    'Controllers/ApiController.cs': `public class ApiController : ControllerBase
{
    protected IActionResult FailedDependency(string message)
    {
        return StatusCode(424, message);
    }
}
`,
    'Controllers/UsersController.cs': `public class UsersController : ApiController
{
    public IActionResult Create(User user)
    {
        if (Exists(user)) throw new DuplicateException("A user with this email already exists");
        if (Locked(user)) return FailedDependency("The account is locked");
        return Ok();
    }
}
`,
  });
  assert.deepEqual(project.findings('Controllers/UsersController.cs'), [
    '424-for-conflict: DuplicateException',
    '424-for-lock: FailedDependency',
  ]);
});

test('an edit that changes a carrier updates the uses elsewhere (the model is incremental)', () => {
  const project = new Project({
    'app/errors.py': `class Taken(APIException):
    status_code = 424
`,
    'app/views.py': `def create(name):
    raise Taken("This name is already taken")
`,
  });
  assert.deepEqual(project.findings('app/views.py'), ['424-for-conflict: Taken']);
  const generation = project.model.generation;
  project.write('app/errors.py', `class Taken(APIException):\n    status_code = 409\n`);
  assert.ok(project.model.generation > generation);
  assert.deepEqual(project.findings('app/views.py'), []);
  assert.match(project.hover('app/views.py', 'Taken(')!, /^409 Conflict, via `Taken`/);
  project.write('app/errors.py', '');
  assert.equal(project.hover('app/views.py', 'Taken('), undefined);
});

test('two carriers of one name: the nearest by path wins; equally near with different codes, neither', () => {
  const project = new Project({
    'a/errors.py': `class Gone(APIException):\n    status_code = 424\n`,
    'b/errors.py': `class Gone(APIException):\n    status_code = 410\n`,
    'a/views.py': `def f():\n    raise Gone("This name is already taken")\n`,
    'c/views.py': `def f():\n    raise Gone("This name is already taken")\n`,
  });
  assert.deepEqual(project.findings('a/views.py'), ['424-for-conflict: Gone']);
  assert.deepEqual(project.findings('c/views.py'), []);
});

test('Rust unit struct carrier returned as Err(X) is a use', () => {
  const project = new Project({
    'src/error.rs': `pub struct Busy;
impl IntoResponse for Busy {
    fn into_response(self) -> Response { (StatusCode::FAILED_DEPENDENCY, "busy").into_response() }
}
`,
    'src/h.rs': `fn h() -> Result<(), Busy> { Err(Busy) }
`,
  });
  assert.match(project.hover('src/h.rs', 'Busy)')!, /^424 Failed Dependency, via `Busy`, declared in src\/error\.rs:2/);
});

test("a status set on another object (`response.status = 444`) in a class's method makes no carrier of the class", () => {
  const project = new Project({
    'src/Filter.kt': `class GlobalIpRateLimitFilter(private val service: RateLimitService) : OncePerRequestFilter() {
  override fun doFilterInternal(request: HttpServletRequest, response: HttpServletResponse, chain: FilterChain) {
    response.status = 444
  }
}
`,
    'src/errors.py': `class Handler(BaseHandler):
    def get(self):
        status = 424
        self.response.status = 424
`,
  });
  assert.deepEqual(project.model.all(), []);
});

test('a function that compares a status (a test named after it) is no helper carrier; one that writes it is', () => {
  const project = new Project({
    'tests/test_views.py': `def test_get_report_not_found(client):
    response = client.get("/reports/99")
    assert response.status_code == status.HTTP_404_NOT_FOUND
`,
    'app/respond.py': `def not_found(message):
    return JSONResponse({"error": message}, status_code=status.HTTP_404_NOT_FOUND)
`,
  });
  assert.deepEqual(
    project.model.all().map((c) => `${c.name} ${c.code} ${c.shape}`),
    ['not_found 404 helper'],
  );
});

test('a change of carriers re-scans source code, not specs', () => {
  const project = new Project({
    'app/errors.py': `class Taken(APIException):\n    status_code = 424\n`,
    'app/views.py': `def create(name):\n    raise Taken("This name is already taken")\n`,
    'api/openapi.yaml': `openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses:\n        '424':\n          description: The row is locked\n`,
  });
  const spec = project.service.scan(project.document('api/openapi.yaml'));
  const code = project.service.scan(project.document('app/views.py'));
  project.write('app/errors.py', `class Taken(APIException):\n    status_code = 409\n`);
  assert.equal(project.service.scan(project.document('api/openapi.yaml')), spec);
  assert.notEqual(project.service.scan(project.document('app/views.py')), code);
});
