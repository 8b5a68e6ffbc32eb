/** The join and its rules over a project: coverage by ranges and default, bad input, files joined across. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultSettings, projectHover } from '../../../server/src/service';
import { openapi, project } from './helpers';

const handler = `const router = require('express').Router();
router.get('/orders/:id', (req, res) => {
  res.status(410).end();
});`;

describe('status-not-in-spec: what declares a code', () => {
  test('a range key covers its codes; default covers everything', () => {
    assert.deepEqual(project({ 'a.js': handler, 'openapi.yaml': openapi({ '/orders/{id}': { get: [200, '4XX'] } }) }).flagged('a.js'), []);
    assert.deepEqual(
      project({ 'a.js': handler, 'openapi.yaml': openapi({ '/orders/{id}': { get: [200, 'default'] } }) }).flagged('a.js'),
      [],
    );
    assert.deepEqual(project({ 'a.js': handler, 'openapi.yaml': openapi({ '/orders/{id}': { get: [200, '5XX'] } }) }).flagged('a.js'), [
      '410',
    ]);
  });

  test("the spec's server path may or may not be part of the route", () => {
    const spec = openapi({ '/orders/{id}': { get: [200] } }, { server: 'https://api.example.com/v2' });
    assert.deepEqual(project({ 'a.js': handler, 'openapi.yaml': spec }).flagged('a.js'), ['410']);
    const mounted = `${handler}\napp.use('/v2', router);`;
    assert.deepEqual(project({ 'a.js': mounted, 'openapi.yaml': spec }).flagged('a.js'), ['410']);
  });

  test('a route answering every method joins all operations of its path; a code any of them declares is declared', () => {
    const code = `urlpatterns = [path("orders/<int:pk>/", order)]

def order(request, pk):
    if request.method == "DELETE":
        return HttpResponse(status=204)
    return HttpResponse(status=410)
`;
    const spec = openapi({ '/orders/{id}': { get: [200], delete: [204] } });
    assert.deepEqual(project({ 'urls.py': code, 'openapi.yaml': spec }).flagged('urls.py'), ['410']);
  });

  test('the message names the operation and what it declares; the related place is the operation', () => {
    const p = project({ 'a.js': handler, 'openapi.yaml': openapi({ '/orders/{id}': { get: [200, 404] } }) });
    const [d] = p.diagnostics('a.js');
    assert.equal(
      d.message,
      '410 Gone is not declared by GET /orders/{id} in openapi.yaml (it declares 200, 404): clients and docs generated from the spec do not expect it.',
    );
    assert.equal(d.relatedInformation?.[0].location.uri, 'file:///project/openapi.yaml');
    assert.equal(p.doc('openapi.yaml').getText(d.relatedInformation![0].location.range), 'get');
    assert.match(d.codeDescription!.href, /docs\/rules\/status-not-in-spec\.md$/);
  });

  test('the preferred fix declares the response in the spec; changing the code is offered when a declared one is the likely meant', () => {
    const p = project({
      'a.js': `router.post('/orders', (req, res) => { res.status(424).json({ error: 'already exists' }); });`,
      'openapi.yaml': openapi({ '/orders': { post: [201, 409] } }),
    });
    assert.match(p.fixed('a.js', 'openapi.yaml'), /"409":\n {10}description: Declared\n {8}"424":\n {10}description: Failed Dependency\n$/);
    const titles = (p.diagnostics('a.js')[0].data as { fixes: { title: string }[] }).fixes.map((f) => f.title);
    assert.deepEqual(titles, [
      'Declare 424 Failed Dependency in POST /orders (openapi.yaml)',
      'Change 424 to 409 Conflict (declared by the operation)',
      'Disable status-not-in-spec for this line',
    ]);
  });

  test('silenced on one line; off by setting', () => {
    const silenced = `router.get('/orders/:id', (req, res) => {
  // http-status-lens-disable-next-line status-not-in-spec
  res.status(410).end();
});`;
    assert.deepEqual(project({ 'a.js': silenced, 'openapi.yaml': openapi({ '/orders/{id}': { get: [200] } }) }).flagged('a.js'), []);
    const off = defaultSettings();
    off.rules['status-not-in-spec'] = 'off';
    assert.deepEqual(project({ 'a.js': handler, 'openapi.yaml': openapi({ '/orders/{id}': { get: [200] } }) }).flagged('a.js', off), []);
  });
});

describe('bad input: no false finding, and the reason is known', () => {
  test('a route built at run time is unknown, never guessed', () => {
    const code = "const base = '/orders';\nrouter.get(base + '/:id', (req, res) => { res.status(410).end(); });";
    const p = project({ 'a.js': code, 'openapi.yaml': openapi({ '/orders/{id}': { get: [200] } }) });
    assert.deepEqual(p.routes('a.js'), ['GET ?']);
    assert.deepEqual(p.flagged('a.js'), []);
    const [route] = p.index.routesOf('file:///project/a.js');
    assert.deepEqual(p.index.operationsFor(route), { reason: 'unknown-path', detail: "the path is built at run time (`base + '/:id'`)" });
  });

  test('a spec that does not parse checks nothing', () => {
    const broken = 'openapi: 3.0.0\npaths:\n  /orders/{id}:\n    get:\n      responses:\n        "200": {description: OK\n';
    const p = project({ 'a.js': handler, 'openapi.yaml': broken });
    assert.deepEqual(p.flagged('a.js'), []);
    const [route] = p.index.routesOf('file:///project/a.js');
    assert.equal((p.index.operationsFor(route) as { reason: string }).reason, 'spec-does-not-parse');
  });

  // The same bad input in each family: a path built from a variable is unknown, the handler's 410 is not flagged.
  const runTime: [string, string][] = [
    ['a.py', '@app.get(PREFIX + "/{order_id}")\nasync def read_order(order_id: int):\n    raise HTTPException(status_code=410)\n'],
    ['a2.py', '@app.route(f"{PREFIX}/<int:order_id>")\ndef read_order(order_id):\n    abort(410)\n'],
    [
      'a.go',
      'func main() {\n\tmux.HandleFunc("GET "+prefix+"/{id}", func(w http.ResponseWriter, r *http.Request) {\n\t\tw.WriteHeader(http.StatusGone)\n\t})\n}\n',
    ],
    [
      'A.java',
      '@RestController\nclass Orders {\n  @GetMapping(PREFIX + "/{id}")\n  ResponseEntity<?> get() {\n    return ResponseEntity.status(410).build();\n  }\n}\n',
    ],
    ['A.cs', 'app.MapGet(prefix + "/{id}", () => Results.StatusCode(410));\n'],
    [
      'a.rb',
      'Rails.application.routes.draw do\n  get "#{prefix}/:id", to: "orders#show"\nend\nclass OrdersController < ApplicationController\n  def show\n    head 410\n  end\nend\n',
    ],
    ['a.php', "<?php\nRoute::get($prefix . '/{id}', function () {\n    abort(410);\n});\n"],
  ];
  for (const [file, code] of runTime)
    test(`a path built at run time in ${file.slice(file.lastIndexOf('.') + 1)}: unknown, no finding, the hover says why`, () => {
      const p = project({ [file]: code, 'openapi.yaml': openapi({ '/orders/{id}': { get: [200] } }) });
      assert.deepEqual(p.flagged(file), []);
      const [route, ...more] = p.index.routesOf(`file:///project/${file}`);
      assert.equal(more.length, 0);
      assert.equal((p.index.operationsFor(route) as { reason?: string }).reason, 'unknown-path');
      const offset = code.indexOf(code.includes('410') ? '410' : 'StatusGone') + 1;
      assert.match(
        projectHover(`file:///project/${file}`, offset, p.index)!,
        /^Not checked against an OpenAPI spec: the path is built at run time/,
      );
    });

  // A split spec (the GoIT template, Redocly's split layout): the operation is a $ref, its responses are in
  // another file. The pattern is the spec's, so every family's handlers would be flagged for every code.
  const splitSpecs: [string, string][] = [
    [
      'yaml',
      "openapi: 3.0.0\ninfo: {title: x, version: '1'}\npaths:\n  /orders/{id}:\n    get:\n      $ref: '../swagger/paths/orders/get.yaml'\n",
    ],
    [
      'json',
      '{"openapi": "3.0.0", "info": {"title": "x", "version": "1"}, "paths": {"/orders/{id}": {"get": {"$ref": "paths/orders-get.json"}}}}',
    ],
    ['yaml', "openapi: 3.0.0\ninfo: {title: x, version: '1'}\npaths:\n  /orders/{id}:\n    get:\n      summary: no responses written\n"],
  ];
  const handlers: [string, string, string][] = [
    ['a.js', "router.get('/orders/:id', (req, res) => { res.status(410).end(); });", '410'],
    ['a.py', '@app.get("/orders/{order_id}")\nasync def read_order(order_id: int):\n    raise HTTPException(status_code=410)\n', '410'],
    ['a.go', 'func main() {\n\tr.GET("/orders/:id", func(c *gin.Context) {\n\t\tc.JSON(http.StatusGone, nil)\n\t})\n}\n', 'StatusGone'],
    [
      'A.java',
      '@RestController\nclass Orders {\n  @GetMapping("/orders/{id}")\n  ResponseEntity<?> get() {\n    return ResponseEntity.status(410).build();\n  }\n}\n',
      '410',
    ],
  ];
  for (const [file, code, token] of handlers)
    test(`an operation whose responses are elsewhere (a $ref, none written) is not judged: ${file.slice(file.indexOf('.') + 1)} handlers`, () => {
      for (const [format, spec] of splitSpecs) {
        const p = project({ [file]: code, [`openapi.${format}`]: spec });
        assert.deepEqual(p.flagged(file), [], spec);
        const [route] = p.index.routesOf(`file:///project/${file}`);
        assert.equal((p.index.operationsFor(route) as { reason?: string }).reason, 'responses-not-read');
        assert.match(
          projectHover(`file:///project/${file}`, code.indexOf(token) + 1, p.index)!,
          /^Not checked against an OpenAPI spec: GET \/orders\/\{id\} in openapi\.(yaml|json) (is a \$ref to \S+|declares no responses), so its responses are not known\.$/,
        );
      }
    });

  test('many specs declaring the same path: two named, the rest counted', () => {
    const spec = openapi({ '/orders/{id}': { get: [200] } });
    const p = project({ 'a.js': handler, 'openapi.yaml': spec, 'v1/openapi.yaml': spec, 'v2/openapi.yaml': spec, 'v3/openapi.yaml': spec });
    assert.deepEqual(p.flagged('a.js'), []);
    const [route] = p.index.routesOf('file:///project/a.js');
    assert.deepEqual(p.index.operationsFor(route), {
      reason: 'ambiguous',
      detail: 'project/openapi.yaml, v1/openapi.yaml and 2 other specs all declare GET /orders/:id',
    });
  });

  test('two specs declaring the same path check nothing', () => {
    const spec = openapi({ '/orders/{id}': { get: [200] } });
    const p = project({ 'a.js': handler, 'openapi.yaml': spec, 'dist/openapi.yaml': spec });
    assert.deepEqual(p.flagged('a.js'), []);
    const [route] = p.index.routesOf('file:///project/a.js');
    assert.deepEqual(p.index.operationsFor(route), {
      reason: 'ambiguous',
      detail: 'project/openapi.yaml and dist/openapi.yaml both declare GET /orders/:id',
    });
  });

  test('a method bound to its object is the handler: app.get(path, this.getOrder.bind(this))', () => {
    const code = `class OrderController {
  register(app) {
    app.get('/orders/:id', this.getOrder.bind(this));
  }
  getOrder(req, res) {
    res.status(410).end();
  }
}`;
    assert.deepEqual(project({ 'a.js': code, 'openapi.yaml': openapi({ '/orders/{id}': { get: [200] } }) }).flagged('a.js'), ['410']);
  });

  test('calls that look like routes but pass values are not routes', () => {
    const code =
      'const port = config.get(PORT_KEY, { infer: true });\nconst user = cache.get(key, null);\nconst app2 = app.get(ConfigService<AppConfig, true>);';
    assert.deepEqual(project({ 'a.ts': code, 'openapi.yaml': openapi({ '/orders': { get: [200] } }) }).routes('a.ts'), []);
  });

  test('a route no operation declares gets nothing', () => {
    const p = project({ 'a.js': handler, 'openapi.yaml': openapi({ '/customers/{id}': { get: [200] } }) });
    assert.deepEqual(p.flagged('a.js'), []);
  });

  test('a function of the same name in an unrelated folder is not taken for the handler', () => {
    const p = project({
      'src/routes/orders.js': "router.get('/orders/:id', show);",
      'scripts/tools/show.js': 'function show(req, res) { res.status(410).end(); }',
      'openapi.yaml': openapi({ '/orders/{id}': { get: [200] } }),
    });
    assert.deepEqual(p.flagged('scripts/tools/show.js'), []);
    assert.equal(p.index.routesOf('file:///project/src/routes/orders.js')[0].handler, undefined);
  });

  test('a handler imported from another folder, or reached through its module (views.order, handlers.Get), is found', () => {
    const js = project({
      'src/routes/orders.js': "import { show } from '../controllers/orders';\nrouter.get('/orders/:id', show);",
      'src/controllers/orders.js': 'export function show(req, res) { res.status(410).end(); }',
      'openapi.yaml': openapi({ '/orders/{id}': { get: [200] } }),
    });
    assert.deepEqual(js.flagged('src/controllers/orders.js'), ['410']);
    const go = project({
      'cmd/server/main.go': 'func main() {\n\tr.GET("/orders/:id", handlers.GetOrder)\n}',
      'internal/handlers/orders.go': 'func GetOrder(c *gin.Context) {\n\tc.Status(http.StatusGone)\n}',
      'openapi.yaml': openapi({ '/orders/{id}': { get: [200] } }),
    });
    assert.deepEqual(go.flagged('internal/handlers/orders.go'), ['http.StatusGone']);
  });

  test('a handler named by reference that two files define is not guessed', () => {
    const p = project({
      'routes.js': "router.get('/orders/:id', show);",
      'a.js': 'function show(req, res) { res.status(410).end(); }',
      'b.js': 'function show(req, res) { res.status(418).end(); }',
      'openapi.yaml': openapi({ '/orders/{id}': { get: [200] } }),
    });
    assert.deepEqual([...p.flagged('a.js'), ...p.flagged('b.js'), ...p.flagged('routes.js')], []);
  });
});

describe('across files', () => {
  test('Express: a router mounted from another module gets the prefix', () => {
    const p = project({
      'src/routes/orders.js': `const router = require('express').Router();\n${handler.split('\n').slice(1).join('\n')}\nmodule.exports = router;`,
      'src/app.js': "import orders from './routes/orders';\nconst app = express();\napp.use('/api', orders);",
      'openapi.yaml': openapi({ '/api/orders/{id}': { get: [200] } }),
    });
    assert.deepEqual(p.routes('src/routes/orders.js'), ['GET /api/orders/{}']);
    assert.deepEqual(p.flagged('src/routes/orders.js'), ['410']);
  });

  test('Express + TypeScript: a tsconfig "paths" alias, the router mounted in app.ts, handlers exported from a controller file', () => {
    const p = project({
      'tsconfig.json': '{ "compilerOptions": { "baseUrl": "./src", "paths": { "@/*": ["*"] } } }',
      'src/app.ts': "import orderRoutes from '@/routes/orders';\nconst app = express();\napp.use('/api/orders', orderRoutes);",
      'src/routes/orders.ts':
        "import { getOrder } from '@/controllers/orders';\nconst router = Router();\nrouter.get('/:id', auth, getOrder);\nexport default router;",
      'src/controllers/orders.ts':
        'export const getOrder = async (req: Request, res: Response): Promise<void> => {\n  res.status(410).end();\n};',
      'openapi.yaml': openapi({ '/api/orders/{id}': { get: [200] } }),
    });
    assert.deepEqual(p.routes('src/controllers/orders.ts'), ['GET /api/orders/{}']);
    assert.deepEqual(p.flagged('src/controllers/orders.ts'), ['410']);
  });

  test("Django: path('api/', include('shop.urls')) prefixes the module's routes, and include(router.urls) a router's", () => {
    const p = project({
      'project/urls.py': 'urlpatterns = [\n    path("admin/", admin.site.urls),\n    path("api/", include("shop.urls")),\n]\n',
      'shop/urls.py': `router = DefaultRouter()
router.register(r"widgets", WidgetViewSet)

urlpatterns = [
    path("orders/<int:pk>/", order_detail),
    path("v2/", include(router.urls)),
]

def order_detail(request, pk):
    return HttpResponse(status=410)

class WidgetViewSet(viewsets.ViewSet):
    def retrieve(self, request, pk=None):
        return Response(status=status.HTTP_423_LOCKED)
`,
      'openapi.yaml': openapi({ '/api/orders/{id}': { get: [200] }, '/api/v2/widgets/{id}': { get: [200] } }),
    });
    assert.deepEqual(
      p.routes('shop/urls.py').filter((r) => r.startsWith('GET') || r.startsWith('*')),
      ['* /api/orders/{}', 'GET /api/v2/widgets', 'GET /api/v2/widgets/{}'],
    );
    assert.deepEqual(p.flagged('shop/urls.py'), ['410', 'status.HTTP_423_LOCKED']);
  });

  // A method named through a variable the route file makes an instance of a class declared elsewhere: that
  // class's method, wherever it is, and not a method of the same name of another class.
  test("Go: a method value of a handler made in the routes file (by a function declared to return it, &T{}, a typed parameter) is its type's method in another package", () => {
    const handlers = `package handlers

type OrderHandler struct{ db *sql.DB }

func NewOrderHandler(db *sql.DB) *OrderHandler { return &OrderHandler{db: db} }

func Orders() (*OrderHandler, error) { return &OrderHandler{}, nil }

func (h *OrderHandler) Show(c *gin.Context) {
\tc.Status(http.StatusGone)
}

type UserHandler struct{}

func (u *UserHandler) Show(c *gin.Context) {
\tc.Status(http.StatusTeapot)
}
`;
    for (const [made, routes] of [
      [
        'NewOrderHandler',
        'func Register(r *gin.Engine, db *sql.DB) {\n\th := handlers.NewOrderHandler(db)\n\tr.GET("/orders/:id", h.Show)\n}',
      ],
      [
        'Orders, declared to return (*OrderHandler, error)',
        'func Register(r *gin.Engine) {\n\th, err := handlers.Orders()\n\tr.GET("/orders/:id", h.Show)\n}',
      ],
      ['&T{}', 'func Register(r *gin.Engine) {\n\th := &handlers.OrderHandler{}\n\tr.GET("/orders/:id", h.Show)\n}'],
      ['a parameter', 'func Register(r *gin.Engine, h *handlers.OrderHandler) {\n\tr.GET("/orders/:id", h.Show)\n}'],
    ]) {
      const p = project({
        'internal/routes/routes.go': `package routes\n\n${routes}\n`,
        'internal/handlers/orders.go': handlers,
        'openapi.yaml': openapi({ '/orders/{id}': { get: [200] } }),
      });
      assert.deepEqual(p.flagged('internal/handlers/orders.go'), ['http.StatusGone'], made);
    }
  });

  test("Express + TypeScript: a method of a controller instance (new OrdersController()), bound or not, is its class's method", () => {
    const controllers = `export class OrdersController {
  show(req: Request, res: Response) {
    res.status(410).end();
  }
}
export class UsersController {
  show(req: Request, res: Response) {
    res.status(418).end();
  }
}
`;
    for (const named of ['orders.show', 'orders.show.bind(orders)']) {
      const p = project({
        'src/routes.ts': `import { OrdersController } from './controllers';\nconst router = Router();\nconst orders = new OrdersController(service);\nrouter.get('/orders/:id', ${named});\n`,
        'src/controllers/index.ts': controllers,
        'openapi.yaml': openapi({ '/orders/{id}': { get: [200] } }),
      });
      assert.deepEqual(p.flagged('src/controllers/index.ts'), ['410'], named);
    }
  });

  test("Flask: add_url_rule's view_func, a method of a views instance (OrderViews()), is its class's method", () => {
    const p = project({
      'app/routes.py':
        "from app.views.orders import OrderViews\n\napp = Flask(__name__)\nviews = OrderViews()\napp.add_url_rule('/orders/<order_id>', view_func=views.show)\n",
      'app/views/orders.py': `class OrderViews:
    def show(self, order_id):
        abort(410)


class UserViews:
    def show(self, user_id):
        abort(418)
`,
      'openapi.yaml': openapi({ '/orders/{id}': { get: [200] } }),
    });
    assert.deepEqual(p.flagged('app/views/orders.py'), ['410']);
  });

  test('an inline handler that only hands the request to a named function is that function (JS/TS, Go, Python)', () => {
    const controllers = `export class OrdersController {
  show(req: Request, res: Response) {
    res.status(410).end();
  }
}
`;
    for (const wrapper of [
      '(req, res) => orders.show(req, res)',
      'async (req, res, next) => {\n  await orders.show(req, res);\n}',
      '(req, res) => new OrdersController().show(req, res)',
    ]) {
      const p = project({
        'src/routes.ts': `import { OrdersController } from './controllers';\nconst orders = new OrdersController();\nrouter.get('/orders/:id', ${wrapper});\n`,
        'src/controllers/index.ts': controllers,
        'openapi.yaml': openapi({ '/orders/{id}': { get: [200] } }),
      });
      assert.deepEqual(p.flagged('src/controllers/index.ts'), ['410'], wrapper);
    }
    const go = project({
      'internal/routes/routes.go':
        'package routes\n\nfunc Register(r *gin.Engine, h *handlers.OrderHandler) {\n\tr.GET("/orders/:id", func(c *gin.Context) {\n\t\th.Show(c)\n\t})\n}\n',
      'internal/handlers/orders.go': 'package handlers\n\nfunc (h *OrderHandler) Show(c *gin.Context) {\n\tc.Status(http.StatusGone)\n}\n',
      'openapi.yaml': openapi({ '/orders/{id}': { get: [200] } }),
    });
    assert.deepEqual(go.flagged('internal/handlers/orders.go'), ['http.StatusGone']);
    const python = project({
      'app/routes.py':
        "from app.views import orders\n\napp = Flask(__name__)\napp.add_url_rule('/orders/<order_id>', view_func=lambda order_id: orders.show(order_id))\n",
      'app/views/orders.py': 'def show(order_id):\n    abort(410)\n',
      'openapi.yaml': openapi({ '/orders/{id}': { get: [200] } }),
    });
    assert.deepEqual(python.flagged('app/views/orders.py'), ['410']);
  });

  test('a wrapper that makes the controller, then hands it the request; two classes of the name: the one imported', () => {
    const p = project({
      'src/routes.ts': `import Company from './controllers/company';
import CompanyService from './services/company';
app.get('/companies', (req: Request, res: Response, next: NextFunction) => {
  const company = new Company(new CompanyService())
  company.getAll(req, res, next)
})
`,
      'src/controllers/company.ts':
        'class Company {\n  async getAll(req: Request, res: Response): Promise<void> {\n    res.status(410).end()\n  }\n}\nexport default Company\n',
      'src/services/company.ts':
        'class Company {\n  async getAll(): Promise<void> {\n    throw new HttpError(418)\n  }\n}\nexport default Company\n',
      'openapi.yaml': openapi({ '/companies': { get: [200] } }),
    });
    assert.deepEqual(p.flagged('src/controllers/company.ts'), ['410']);
    assert.deepEqual(p.flagged('src/services/company.ts'), []);
  });

  test('TypeScript: a method written as a typed arrow property (getUser: RequestHandler = async (req, res) => {...}) is found', () => {
    const p = project({
      'src/routes.ts':
        "import { UserController } from './controllers/user';\nconst users = new UserController();\nrouter.get('/users/:id', users.getUser);\n",
      'src/controllers/user.ts':
        'export class UserController {\n  getUser: RequestHandler = async (req, res) => {\n    res.status(410).end();\n  };\n  other: Handler<Request, Response> = (req, res) => {\n    res.status(418).end();\n  };\n}\n',
      'openapi.yaml': openapi({ '/users/{id}': { get: [200] } }),
    });
    assert.deepEqual(p.flagged('src/controllers/user.ts'), ['410']);
  });

  test('an inline handler that does more, answers through a parameter, or passes no request on is the handler itself', () => {
    for (const wrapper of [
      '(req, res) => res.json(orders.list())',
      '(req, res) => {\n  audit(req);\n  orders.show(req, res);\n}',
      '(req, res) => orders.show()',
    ]) {
      const p = project({
        'src/routes.js': `const orders = require('./orders');\nrouter.get('/orders/:id', ${wrapper});\n`,
        'src/orders.js':
          'function show(req, res) { res.status(410).end(); }\nfunction list() { return []; }\nfunction json() { throw new HttpError(418); }\nmodule.exports = { show, list, json };\n',
        'openapi.yaml': openapi({ '/orders/{id}': { get: [200] } }),
      });
      assert.deepEqual(p.flagged('src/orders.js'), [], wrapper);
      assert.ok(p.index.routesOf('file:///project/src/routes.js')[0].handler, wrapper);
    }
  });

  test("Go: a method reached through a struct field, directly or through a variable, is the method of the field's declared type", () => {
    const files = {
      'internal/container/container.go':
        'package container\n\ntype App struct {\n\tSignatures *handler.SignatureHandler\n\tOrders     handler.OrderHandler `json:"orders"`\n}\n',
      'internal/handler/handlers.go':
        'package handler\n\nfunc (h *SignatureHandler) Verify(c *gin.Context) {\n\tc.Status(http.StatusGone)\n}\n\nfunc (h *OrderHandler) Verify(c *gin.Context) {\n\tc.Status(http.StatusTeapot)\n}\n',
      'openapi.yaml': openapi({ '/signatures/verify': { post: [200] } }),
    };
    for (const routes of [
      'func Register(r *gin.Engine, app *container.App) {\n\tr.POST("/signatures/verify", app.Signatures.Verify)\n}',
      'func Register(r *gin.Engine, app *container.App) {\n\tsignatures := app.Signatures\n\tr.POST("/signatures/verify", signatures.Verify)\n}',
    ]) {
      const p = project({ ...files, 'internal/routes/routes.go': `package routes\n\n${routes}\n` });
      assert.deepEqual(p.flagged('internal/handler/handlers.go'), ['http.StatusGone'], routes);
    }
    // Two structs give the field two types: which is meant is not known.
    const twice = project({
      ...files,
      'internal/container/other.go': 'package container\n\ntype Other struct {\n\tSignatures *handler.OrderHandler\n}\n',
      'internal/routes/routes.go':
        'package routes\n\nfunc Register(r *gin.Engine, app *container.App) {\n\tr.POST("/signatures/verify", app.Signatures.Verify)\n}\n',
    });
    assert.deepEqual(twice.flagged('internal/handler/handlers.go'), []);
  });

  test('Go: feature packages each with a Handler type: the package the routes file names tells them apart', () => {
    const feature = (pkg: string, code: string) =>
      `package ${pkg}\n\ntype Handler struct{}\n\nfunc NewHandler() *Handler { return &Handler{} }\n\nfunc (h *Handler) Get(c *gin.Context) {\n\tc.Status(${code})\n}\n`;
    const p = project({
      'internal/orders/handler.go': feature('orders', 'http.StatusGone'),
      'internal/users/handler.go': feature('users', 'http.StatusTeapot'),
      'cmd/api/main.go':
        'package main\n\nfunc main() {\n\to := orders.NewHandler()\n\tu := &users.Handler{}\n\tr.GET("/orders/:id", o.Get)\n\tr.GET("/users/:id", u.Get)\n}\n',
      'openapi.yaml': openapi({ '/orders/{id}': { get: [200] }, '/users/{id}': { get: [200, 418] } }),
    });
    assert.deepEqual(p.flagged('internal/orders/handler.go'), ['http.StatusGone']);
    assert.deepEqual(p.routes('internal/users/handler.go'), ['GET /users/{}']);
  });

  test("a member the routes class keeps (this.controller = new C(), a typed field, self.views = V()) names its class's method", () => {
    const controllers =
      'export class CatalogController {\n  findOne(req, res) {\n    res.status(410).end();\n  }\n}\nexport class OtherController {\n  findOne(req, res) {\n    res.status(418).end();\n  }\n}\n';
    for (const member of [
      'constructor() {\n    this.router = Router();\n    this.controller = new CatalogController();\n  }',
      'private controller: CatalogController = new CatalogController();',
    ]) {
      const p = project({
        'src/routes/catalog.ts': `import { CatalogController } from '../controllers';\nexport class CatalogRoutes {\n  ${member}\n  init() {\n    this.router.get('/catalog/:id', this.controller.findOne);\n  }\n}\n`,
        'src/controllers/index.ts': controllers,
        'openapi.yaml': openapi({ '/catalog/{id}': { get: [200] } }),
      });
      assert.deepEqual(p.flagged('src/controllers/index.ts'), ['410'], member);
    }
    const python = project({
      'app/routes.py':
        "from app.views.orders import OrderViews\n\n\nclass Routes:\n    def __init__(self, app):\n        self.views = OrderViews()\n        app.add_url_rule('/orders/<order_id>', view_func=self.views.show)\n",
      'app/views/orders.py':
        'class OrderViews:\n    def show(self, order_id):\n        abort(410)\n\n\nclass UserViews:\n    def show(self, user_id):\n        abort(418)\n',
      'openapi.yaml': openapi({ '/orders/{id}': { get: [200] } }),
    });
    assert.deepEqual(python.flagged('app/views/orders.py'), ['410']);
  });

  test('a variable the file makes of two classes names neither: nothing is guessed', () => {
    const p = project({
      'internal/routes/routes.go':
        'package routes\n\nfunc A(r *gin.Engine) {\n\th := handlers.NewOrderHandler()\n\tr.GET("/orders/:id", h.Show)\n}\n\nfunc B(r *gin.Engine) {\n\th := handlers.NewUserHandler()\n\tr.GET("/users/:id", h.Show)\n}\n',
      'internal/handlers/handlers.go':
        'package handlers\n\nfunc (h *OrderHandler) Show(c *gin.Context) {\n\tc.Status(http.StatusGone)\n}\n\nfunc (h *UserHandler) Show(c *gin.Context) {\n\tc.Status(http.StatusTeapot)\n}\n',
      'openapi.yaml': openapi({ '/orders/{id}': { get: [200] }, '/users/{id}': { get: [200] } }),
    });
    assert.deepEqual(p.flagged('internal/handlers/handlers.go'), []);
  });

  test('FastAPI: include_router of a module attribute', () => {
    const p = project({
      'app/routers/users.py': `router = APIRouter(prefix="/users")

@router.get("/{user_id}")
def read_user(user_id: int):
    raise HTTPException(status_code=410)
`,
      'app/main.py': 'from .routers import users\n\napp = FastAPI()\napp.include_router(users.router, prefix="/api")\n',
      'openapi.json': JSON.stringify(
        { openapi: '3.1.0', paths: { '/api/users/{user_id}': { get: { responses: { '200': { description: 'OK' } } } } } },
        null,
        2,
      ),
    });
    assert.deepEqual(p.routes('app/routers/users.py'), ['GET /api/users/{}']);
    assert.deepEqual(p.flagged('app/routers/users.py'), ['410']);
  });
});

describe('spec-status-never-returned (on)', () => {
  const on = defaultSettings();
  on.rules['spec-status-never-returned'] = 'info';
  const reported = (files: Record<string, string>) =>
    project(files)
      .diagnostics('openapi.yaml', on)
      .filter((d) => d.code === 'spec-status-never-returned')
      .map((d) => project(files).doc('openapi.yaml').getText(d.range));

  test('a declared code no handler produces; framework codes and an implicit 200 are exempt', () => {
    assert.deepEqual(reported({ 'a.js': handler, 'openapi.yaml': openapi({ '/orders/{id}': { get: [200, 404, 409, 410, 422] } }) }), [
      '409',
    ]);
  });

  test('an operation with a handler not read is not judged', () => {
    const code = "router.get('/orders/:id', elsewhere.show);";
    assert.deepEqual(reported({ 'a.js': code, 'openapi.yaml': openapi({ '/orders/{id}': { get: [200, 409] } }) }), []);
  });

  test('off by default', () => {
    const p = project({ 'a.js': handler, 'openapi.yaml': openapi({ '/orders/{id}': { get: [200, 409, 410] } }) });
    assert.deepEqual(p.diagnostics('openapi.yaml'), []);
  });
});
