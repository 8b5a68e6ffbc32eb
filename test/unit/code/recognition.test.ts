/**
 * Recognition: `[[...]]` marks every status-code use the scanner must find; nothing else may be found.
 * Tricky non-status numbers, strings, comments, templates, raw strings and heredocs stay unmarked.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { document, service } from '../helpers';

const cases: Record<string, [string, string][]> = {
  typescript: [
    ['express', `res.status([[424]]).json({ error: 'x' }); res.sendStatus([[409]]);`],
    ['koa', `ctx.status = [[423]]; ctx.throw([[412]], 'no');`],
    ['fastify and hapi', `reply.code([[502]]).send(); h.response(x).code([[503]]);`],
    ['node http', `res.writeHead([[504]], { 'content-type': 'text/plain' }); res.statusCode = [[424]];`],
    ['Response object', `return new Response(null, { status: [[424]] }); NextResponse.json(body, { status: [[409]] });`],
    ['hono', `return c.json({ ok: false }, [[424]]);`],
    ['nest', `throw new HttpException('Locked', [[423]]);`],
    ['http-status-codes', `res.status([[StatusCodes.FAILED_DEPENDENCY]]);`],
    ['not status numbers', `const width = 424; if (status === 424) {} items.slice(424); const x = { timeout: 424 };`],
    ['strings and comments', `const s = "res.status(424)"; // res.status(424)\n/* ctx.status = 424 */ const t = \`res.status(424)\`;`],
    ['template holes are code', 'const s = `${res.status([[424]])}`;'],
    ['regex literal', `const re = /status(424)/; res.status([[200]]);`],
    ['division is not a regex', `const a = b / 2; res.status([[424]]); const c = d / 3;`],
    [
      'ternaries in a status context',
      `res.status(ok ? [[200]] : [[409]]); return { status: a === 200 ? [[201]] : [[409]] }; ctx.status = x > 400 ? [[400]] : [[500]];`,
    ],
    [
      'fallbacks in a status context',
      `res.status(err.status || [[500]]); res.status(err.statusCode ?? [[502]]); res.status(a ?? b ? [[503]] : [[504]]);`,
    ],
    [
      'conditionals outside a status context',
      `const n = ok ? 200 : 409; const size = { width: ok ? 300 : 400 }; res.status(code).json({ retry: later ? 503 : 0 });\nctx.status = [[200]]; x = a ? 301 : 302;`,
    ],
    [
      'webdav-server HTTPCodes',
      `ctx.setCode([[HTTPCodes.MultiStatus]]); n[WebDAVRequest_1.[[HTTPCodes.FailedDependency]]] = n[[[HTTPCodes.OK]]];`,
    ],
    ['an HTTPCodes table defines, not uses', `const HTTPCodes = { Locked: 423, FailedDependency: 424 };`],
    [
      'NestJS exception classes imported from @nestjs/common',
      `import { Injectable, NotFoundException, ConflictException as Dup } from '@nestjs/common';\nimport * as nest from '@nestjs/common';\nfunction f() {\n  if (!x) throw new [[NotFoundException]]('no order');\n  throw new [[nest.PreconditionFailedException]]();\n}`,
    ],
    [
      // The app's own ConflictException and GoneException are sites by their names (issue 14, pattern 4), not NestJS's classes.
      'NestJS class names that are not thrown: caught, extended, unimported, in strings',
      `import { NotFoundException } from '@nestjs/common';\nimport { ConflictException } from './errors';\nclass Gone extends NotFoundException {}\nif (e instanceof NotFoundException) {}\nthrow new [[ConflictException]]();\nthrow new [[GoneException]]();\nconst s = "throw new NotFoundException()"; // throw new NotFoundException()`,
    ],
  ],
  python: [
    ['flask abort', `abort([[424]])`],
    ['flask tuple', `return jsonify(error="locked"), [[423]]`],
    ['fastapi', `raise HTTPException(status_code=[[424]], detail="x")`],
    ['django', `return HttpResponse("x", status=[[409]])`],
    ['HTTPStatus', `return Response(status=[[HTTPStatus.FAILED_DEPENDENCY]])`],
    ['not status', `width = 424\nitems = [424, 423]\nreturn value, 424\n`.replace('return value, 424', 'x = (value, 424)')],
    ['strings', `s = "abort(424)"\nt = '''\nabort(424)\n'''\n# abort(424)\nr = r"status=424"`],
    [
      'conditional expressions',
      `abort([[404]] if missing else [[409]])\nreturn Response(status=[[200]] if ok else [[HTTPStatus.CONFLICT]])\nn = 200 if ok else 409`,
    ],
    ['fallback', `return JSONResponse(body, status_code=code or [[500]])`],
    ['pywebdav DAV_Error', `raise DAV_Error([[424]])\nDAV_Error.__init__(self, [[404]], args[0])\nDAV_Error.__init__(self, 0)`],
    [
      'werkzeug exception classes, imported by name or qualified by their module',
      `from werkzeug.exceptions import (\n    NotFound,  # 404\n    FailedDependency,\n)\nimport werkzeug.exceptions\nfrom flask import abort\n\ndef f():\n    abort([[FailedDependency]]())\n    raise [[NotFound]]\n    raise [[werkzeug.exceptions.Conflict]](description="exists")`,
    ],
    [
      'DRF, Django, Pyramid and aiohttp classes',
      `from rest_framework import exceptions\nfrom rest_framework.exceptions import PermissionDenied\nfrom django.http import Http404\nimport pyramid.httpexceptions as exc\nfrom aiohttp.web import HTTPConflict\n\nraise [[exceptions.NotFound]]()\nraise [[PermissionDenied]]("no")\nraise [[Http404]]\nreturn [[exc.HTTPFound]](location=url)\nraise [[HTTPConflict]]()`,
    ],
    [
      'class names that are not raised: defined, caught, unimported, strings and comments',
      `from werkzeug.exceptions import NotFound\nfrom .errors import Conflict\n\nclass Gone(NotFound):\n    pass\n\nclass Locked(Exception):\n    pass\n\ntry:\n    raise Locked()\nexcept NotFound:\n    raise Conflict()\n@app.errorhandler(NotFound)\ndef h(e): pass\ns = "raise NotFound()"  # raise NotFound()\nraise exceptions.[[NotFound]]()\nraise [[FailedDependency]]()`,
    ],
  ],
  go: [
    ['net/http', `w.WriteHeader([[424]])\nhttp.Error(w, "locked", [[423]])`],
    ['constants', `w.WriteHeader([[http.StatusFailedDependency]])`],
    ['gin and echo', `c.JSON([[409]], gin.H{"error": "x"})\nreturn c.NoContent([[502]])`],
    ['raw strings and runes', "s := `w.WriteHeader(424)`\nr := '4'\nw.WriteHeader([[200]])"],
    ['not a constant', `x := myhttp.StatusFailedDependency`],
    ['x/net/webdav, qualified', `w.WriteHeader([[webdav.StatusMulti]])\nreturn [[webdav.StatusLocked]], err`],
    [
      'x/net/webdav constants are bare in package webdav only',
      `package webdav\nconst (\n\tStatusLocked = 423\n\tStatusFailedDependency    = 424\n)\nvar p = Propstat{Status: [[StatusFailedDependency]]}\nif StatusLocked == code && cfg.StatusLocked == 1 {}`,
    ],
    ['a bare name elsewhere is not the webdav constant', `package dav\nvar p = Propstat{Status: StatusFailedDependency}`],
  ],
  php: [
    [
      'SabreDAV propstat arrays',
      `$result = array([[200]] => array(), [[424]] => array());\n$result[[[424]]][$name] = null;\nif (isset($props[0][[[200]]]['{DAV:}displayname'])) {}`,
    ],
    [
      'a literal keyed by codes counts only when its variable is indexed by status',
      `$result = array(200 => array(), 424 => array());\nreturn $result;`,
    ],
    [
      'tables and matrices are not propstat arrays',
      `$sizes = [100 => ['w' => 100], 200 => []];\n$sizes[100][2] = 1;\n$map = array(200 => 'ok', 424 => array());\n$m = $map[200];`,
    ],
    ['Slim StatusCode', `return $response->withStatus([[StatusCode::HTTP_NOT_FOUND]]);`],
    [
      'SabreDAV exceptions by namespace path, resolved against use and namespace',
      `<?php\nnamespace Sabre\\CalDAV;\nuse Sabre\\DAV;\nfunction a() {\n  try { x(); } catch (DAV\\Exception\\NotFound $e) {}\n  throw new [[DAV\\Exception\\Forbidden]]('x');\n  throw new [[\\Sabre\\DAV\\Exception\\Locked]]();\n  throw new Exception\\Conflict();\n}`,
    ],
    [
      'a namespace path of another vendor is not SabreDAV',
      `<?php\nnamespace App;\nuse Vendor\\DAV;\nthrow new DAV\\Exception\\Forbidden();\nthrow new Exception\\Forbidden();`,
    ],
    [
      'SabreDAV classes in their own namespace are written bare',
      `<?php\nnamespace Sabre\\DAV\\Exception;\nclass FileNotFound extends NotFound {}\nfunction f() { throw new [[Locked]](); }`,
    ],
    [
      'Symfony HttpKernel exceptions imported with use',
      `<?php\nuse Symfony\\Component\\HttpKernel\\Exception\\NotFoundHttpException;\nuse Symfony\\Component\\HttpKernel\\Exception\\{ConflictHttpException, GoneHttpException};\nuse App\\Exception\\PreconditionFailedHttpException;\nclass C extends NotFoundHttpException {}\nfunction a() {\n  throw new [[NotFoundHttpException]]('x');\n  throw new [[ConflictHttpException]]();\n  throw new PreconditionFailedHttpException();\n  $s = 'throw new GoneHttpException()';\n}`,
    ],
  ],
  kotlin: [
    [
      'Ktor respond, respondText and respondBytes',
      `call.respond([[HttpStatusCode.Conflict]], ErrorResponse("taken"))\ncall.respondText("taken", ContentType.Text.Plain, [[HttpStatusCode.FailedDependency]])\ncall.respondText(text = "missing", status = [[HttpStatusCode.NotFound]])\ncall.respondBytes(bytes, ContentType.Application.OctetStream, [[HttpStatusCode.Locked]])\ncall.respond(status = [[HttpStatusCode.BadRequest]], ErrorResponse("bad"))`,
    ],
    [
      'Ktor: a body or a content type is no status',
      `call.respond(mapOf("limit" to 424))\ncall.respondText("424 items", ContentType.Text.Plain)\ncall.respond(users.take(200))`,
    ],
    [
      'if expressions',
      `call.respond(HttpStatusCode.fromValue(if (found) [[200]] else [[404]]))\nresponse.status = if (ok) [[200]] else [[409]]\nval n = if (ok) 200 else 409`,
    ],
  ],
  csharp: [
    [
      'ProblemDetails initializers',
      `var p = new ProblemDetails { Status = [[200]], Title = "ok" };\nvar q = new Mvc.ProblemDetails() { Title = "x", Status = [[302]] };\nreturn Problem(title: "x", statusCode: [[424]]);\nreturn Results.Problem(statusCode: [[StatusCodes.Status409Conflict]]);`,
    ],
    [
      'a Status of another initializer or an anonymous object is no status',
      `var r = new AuditEntry { Status = 200 };\nvar s = new { Status = 200 };\nvar t = new ProblemDetails { Title = "x" };\nvar u = new Order { Status = 2 };`,
    ],
    [
      'a target-typed new takes the declared type',
      `ProblemDetails p = new() { Status = [[200]], Title = "x" };\nProblemDetails q = new()\n{\n    Status = [[302]]\n};\nAuditEntry a = new() { Status = 200 };\nOrder o = new(2) { Status = 3 };`,
    ],
  ],
  ruby: [
    ['rails', `render json: { error: "x" }, status: [[:failed_dependency]]\nhead [[:locked]]`],
    ['numbers', `render json: x, status: [[424]]\nhalt [[423]]`],
    ['a symbol outside a status context', `x = :locked\nfoo(:conflict)\ny = ok ? :ok : :conflict`],
    [
      'a conditional after status:',
      `render json: x, status: ok ? [[:ok]] : [[:conflict]]\nrender json: x, status: created ? [[201]] : [[200]]`,
    ],
    ['heredoc', `body = <<~EOS\n  status: 424\nEOS\nhead [[409]]`],
    [
      'Rack triples',
      `def call(env)\n  return [[[423]], { 'content-type' => 'text/plain' }, ['locked']] if locked?\n  [[[200]], headers, [body]]\nend`,
    ],
    ['arrays of numbers are not triples', `sizes = [100, 200, 300]\npair = [424, 1]`],
  ],
};

describe('recognition', () => {
  for (const [language, list] of Object.entries(cases)) {
    for (const [name, marked] of list) {
      test(`${language}: ${name}`, () => {
        const expected: string[] = [];
        const text = marked.replace(/\[\[([^[\]]*?)\]\]/g, (_, inner: string) => (expected.push(inner), inner));
        const scanned = service.scan(document(text, language));
        const found = scanned.sites.filter((s) => s.role === 'use').map((s) => s.text);
        assert.deepEqual(found, expected);
      });
    }
  }
});
