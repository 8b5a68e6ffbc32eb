/**
 * Exception types mapped to a status by a rescue call with parentheses (issue 16), across two files, with the
 * verdict at the use: Javalin `app.exception(X.class, (e, ctx) -> ctx.status(N))` (Java, a lambda with or
 * without braces), Spark `exception(X.class, (e, req, res) -> { res.status(N); })` and Kotlin Javalin
 * `app.exception(X::class.java) { e, ctx -> ctx.status(N) }`. The types are the call's class literals; the
 * handler is its next argument or the block after it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findCarriers } from '../../../server/src/workspace/carriers';
import { Project } from './project';

const javaUses = `public class CouponService {
    public Coupon create(String code) {
        if (coupons.existsByCode(code)) throw new CouponTakenException("This coupon code is already taken");
        return coupons.save(new Coupon(code));
    }

    public void edit(Document doc) {
        if (doc.getLockedBy() != null) throw new DocumentLockedException("The document is locked by another editor");
    }
}
`;

test('Javalin `app.exception(X.class, (e, ctx) -> ...)` mapping to 424 makes the throw in a service a site', () => {
  const project = new Project({
    'src/main/java/app/ErrorMapping.java': `public class ErrorMapping {
    public static void register(Javalin app) {
        app.exception(CouponTakenException.class, (e, ctx) -> {
            logger.warn("coupon taken: {}", e.getMessage());
            ctx.status(424).json(new ErrorBody(e.getMessage()));
        });
        app.exception(app.errors.DocumentLockedException.class, (e, ctx) -> ctx.status(HttpStatus.FAILED_DEPENDENCY));
        app.exception(NotFoundException.class, (e, ctx) -> {
            ctx.status(404);
        });
    }
}
`,
    'src/main/java/app/CouponService.java': javaUses,
  });
  assert.deepEqual(project.findings('src/main/java/app/CouponService.java'), [
    '424-for-conflict: CouponTakenException',
    '424-for-lock: DocumentLockedException',
  ]);
  // The handler's 424s stand for their uses, which are judged: no finding of their own.
  assert.deepEqual(project.findings('src/main/java/app/ErrorMapping.java'), []);
  assert.match(
    project.hover('src/main/java/app/CouponService.java', 'CouponTakenException(')!,
    /^424 Failed Dependency, via `CouponTakenException`, declared in src\/main\/java\/app\/ErrorMapping\.java:3/,
  );
});

test('Spark `exception(X.class, (e, req, res) -> { res.status(424); ... })`, static or on a Service', () => {
  const project = new Project({
    'src/main/java/app/Main.java': `import static spark.Spark.*;

public class Main {
    public static void main(String[] args) {
        exception(CouponTakenException.class, (e, req, res) -> {
            res.status(424);
            res.body(gson.toJson(new ErrorResponse("COUPON_TAKEN", e.getMessage())));
        });
    }

    void register(Service http) {
        http.exception(
            DocumentLockedException.class,
            (e, req, res) -> res.status(HttpStatus.FAILED_DEPENDENCY_424)
        );
    }
}
`,
    'src/main/java/app/CouponService.java': javaUses,
  });
  assert.deepEqual(project.findings('src/main/java/app/CouponService.java'), [
    '424-for-conflict: CouponTakenException',
    '424-for-lock: DocumentLockedException',
  ]);
});

test('Kotlin Javalin `app.exception(X::class.java) { e, ctx -> ctx.status(424) }`', () => {
  const project = new Project({
    'src/main/kotlin/app/Errors.kt': `object ErrorExceptionMapping {
    fun register(app: Javalin) {
        app.exception(CouponTakenException::class.java) { e, ctx ->
            ctx.status(424).json(mapOf("error" to e.message))
        }
        app.exception(DocumentLockedException::class.java) { e, ctx -> ctx.json(ErrorResponse(e.message)).status(HttpStatus.FAILED_DEPENDENCY) }
    }
}
`,
    'src/main/kotlin/app/CouponService.kt': `class CouponService(private val coupons: CouponRepository) {
    fun create(code: String): Coupon {
        if (coupons.existsByCode(code)) throw CouponTakenException("This coupon code is already taken")
        return coupons.save(Coupon(code))
    }

    fun edit(doc: Document) {
        if (doc.lockedBy != null) throw DocumentLockedException("The document is locked by another editor")
    }
}
`,
  });
  assert.deepEqual(project.findings('src/main/kotlin/app/CouponService.kt'), [
    '424-for-conflict: CouponTakenException',
    '424-for-lock: DocumentLockedException',
  ]);
  assert.match(
    project.hover('src/main/kotlin/app/CouponService.kt', 'CouponTakenException(')!,
    /^424 Failed Dependency, via `CouponTakenException`, declared in src\/main\/kotlin\/app\/Errors\.kt:3/,
  );
});

test('Javalin/Spark handler given as a method reference (`Handlers::onTaken`, `this::onLocked`, Kotlin `::onTaken`): the method of the file gives its status', () => {
  const project = new Project({
    'src/main/java/app/ErrorMapping.java': `public class ErrorMapping {
    public static void register(Javalin app) {
        app.exception(CouponTakenException.class, ErrorMapping::onTaken);
        app.exception(NotFoundException.class, ErrorMapping::onMissing);
    }

    private static void onTaken(CouponTakenException e, Context ctx) {
        ctx.status(424).json(new ErrorBody(e.getMessage()));
    }

    private static void onMissing(NotFoundException e, Context ctx) {
        ctx.status(404);
    }
}
`,
    'src/main/java/app/SparkErrors.java': `public class SparkErrors {
    public void register() {
        exception(DocumentLockedException.class, this::onLocked);
    }

    private void onLocked(DocumentLockedException exception, Request request, Response response) {
        response.status(HttpStatus.FAILED_DEPENDENCY_424);
        response.body(exception.getMessage());
    }
}
`,
    'src/main/java/app/CouponService.java': javaUses,
  });
  assert.deepEqual(project.findings('src/main/java/app/CouponService.java'), [
    '424-for-conflict: CouponTakenException',
    '424-for-lock: DocumentLockedException',
  ]);
  assert.deepEqual(project.findings('src/main/java/app/ErrorMapping.java'), []);
  assert.match(
    project.hover('src/main/java/app/CouponService.java', 'CouponTakenException(')!,
    /^424 Failed Dependency, via `CouponTakenException`, declared in src\/main\/java\/app\/ErrorMapping\.java:3/,
  );
  assert.match(
    project.hover('src/main/java/app/CouponService.java', 'DocumentLockedException(')!,
    /^424 Failed Dependency, via `DocumentLockedException`, declared in src\/main\/java\/app\/SparkErrors\.java:3/,
  );

  const kotlin = new Project({
    'src/main/kotlin/app/Errors.kt': `fun register(app: Javalin) {
    app.exception(CouponTakenException::class.java, ::onTaken)
}

fun onTaken(e: CouponTakenException, ctx: Context) {
    ctx.status(424).json(mapOf("error" to e.message))
}
`,
    'src/main/kotlin/app/CouponService.kt': `class CouponService(private val coupons: CouponRepository) {
    fun create(code: String): Coupon {
        if (coupons.existsByCode(code)) throw CouponTakenException("This coupon code is already taken")
        return coupons.save(Coupon(code))
    }
}
`,
  });
  assert.deepEqual(kotlin.findings('src/main/kotlin/app/CouponService.kt'), ['424-for-conflict: CouponTakenException']);
});

test('a method reference to a method setting no status, two statuses, or one of another file maps nothing', () => {
  const project = new Project({
    'src/main/java/app/ErrorMapping.java': `public class ErrorMapping {
    public static void register(Javalin app) {
        app.exception(CouponTakenException.class, ErrorMapping::showMessage);
        app.exception(DocumentLockedException.class, ErrorMapping::onLocked);
        app.exception(QuotaExceededException.class, Handlers::onQuota);
    }

    private static void showMessage(Exception exception, Context ctx) {
        ctx.html("<script>alert('" + exception.getMessage() + "');history.back();</script>");
    }

    private static void onLocked(DocumentLockedException e, Context ctx) {
        if (e.isUpstream()) ctx.status(424);
        else ctx.status(423);
    }
}
`,
    'src/main/java/app/Handlers.java': `public class Handlers {
    public static void onQuota(QuotaExceededException e, Context ctx) {
        ctx.status(424);
    }
}
`,
    'src/main/java/app/CouponService.java': `public class CouponService {
    public Coupon create(String code) {
        if (coupons.existsByCode(code)) throw new CouponTakenException("This coupon code is already taken");
        if (quota.exceeded()) throw new QuotaExceededException("The coupon quota is used up");
        return coupons.save(new Coupon(code));
    }

    public void edit(Document doc) {
        if (doc.getLockedBy() != null) throw new DocumentLockedException("The document is locked by another editor");
    }
}
`,
  });
  assert.deepEqual(project.findings('src/main/java/app/CouponService.java'), []);
  // (A handler of another file is not followed: the one in Handlers.java is judged where it stands.)
  assert.deepEqual(project.findings('src/main/java/app/Handlers.java'), ['424-without-dependency: 424']);
});

test('Javalin/Spark: a handler with no fixed status, a 424 outside an exception handler, or a variable named exception map nothing', () => {
  const project = new Project({
    'src/main/java/app/ErrorMapping.java': `public class ErrorMapping {
    public static void register(Javalin app) {
        app.exception(CouponTakenException.class, (e, ctx) -> {
            if (e.isUpstream()) ctx.status(424);
            else ctx.status(409);
        });
        app.exception(DocumentLockedException.class, (e, ctx) -> ctx.status(e.getStatus()));
        app.get("/coupons", ctx -> ctx.status(424));
        app.exception(Exception.class, ErrorMapping::handle);
    }

    static void rethrow(Exception exception) {
        Exception exception = new UpstreamTimeoutException("The weather service timed out");
        throw exception;
    }
}
`,
    'src/main/java/app/CouponService.java': javaUses,
  });
  assert.deepEqual(project.findings('src/main/java/app/CouponService.java'), []);
});

test('a variable named like a rescue call (`exception`) is no rescue call: the carrier constructed after it is a use', () => {
  const files = {
    'src/main/java/app/ErrorMapping.java': `public class ErrorMapping {
    public static void register(Javalin app) {
        app.exception(UpstreamTimeoutException.class, (e, ctx) -> ctx.status(424));
    }
}
`,
    'src/main/java/app/WeatherService.java': `public class WeatherService {
    public Forecast forecast(String city) {
        Exception exception = new UpstreamTimeoutException("The weather service timed out");
        throw exception;
    }
}
`,
    'src/main/kotlin/app/Weather.kt': `fun forecast(city: String): Forecast {
    val exception = UpstreamTimeoutException("The weather service timed out")
    throw exception
}
`,
  };
  const project = new Project(files);
  for (const [path, family] of [
    ['src/main/java/app/WeatherService.java', 'java'],
    ['src/main/kotlin/app/Weather.kt', 'kotlin'],
  ] as const) {
    assert.deepEqual(project.findings(path), ['424-for-upstream-failure: UpstreamTimeoutException']);
    assert.equal(findCarriers(files[path], family).uses.get('UpstreamTimeoutException'), 1, path);
  }
  assert.match(project.hover('src/main/java/app/ErrorMapping.java', 'UpstreamTimeoutException')!, /WeatherService\.java/);
});
