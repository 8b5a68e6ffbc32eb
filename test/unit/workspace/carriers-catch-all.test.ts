/**
 * Catch-all handlers (issue 16): a handler of the language's root exception type (`@ExceptionHandler(Exception.class)`,
 * Ktor `exception<Throwable>`, `rescue_from StandardError`, `err instanceof Error`, `isinstance(exc, Exception)`)
 * is the fallback for every error no other handler gave a status. It is no carrier: a plain `throw new
 * Exception(...)` does not choose a status, so it is no status site and gets no finding, and a subclass of the
 * root type does not inherit the fallback's status. The fallback's own status is judged where it is written.
 * Each case: the handler file (a catch-all answering 424 beside a specific handler), the file that throws.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Project } from './project';

interface Case {
  language: string;
  handler: [path: string, text: string];
  uses: [path: string, text: string];
  /** The throw of the root type in the uses file, and the specific carrier's use. */
  root: string;
  specific: string;
}

const cases: Case[] = [
  {
    language: 'Java (Spring @ExceptionHandler)',
    handler: [
      'src/main/java/app/ApiErrors.java',
      `@RestControllerAdvice
public class ApiErrors {
    @ExceptionHandler(CouponTakenException.class)
    @ResponseStatus(HttpStatus.FAILED_DEPENDENCY)
    public ErrorBody taken(CouponTakenException e) { return new ErrorBody(e.getMessage()); }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ErrorBody> unexpected(Exception e) {
        return ResponseEntity.status(424).body(new ErrorBody("Unexpected error"));
    }
}
`,
    ],
    uses: [
      'src/main/java/app/DocumentService.java',
      `public class DocumentService {
    public void edit(Document doc) throws Exception {
        if (doc.getLockedBy() != null) throw new Exception("The document is locked by another editor");
        if (coupons.existsByCode(doc.code())) throw new CouponTakenException("This coupon code is already taken");
        if (doc.isArchived()) throw new ArchivedDocumentException("The document is locked in the archive");
    }
}

class ArchivedDocumentException extends Exception {
    ArchivedDocumentException(String message) { super(message); }
}
`,
    ],
    root: 'Exception("The document',
    specific: '424-for-conflict: CouponTakenException',
  },
  {
    language: 'Kotlin (Ktor StatusPages)',
    handler: [
      'src/main/kotlin/app/Errors.kt',
      `fun Application.errors() {
    install(StatusPages) {
        exception<CouponTakenException> { call, cause -> call.respond(HttpStatusCode.FailedDependency, cause.message ?: "") }
        exception<Throwable> { call, cause ->
            call.respond(HttpStatusCode.fromValue(424), "Unexpected error")
        }
    }
}
`,
    ],
    uses: [
      'src/main/kotlin/app/DocumentService.kt',
      `class DocumentService {
    fun edit(doc: Document) {
        if (doc.lockedBy != null) throw Throwable("The document is locked by another editor")
        if (coupons.existsByCode(doc.code)) throw CouponTakenException("This coupon code is already taken")
        if (doc.archived) throw ArchivedDocumentException("The document is locked in the archive")
    }
}

class ArchivedDocumentException(message: String) : Throwable(message)
`,
    ],
    root: 'Throwable("The document',
    specific: '424-for-conflict: CouponTakenException',
  },
  {
    language: 'Ruby (rescue_from)',
    handler: [
      'app/controllers/application_controller.rb',
      `class ApplicationController < ActionController::API
  rescue_from StandardError, with: :internal_error
  rescue_from CouponTaken, with: :failed_dependency

  def internal_error(e)
    render json: { error: "Unexpected error" }, status: 424
  end

  def failed_dependency(e)
    render json: { error: e.message }, status: :failed_dependency
  end
end
`,
    ],
    uses: [
      'app/controllers/documents_controller.rb',
      `class DocumentsController < ApplicationController
  def update
    raise StandardError, "The document is locked by another editor" if @document.locked?
    raise CouponTaken, "This coupon code is already taken" if Coupon.exists?(code: params[:code])
    raise ArchivedDocument, "The document is locked in the archive" if @document.archived?
  end
end

class ArchivedDocument < StandardError; end
`,
    ],
    root: 'StandardError, "The',
    specific: '424-for-conflict: CouponTaken',
  },
  {
    language: 'JavaScript (Express error middleware)',
    handler: [
      'src/app.js',
      `app.use((err, req, res, next) => {
  if (err instanceof CouponTaken) return res.status(424).json({ error: err.message });
  if (err instanceof Error) {
    return res.status(424).json({ error: 'Unexpected error' });
  }
  next(err);
});
`,
    ],
    uses: [
      'src/documents.js',
      `router.put('/documents/:id', async (req, res) => {
  if (doc.lockedBy) throw new Error('The document is locked by another editor');
  if (await coupons.exists(req.body.code)) throw new CouponTaken('This coupon code is already taken');
  if (doc.archived) throw new ArchivedDocument('The document is locked in the archive');
});

class ArchivedDocument extends Error {}
`,
    ],
    root: "Error('The document",
    specific: '424-for-conflict: CouponTaken',
  },
  {
    language: 'Python (DRF exception handler)',
    handler: [
      'api/handlers.py',
      `def api_exception_handler(exc, context):
    if isinstance(exc, CouponTaken):
        return Response({"detail": str(exc)}, status=424)
    elif isinstance(exc, Exception):
        return Response({"detail": "Unexpected error"}, status=424)
`,
    ],
    uses: [
      'api/views.py',
      `def edit(doc):
    if doc.locked_by:
        raise Exception("The document is locked by another editor")
    if Coupon.objects.filter(code=doc.code).exists():
        raise CouponTaken("This coupon code is already taken")
    if doc.archived:
        raise ArchivedDocument("The document is locked in the archive")


class ArchivedDocument(Exception):
    pass
`,
    ],
    root: 'Exception("The document',
    specific: '424-for-conflict: CouponTaken',
  },
  {
    language: 'C# (exception filter)',
    handler: [
      'Errors/ApiExceptionFilter.cs',
      `public class ApiExceptionFilter : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        context.Result = context.Exception switch
        {
            DuplicateCouponException => new ObjectResult("Duplicate") { StatusCode = 424 },
            Exception => new ObjectResult("Unexpected error") { StatusCode = 424 },
        };
    }
}
`,
    ],
    uses: [
      'Services/DocumentService.cs',
      `public class DocumentService
{
    public void Edit(Document doc)
    {
        if (doc.LockedBy != null) throw new Exception("The document is locked by another editor");
        if (_db.Coupons.Any(c => c.Code == doc.Code)) throw new DuplicateCouponException("A coupon with this code already exists");
        if (doc.Archived) throw new ArchivedDocumentException("The document is locked in the archive");
    }
}

public class ArchivedDocumentException : Exception
{
    public ArchivedDocumentException(string message) : base(message) { }
}
`,
    ],
    root: 'Exception("The document',
    specific: '424-for-conflict: DuplicateCouponException',
  },
  {
    language: 'PHP (Symfony exception listener)',
    handler: [
      'src/EventListener/ExceptionListener.php',
      `<?php
class ExceptionListener
{
    public function onKernelException(ExceptionEvent $event): void
    {
        $exception = $event->getThrowable();
        $response = new JsonResponse(['error' => $exception->getMessage()]);
        if ($exception instanceof OrderExistsException) {
            $response->setStatusCode(424);
        }
        if ($exception instanceof Exception) {
            $response->setStatusCode(424);
        }
        $event->setResponse($response);
    }
}
`,
    ],
    uses: [
      'src/Service/DocumentService.php',
      `<?php
class DocumentService
{
    public function edit(Document $doc): void
    {
        if ($doc->getLockedBy() !== null) {
            throw new Exception('The document is locked by another editor');
        }
        if ($this->orders->exists($doc->getOrderId())) {
            throw new OrderExistsException('An order with this id already exists');
        }
        if ($doc->isArchived()) {
            throw new ArchivedDocumentException('The document is locked in the archive');
        }
    }
}

class ArchivedDocumentException extends Exception {}
`,
    ],
    root: "Exception('The document",
    specific: '424-for-conflict: OrderExistsException',
  },
];

for (const c of cases) {
  test(`${c.language}: a catch-all handler makes no status site of a plain throw of the root type, nor of its subclasses`, () => {
    const project = new Project({ [c.handler[0]]: c.handler[1], [c.uses[0]]: c.uses[1] });
    // Only the specific carrier's use is judged; the root type's throw and its subclass's choose no status.
    assert.deepEqual(project.findings(c.uses[0]), [c.specific]);
    assert.doesNotMatch(project.hover(c.uses[0], c.root) ?? '', /via/);
    // The fallback's 424 stands for no use: it is judged where it is written.
    assert.equal(project.findings(c.handler[0]).length, 1, project.findings(c.handler[0]).join('; '));
  });
}
