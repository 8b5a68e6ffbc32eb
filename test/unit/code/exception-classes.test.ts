/**
 * Exception classes named after a status (`raise NotFound()`, `throw new ConflictException()`): the class name is
 * the site; a fix writes the framework's class for the new code and imports it, and where the framework has no
 * class for that code the fix is explained rather than applied (a number cannot replace a class).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { actionsFor, applyAction, hoverText, validate } from '../helpers';

function findings(text: string, language: string) {
  const { document, diagnostics } = validate(text, language);
  return { document, diagnostics, texts: diagnostics.map((d) => `${d.code} ${document.getText(d.range)}`) };
}

function preferredFix(text: string, language: string): string {
  const { document, diagnostics } = validate(text, language);
  const action = actionsFor(diagnostics.slice(0, 1)).find((a) => a.isPreferred);
  assert.ok(
    action,
    `no preferred fix among ${actionsFor(diagnostics)
      .map((a) => a.title)
      .join(' | ')}`,
  );
  return applyAction(document, action);
}

describe('exception classes named after a status', () => {
  test('werkzeug: the fix writes the new class and imports it beside the old one', () => {
    const text = `from werkzeug.exceptions import FailedDependency, NotFound\n\ndef put(id):\n    raise FailedDependency(description="An order with this id already exists")\n`;
    assert.deepEqual(findings(text, 'python').texts, ['424-for-conflict FailedDependency']);
    assert.equal(
      preferredFix(text, 'python'),
      `from werkzeug.exceptions import FailedDependency, Conflict, NotFound\n\ndef put(id):\n    raise Conflict(description="An order with this id already exists")\n`,
    );
  });

  test('werkzeug: a parenthesised import list gets the name inside the parentheses; an imported class is not imported twice', () => {
    const text = `from werkzeug.exceptions import (\n    Locked,\n    FailedDependency,\n)\n\ndef put(id):\n    abort(FailedDependency(description="The document is locked by another user"))\n`;
    assert.equal(preferredFix(text, 'python'), text.replace('abort(FailedDependency(', 'abort(Locked('));
    const single = `from werkzeug.exceptions import FailedDependency\n\ndef put(id):\n    raise FailedDependency("The document is locked by another user")\n`;
    assert.equal(
      preferredFix(single, 'python'),
      `from werkzeug.exceptions import FailedDependency, Locked\n\ndef put(id):\n    raise Locked("The document is locked by another user")\n`,
    );
  });

  test('a qualified class keeps its qualifier, an alias included', () => {
    const text = `import pyramid.httpexceptions as exc\n\ndef view(request):\n    return exc.HTTPFailedDependency(detail="The document is locked by another user")\n`;
    assert.deepEqual(findings(text, 'python').texts, ['424-for-lock exc.HTTPFailedDependency']);
    assert.equal(preferredFix(text, 'python'), text.replace('exc.HTTPFailedDependency', 'exc.HTTPLocked'));
  });

  test('Symfony: a class imported with its own use statement gets a use statement of its own', () => {
    const text = `<?php\nuse Symfony\\Component\\HttpKernel\\Exception\\ConflictHttpException;\n\nfunction ship() {\n  throw new ConflictHttpException('Cannot ship: the payment step failed earlier');\n}\n`;
    assert.deepEqual(findings(text, 'php').texts, ['failed-prerequisite-not-424 ConflictHttpException']);
    const { diagnostics } = validate(text, 'php');
    const titles = actionsFor(diagnostics).map((a) => a.title);
    assert.ok(
      titles.some((t) => /has no class for 424 Failed Dependency: change it by hand/.test(t)),
      titles.join(' | '),
    );
    assert.ok(!actionsFor(diagnostics).some((a) => a.isPreferred));
  });

  test('NestJS has no class for 424: the fix is explained, not applied; HttpException with 424 stays a literal', () => {
    const text = `import { Injectable, ConflictException } from '@nestjs/common';\nexport class Orders {\n  async ship() {\n    throw new ConflictException('The payment step failed earlier, so the order cannot ship');\n  }\n}\n`;
    const { diagnostics, texts } = findings(text, 'typescript');
    assert.deepEqual(texts, ['failed-prerequisite-not-424 ConflictException']);
    const actions = actionsFor(diagnostics);
    assert.ok(actions.some((a) => !a.edit && /ConflictException has no class for 424/.test(a.title)));
    assert.ok(!actions.some((a) => a.edit && !a.title.startsWith('Disable')));
    const literal = `import { HttpException } from '@nestjs/common';\nfunction f() { throw new HttpException('The document is locked', 424); }\n`;
    assert.equal(preferredFix(literal, 'typescript'), literal.replace(', 424)', ', 423)'));
  });

  test('aiohttp has no HTTPLocked: the fix from web.HTTPFailedDependency is explained, not a bare number', () => {
    const text = `from aiohttp import web\n\nasync def put(request):\n    raise web.HTTPFailedDependency(text="The document is locked by another user")\n`;
    const { diagnostics, texts } = findings(text, 'python');
    assert.deepEqual(texts, ['424-for-lock web.HTTPFailedDependency']);
    const actions = actionsFor(diagnostics);
    assert.ok(
      actions.some((a) => !a.edit && /web\.HTTPFailedDependency has no class for 423 Locked/.test(a.title)),
      actions.map((a) => a.title).join(' | '),
    );
    assert.ok(!actions.some((a) => a.edit && /raise 423/.test(JSON.stringify(a.edit))));
  });

  test('hover on the class name explains the code; a caught class is hover only', () => {
    const text = `from werkzeug.exceptions import FailedDependency\nraise Failed|Dependency()\n`;
    assert.match(hoverText(text, 'python') ?? '', /424 Failed Dependency/);
    const caught = `from werkzeug.exceptions import FailedDependency\ntry:\n    pass\nexcept Failed|Dependency:\n    pass\n`;
    assert.match(hoverText(caught, 'python') ?? '', /424 Failed Dependency/);
    assert.deepEqual(findings(caught.replace('|', ''), 'python').texts, []);
  });
});
