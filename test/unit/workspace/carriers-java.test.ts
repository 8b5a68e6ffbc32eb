/** Java and Kotlin carriers across two files: the verdict moves from the declaration to each use. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Project } from './project';

const failedDependency = `package shop.errors;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.FAILED_DEPENDENCY)
public class FailedDependencyException extends RuntimeException {
    public FailedDependencyException(String message) { super(message); }
}
`;

const couponService = `package shop.coupons;

import shop.errors.FailedDependencyException;

public class CouponService {
    public void create(String code) {
        if (repository.exists(code)) {
            throw new FailedDependencyException("This coupon code is already taken");
        }
    }
}
`;

test('Java @ResponseStatus class: the throw is a 424-for-conflict finding, the declaration none', () => {
  const project = new Project({
    'src/shop/errors/FailedDependencyException.java': failedDependency,
    'src/shop/coupons/CouponService.java': couponService,
  });
  assert.deepEqual(project.findings('src/shop/coupons/CouponService.java'), ['424-for-conflict: FailedDependencyException']);
  assert.deepEqual(project.findings('src/shop/errors/FailedDependencyException.java'), []);
});

test('Java: without a use, a type named after the code defines it; one named for what failed is judged by its name', () => {
  // Judgement rounds 7 and 10: the status of a class named after it (4 labelled) is its definition; its throws are the uses.
  const project = new Project({
    'src/shop/errors/FailedDependencyException.java': failedDependency,
    'src/shop/errors/PaymentGatewayException.java': failedDependency.replaceAll('FailedDependencyException', 'PaymentGatewayException'),
  });
  assert.deepEqual(project.findings('src/shop/errors/FailedDependencyException.java'), []);
  assert.deepEqual(project.findings('src/shop/errors/PaymentGatewayException.java'), [
    '424-for-upstream-failure: HttpStatus.FAILED_DEPENDENCY',
  ]);
});

test('Java hover: at the use, where the status comes from; at the declaration, where it is used', () => {
  const project = new Project({
    'src/shop/errors/FailedDependencyException.java': failedDependency,
    'src/shop/coupons/CouponService.java': couponService,
  });
  const use = project.hover('src/shop/coupons/CouponService.java', 'FailedDependencyException("');
  assert.match(
    use!,
    /^424 Failed Dependency, via `FailedDependencyException`, declared in src\/shop\/errors\/FailedDependencyException\.java:7/,
  );
  const declaration = project.hover('src/shop/errors/FailedDependencyException.java', 'FailedDependencyException extends');
  assert.match(declaration!, /used 1 time in 1 file/);
  assert.match(declaration!, /src\/shop\/coupons\/CouponService\.java/);
  const value = project.hover('src/shop/errors/FailedDependencyException.java', 'HttpStatus.FAILED_DEPENDENCY');
  assert.match(value!, /carries \*\*424 Failed Dependency\*\*, used 1 time/);
});

test('Java quick fix: the project own ConflictException, imported beside the current one', () => {
  const project = new Project({
    'src/shop/errors/FailedDependencyException.java': failedDependency,
    'src/shop/errors/ConflictException.java': `package shop.errors;
public class ConflictException extends ResponseStatusException {
    public ConflictException(String message) { super(HttpStatus.CONFLICT, message); }
}
`,
    'src/shop/coupons/CouponService.java': couponService,
  });
  const fix = project.actions('src/shop/coupons/CouponService.java').find((a) => a.isPreferred)!;
  assert.match(
    fix.title,
    /^Change FailedDependencyException to ConflictException, 409 Conflict \(declared in src\/shop\/errors\/ConflictException\.java:2\)/,
  );
  const fixed = project.apply('src/shop/coupons/CouponService.java', fix);
  assert.match(fixed, /import shop\.errors\.FailedDependencyException;\nimport shop\.errors\.ConflictException;/);
  assert.match(fixed, /throw new ConflictException\("This coupon code is already taken"\)/);
});

test('Java quick fix without a project carrier of the code explains instead of writing a number', () => {
  const project = new Project({
    'src/shop/errors/FailedDependencyException.java': failedDependency,
    'src/shop/coupons/CouponService.java': couponService,
  });
  const actions = project.actions('src/shop/coupons/CouponService.java');
  assert.ok(actions.every((a) => !a.edit || !JSON.stringify(a.edit).includes('409')));
  assert.match(actions[0].title, /The project has no class for 409 Conflict: declare one as `FailedDependencyException` is declared/);
});

test('Java subclass of a ResponseStatusException passing the status to super, and its own subclass', () => {
  const project = new Project({
    'src/a/UpstreamException.java': `public class UpstreamException extends ResponseStatusException {
    public UpstreamException(String reason) { super(HttpStatus.FAILED_DEPENDENCY, reason); }
}
`,
    'src/a/PaymentGatewayDown.java': `public class PaymentGatewayDown extends UpstreamException {
    public PaymentGatewayDown(String m) { super(m); }
}
`,
    'src/b/Checkout.java': `class Checkout {
    void pay() {
        try { gateway.charge(); }
        catch (TimeoutException e) { throw new PaymentGatewayDown("The payment service timed out"); }
    }
    void lock() { throw new UpstreamException("The cart is locked by another checkout"); }
}
`,
  });
  assert.deepEqual(project.findings('src/b/Checkout.java'), [
    '424-for-upstream-failure: PaymentGatewayDown',
    '424-for-lock: UpstreamException',
  ]);
  assert.match(
    project.hover('src/b/Checkout.java', 'PaymentGatewayDown(')!,
    /via `PaymentGatewayDown` \(a subclass of `UpstreamException`\)/,
  );
});

test('Java overridden getStatus() and a caught carrier (no use)', () => {
  const project = new Project({
    'src/e/Locked.java': `public class ResourceLocked extends ApiException {
    @Override public HttpStatus getStatus() { return HttpStatus.FAILED_DEPENDENCY; }
}
`,
    'src/s/S.java': `class S {
    void a() { throw new ResourceLocked("The document is locked for editing"); }
    void b() { try { a(); } catch (ResourceLocked e) { log(e); } }
}
`,
  });
  assert.deepEqual(project.findings('src/s/S.java'), ['424-for-lock: ResourceLocked']);
});

test('Java @ExceptionHandler mapping a type to a status: the handled type is the carrier', () => {
  const project = new Project({
    'src/web/Advice.java': `@RestControllerAdvice
public class Advice {
    @ExceptionHandler(DuplicateEmailException.class)
    @ResponseStatus(HttpStatus.FAILED_DEPENDENCY)
    public String handle(DuplicateEmailException e) { return e.getMessage(); }
}
`,
    'src/users/Users.java': `class Users {
    void register(String email) {
        if (exists(email)) throw new DuplicateEmailException("A user with this email already exists");
    }
}
`,
  });
  assert.deepEqual(project.findings('src/users/Users.java'), ['424-for-conflict: DuplicateEmailException']);
});

test('Java @ExceptionHandler answering with the status in its annotation and its body: both stand for the throw', () => {
  const advice = `@RestControllerAdvice
public class Advice {
    @ExceptionHandler(DuplicateEmailException.class)
    @ResponseStatus(HttpStatus.FAILED_DEPENDENCY)
    public ErrorBody handle(DuplicateEmailException e) {
        return new ErrorBody(e.getMessage(), HttpStatus.FAILED_DEPENDENCY.value());
    }
}
`;
  const project = new Project({
    'src/web/Advice.java': advice,
    'src/users/Users.java': `class Users {
    void register(String email) {
        if (exists(email)) throw new DuplicateEmailException("A user with this email already exists");
    }
}
`,
  });
  assert.deepEqual(project.findings('src/users/Users.java'), ['424-for-conflict: DuplicateEmailException']);
  assert.deepEqual(project.findings('src/web/Advice.java'), []);
  // Without a throw in the project, the handler is judged where it stands: its annotation and its body.
  const alone = new Project({ 'src/web/Advice.java': advice });
  assert.equal(alone.findings('src/web/Advice.java').length, 2);
});

test('Kotlin: a class passing the status in its header, used from another file', () => {
  const project = new Project({
    'src/errors.kt': `class SlotTaken(msg: String) : ResponseStatusException(HttpStatus.FAILED_DEPENDENCY, msg)
`,
    'src/Booking.kt': `class Booking {
    fun book(slot: Slot) {
        if (slot.reserved) throw SlotTaken("This slot is already taken")
    }
}
`,
  });
  assert.deepEqual(project.findings('src/Booking.kt'), ['424-for-conflict: SlotTaken']);
  assert.deepEqual(project.findings('src/errors.kt'), []);
});

test('Kotlin: override val status, and a Java use of a Kotlin carrier', () => {
  const project = new Project({
    'src/Errors.kt': `class VersionMismatch : ApiException() {
    override val status = HttpStatus.FAILED_DEPENDENCY
}
`,
    'src/Docs.java': `class Docs { void save() { throw new VersionMismatch("ETag does not match If-Match"); } }
`,
  });
  assert.deepEqual(project.findings('src/Docs.java'), ['424-for-precondition: VersionMismatch']);
});

test('a carrier used where the evidence marks a dependency chain is no finding', () => {
  const project = new Project({
    'src/e/StepFailed.java': `@ResponseStatus(HttpStatus.FAILED_DEPENDENCY)
public class StepFailed extends RuntimeException { public StepFailed(String m) { super(m); } }
`,
    'src/w/Workflow.java': `class Workflow {
    void run() { throw new StepFailed("The previous step of the batch failed"); }
}
`,
  });
  assert.deepEqual(project.findings('src/w/Workflow.java'), []);
});

test('Kotlin: a getter (`override val httpStatus: HttpStatus get() = ...`), subclasses passing to it in their header', () => {
  const project = new Project({
    'src/FailedDependencyException.kt': `open class FailedDependencyException : ErrorException {
  constructor(message: Message, cause: Exception? = null) : super(message, cause = cause)

  override val httpStatus: HttpStatus
    get() = HttpStatus.FAILED_DEPENDENCY
}
`,
    'src/RateLimited.kt': `class RateLimited(
  val retryAt: Long,
) : FailedDependencyException(
    Message.LLM_RATE_LIMITED,
  )
`,
    'src/Service.kt': `class Service {
  fun call() {
    throw RateLimited(42)
  }
}
`,
  });
  assert.deepEqual(project.findings('src/RateLimited.kt'), [], 'the header call is no use');
  assert.match(
    project.hover('src/Service.kt', 'RateLimited(')!,
    /^424 Failed Dependency, via `RateLimited` \(a subclass of `FailedDependencyException`\)/,
  );
  assert.match(project.hover('src/FailedDependencyException.kt', 'FailedDependencyException :')!, /used 1 time in 1 file/);
});

test('a code lens on each declared carrier counts its uses (none without a workspace)', () => {
  const project = new Project({
    'src/shop/errors/FailedDependencyException.java': failedDependency,
    'src/shop/coupons/CouponService.java': couponService,
  });
  const lenses = project.service.doCodeLens(project.document('src/shop/errors/FailedDependencyException.java'));
  assert.deepEqual(
    lenses.map((l) => [l.range.start.line, l.command?.title]),
    [[6, '424 Failed Dependency · 1 use in 1 file']],
  );
  assert.deepEqual(project.service.doCodeLens(project.document('src/shop/coupons/CouponService.java')), []);
});
