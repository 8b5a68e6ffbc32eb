/**
 * Every framework of data/routes.json as a two-file project (handlers + spec): the routes read, with their
 * prefixes, and the statuses status-not-in-spec reports against the operation each route joins.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { openapi, project } from './helpers';

interface Scenario {
  name: string;
  file: string;
  code: string;
  spec: string;
  routes: string[];
  flagged: string[];
}

const ordersSpec = openapi({ '/api/orders/{id}': { get: [200, 404] }, '/api/orders': { post: [201, 400] } });

const scenarios: Scenario[] = [
  {
    name: 'Express: a router mounted under a prefix, inline and named handlers',
    file: 'src/orders.js',
    code: `const express = require('express');
const router = express.Router();
router.get('/orders/:id', async (req, res) => {
  if (!order) return res.status(404).json({ error: 'not found' });
  res.status(410).json({ error: 'gone' });
});
router.post('/orders', validate, createOrder);
async function createOrder(req, res) {
  if (exists) return res.status(409).send('duplicate');
  res.status(201).json(order);
}
const app = express();
app.use('/api', router);`,
    spec: ordersSpec,
    routes: ['GET /api/orders/{}', 'POST /api/orders'],
    flagged: ['410', '409'],
  },
  {
    name: "Express: router.route('/x').get(h).post(h)",
    file: 'src/chain.js',
    code: `const router = express.Router();
router.route('/api/orders/:id')
  .get((req, res) => res.status(404).end())
  .put(auth, (req, res) => res.status(423).end());
router.route('/api/orders').post(createOrder);
function createOrder(req, res) { res.status(201).end(); }`,
    spec: ordersSpec,
    routes: ['GET /api/orders/{}', 'POST /api/orders', 'PUT /api/orders/{}'],
    flagged: [],
  },
  {
    name: 'Fastify: fastify.route({ method, url, handler })',
    file: 'src/fastify.ts',
    code: `fastify.route({
  method: 'GET',
  url: '/api/orders/:id',
  schema: { params: {} },
  handler: async (request, reply) => {
    reply.code(410).send();
  },
});`,
    spec: ordersSpec,
    routes: ['GET /api/orders/{}'],
    flagged: ['410'],
  },
  {
    name: 'Koa router: the prefix option',
    file: 'src/orders.ts',
    code: `const router = new Router({ prefix: '/api/orders' });
router.get('/:id', async (ctx) => {
  ctx.status = 404;
  ctx.throw(451, 'blocked');
});`,
    spec: ordersSpec,
    routes: ['GET /api/orders/{}'],
    flagged: ['451'],
  },
  {
    name: 'Fastify: shorthand routes on the instance',
    file: 'src/server.ts',
    code: `fastify.get('/api/orders/:id', async (request, reply) => {
  return reply.code(418).send();
});`,
    spec: ordersSpec,
    routes: ['GET /api/orders/{}'],
    flagged: ['418'],
  },
  {
    name: 'Hono: basePath',
    file: 'src/index.ts',
    code: `const app = new Hono().basePath('/api');
app.get('/orders/:id', (c) => c.json({ error: 'nope' }, 403));
app.post('/orders', (c) => c.json(order, 201));`,
    spec: ordersSpec,
    routes: ['GET /api/orders/{}', 'POST /api/orders'],
    flagged: ['403'],
  },
  {
    name: 'NestJS: @Controller prefix + @Get(":id")',
    file: 'src/orders.controller.ts',
    code: `@Controller('api/orders')
export class OrdersController {
  @Get(':id')
  findOne(@Param('id') id: string) {
    throw new HttpException('locked', HttpStatus.LOCKED);
  }
  @Post()
  create(@Body() body: CreateOrder) {
    throw new HttpException('bad', HttpStatus.BAD_REQUEST);
  }
}`,
    spec: ordersSpec,
    routes: ['GET /api/orders/{}', 'POST /api/orders'],
    flagged: ['HttpStatus.LOCKED'],
  },
  {
    name: 'Flask: a blueprint with url_prefix and @bp.route methods',
    file: 'app/orders.py',
    code: `orders = Blueprint("orders", __name__, url_prefix="/api/orders")

@orders.route("/<int:order_id>", methods=["GET"])
def get_order(order_id):
    abort(404)
    return {"error": "gone"}, 410

@orders.post("")
def create_order():
    abort(409)
`,
    spec: ordersSpec,
    routes: ['GET /api/orders/{}', 'POST /api/orders'],
    flagged: ['410', '409'],
  },
  {
    name: "Flask: register_blueprint(url_prefix=) replaces the blueprint's own prefix",
    file: 'app/__init__.py',
    code: `orders = Blueprint("orders", __name__, url_prefix="/v1/orders")

@orders.get("/<int:order_id>")
def get_order(order_id):
    abort(451)

app.register_blueprint(orders, url_prefix="/api/orders")
`,
    spec: ordersSpec,
    routes: ['GET /api/orders/{}'],
    flagged: ['451'],
  },
  {
    name: 'FastAPI: APIRouter(prefix=) included with a prefix, status_code= on the decorator',
    file: 'app/main.py',
    code: `router = APIRouter(prefix="/orders")

@router.get("/{order_id}")
async def read_order(order_id: int):
    raise HTTPException(status_code=404)
    raise HTTPException(status_code=423, detail="locked")

@router.post("", status_code=202)
async def create_order():
    pass

app.include_router(router, prefix="/api")
`,
    spec: ordersSpec,
    routes: ['GET /api/orders/{}', 'POST /api/orders'],
    flagged: ['423', '202'],
  },
  {
    name: 'Django: path() with a function view and a class-based view',
    file: 'shop/urls.py',
    code: `urlpatterns = [
    path("api/orders/<int:pk>/", order_detail),
    path("api/orders/", OrderList.as_view()),
]

def order_detail(request, pk):
    return Response(status=status.HTTP_410_GONE)

class OrderList(APIView):
    def post(self, request):
        return Response(status=status.HTTP_201_CREATED)
`,
    spec: ordersSpec,
    routes: [
      'DELETE /api/orders',
      'GET /api/orders',
      'PATCH /api/orders',
      'POST /api/orders',
      'PUT /api/orders',
      '* /api/orders/{}',
    ].sort(),
    flagged: ['status.HTTP_410_GONE'],
  },
  {
    name: 'Django REST framework: router.register with a viewset',
    file: 'shop/views.py',
    code: `router = DefaultRouter()
router.register(r"api/orders", OrderViewSet)

class OrderViewSet(viewsets.ModelViewSet):
    def retrieve(self, request, pk=None):
        return Response(status=status.HTTP_423_LOCKED)
`,
    spec: ordersSpec,
    routes: [
      'DELETE /api/orders/{}',
      'GET /api/orders',
      'GET /api/orders/{}',
      'PATCH /api/orders/{}',
      'POST /api/orders',
      'PUT /api/orders/{}',
    ],
    flagged: ['status.HTTP_423_LOCKED'],
  },
  {
    name: 'Spring MVC: class @RequestMapping + @GetMapping, and RequestMapping(method=)',
    file: 'src/main/java/OrderController.java',
    code: `@RestController
@RequestMapping("/api/orders")
@AllArgsConstructor
@Tag(name = "Orders")
public class OrderController {
    @GetMapping("/{id}")
    @Operation(summary = "Find", responses = { @ApiResponse(responseCode = "200", content = {@Content(schema = @Schema())}) })
    public ResponseEntity<Order> get(@PathVariable Long id) {
        return ResponseEntity.status(HttpStatus.GONE).build();
    }
    @RequestMapping(method = RequestMethod.POST)
    public ResponseEntity<Order> create(@RequestBody Order order) {
        return ResponseEntity.status(HttpStatus.CREATED).body(order);
    }
}`,
    spec: ordersSpec,
    routes: ['GET /api/orders/{}', 'POST /api/orders'],
    flagged: ['HttpStatus.GONE'],
  },
  {
    name: 'JAX-RS: class @Path + @GET @Path("{id}")',
    file: 'src/main/java/OrderResource.java',
    code: `import jakarta.ws.rs.core.Response;

@Path("/api/orders")
public class OrderResource {
    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        return Response.status(409).build();
    }
}`,
    spec: ordersSpec,
    routes: ['GET /api/orders/{}'],
    flagged: ['409'],
  },
  {
    name: 'Spring MVC in Kotlin',
    file: 'src/main/kotlin/OrderController.kt',
    code: `@RestController
@RequestMapping("/api/orders")
class OrderController {
    @GetMapping("/{id}")
    fun get(@PathVariable id: Long): ResponseEntity<Order> {
        return ResponseEntity.status(HttpStatus.LOCKED).build()
    }
}`,
    spec: ordersSpec,
    routes: ['GET /api/orders/{}'],
    flagged: ['HttpStatus.LOCKED'],
  },
  {
    name: 'Ktor: routing { route("/api") { get("/orders/{id}") { } } }',
    file: 'src/main/kotlin/Routes.kt',
    code: `fun Application.module() {
    routing {
        route("/api") {
            get("/orders/{id}") {
                call.respond(HttpStatusCode.Gone)
            }
            post("/orders") {
                call.respond(HttpStatusCode.Created)
            }
        }
    }
}`,
    spec: ordersSpec,
    routes: ['GET /api/orders/{}', 'POST /api/orders'],
    flagged: ['HttpStatusCode.Gone'],
  },
  {
    name: 'Go net/http 1.22 patterns',
    file: 'main.go',
    code: `func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/orders/{id}", getOrder)
	mux.HandleFunc("POST /api/orders", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusCreated)
	})
}

func getOrder(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusGone)
}`,
    spec: ordersSpec,
    routes: ['GET /api/orders/{}', 'POST /api/orders'],
    flagged: ['http.StatusGone'],
  },
  {
    name: 'gorilla/mux: .Methods() chained; a handler wrapped in middleware',
    file: 'routes.go',
    code: `func routes(r *mux.Router, h *Handler) {
	r.HandleFunc("/api/orders/{id}", auth(h.GetOrder)).Methods("GET")
	r.HandleFunc("/api/orders", h.CreateOrder).Methods(http.MethodPost)
}

func (h *Handler) GetOrder(w http.ResponseWriter, r *http.Request) {
	writeError(w, http.StatusGone, "gone")
}

func (h *Handler) CreateOrder(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusCreated)
}`,
    spec: ordersSpec,
    routes: ['GET /api/orders/{}', 'POST /api/orders'],
    flagged: ['http.StatusGone'],
  },
  {
    name: 'gin: groups',
    file: 'router.go',
    code: `func Setup(r *gin.Engine, h *Handler) {
	api := r.Group("/api")
	orders := api.Group("/orders")
	orders.GET("/:id", h.GetOrder)
}

func (h *Handler) GetOrder(c *gin.Context) {
	c.JSON(http.StatusNotFound, nil)
	c.JSON(http.StatusLocked, nil)
}`,
    spec: ordersSpec,
    routes: ['GET /api/orders/{}'],
    flagged: ['http.StatusLocked'],
  },
  {
    name: 'echo: a group',
    file: 'server.go',
    code: `func routes(e *echo.Echo) {
	g := e.Group("/api")
	g.POST("/orders", func(c echo.Context) error {
		return c.JSON(http.StatusAccepted, nil)
	})
}`,
    spec: ordersSpec,
    routes: ['POST /api/orders'],
    flagged: ['http.StatusAccepted'],
  },
  {
    name: 'chi: r.Route with a callback',
    file: 'chi.go',
    code: `func routes(r chi.Router) {
	r.Route("/api/orders", func(r chi.Router) {
		r.Get("/{id}", func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusTeapot)
		})
	})
}`,
    spec: ordersSpec,
    routes: ['GET /api/orders/{}'],
    flagged: ['http.StatusTeapot'],
  },
  {
    name: 'fiber: a group',
    file: 'fiber.go',
    code: `func routes(app *fiber.App) {
	api := app.Group("/api")
	api.Get("/orders/:id", func(c *fiber.Ctx) error {
		return c.SendStatus(fiber.StatusGone)
	})
}`,
    spec: ordersSpec,
    routes: ['GET /api/orders/{}'],
    flagged: ['fiber.StatusGone'],
  },
  {
    name: 'ASP.NET attribute routes: [Route("api/[controller]")] + [HttpGet("{id:int}")]',
    file: 'Controllers/OrdersController.cs',
    code: `[ApiController]
[Route("api/[controller]")]
public class OrdersController : ControllerBase
{
    [HttpGet("{id:int}")]
    public IActionResult Get(int id)
    {
        return StatusCode(StatusCodes.Status410Gone);
    }

    [HttpPost]
    public IActionResult Create(Order order) => StatusCode(StatusCodes.Status201Created);
}`,
    spec: ordersSpec,
    routes: ['GET /api/orders/{}', 'POST /api/orders'],
    flagged: ['StatusCodes.Status410Gone'],
  },
  {
    name: 'ASP.NET minimal APIs: MapGroup + MapGet',
    file: 'Program.cs',
    code: `var api = app.MapGroup("/api");
api.MapGet("/orders/{id}", (int id) => Results.StatusCode(StatusCodes.Status423Locked));`,
    spec: ordersSpec,
    routes: ['GET /api/orders/{}'],
    flagged: ['StatusCodes.Status423Locked'],
  },
  {
    name: 'Laravel: Route::prefix()->group() with a closure and a controller method',
    file: 'routes/web.php',
    code: `<?php
Route::prefix('api')->group(function () {
    Route::get('/orders/{id}', [OrderController::class, 'show']);
    Route::post('/orders', function () {
        abort(409);
    });
});

class OrderController extends Controller
{
    public function show($id)
    {
        abort(404);
        return response()->json([], 410);
    }
}`,
    spec: ordersSpec,
    routes: ['GET /api/orders/{}', 'POST /api/orders'],
    flagged: ['409', '410'],
  },
  {
    name: 'Laravel: routes/api.php is served under /api',
    file: 'routes/api.php',
    code: `<?php
Route::get('/orders/{id}', fn ($id) => abort(410));`,
    spec: ordersSpec,
    routes: ['GET /api/orders/{}'],
    flagged: ['410'],
  },
  {
    name: 'Hono: a sub-app on "" mounted from another file is the path itself',
    file: 'src/orders.ts',
    code: `const orders = new Hono();
orders.post('', (c) => c.json({ error: 'locked' }, 423));
export default orders;`,
    spec: ordersSpec,
    routes: ['POST /'],
    flagged: [],
  },
  {
    name: 'Sinatra: get "/x" do ... end',
    file: 'app.rb',
    code: `get '/api/orders/:id' do
  halt 410
end
`,
    spec: ordersSpec,
    routes: ['GET /api/orders/{}'],
    flagged: ['410'],
  },
];

describe('routes joined to a spec, per framework', () => {
  for (const scenario of scenarios) {
    test(scenario.name, () => {
      const p = project({ [scenario.file]: scenario.code, 'openapi.yaml': scenario.spec });
      assert.deepEqual(p.routes(scenario.file), [...scenario.routes].sort());
      assert.deepEqual(p.flagged(scenario.file), scenario.flagged);
    });
  }
});

describe('Rails: routes.rb joined to the controller in another file', () => {
  test('namespace + resources with only:, and get ... to:', () => {
    const p = project({
      'config/routes.rb': `Rails.application.routes.draw do
  namespace :api do
    resources :orders, only: [:show, :create]
    get "health", to: "status#health"
  end
end
`,
      'app/controllers/api/orders_controller.rb': `class OrdersController < ApplicationController
  def show
    head :gone
  end

  def create
    render json: order, status: :created
  end
end
`,
      'openapi.yaml': openapi({ '/api/orders/{id}': { get: [200] }, '/api/orders': { post: [201] } }),
    });
    assert.deepEqual(p.routes('app/controllers/api/orders_controller.rb'), ['GET /api/orders/{}', 'POST /api/orders']);
    assert.deepEqual(p.flagged('app/controllers/api/orders_controller.rb'), [':gone']);
  });
});

describe('Hono sub-app mounted from another file', () => {
  test("app.route('/api/orders', orders) gives the sub-app's '' route its path", () => {
    const p = project({
      'src/orders.ts': "const orders = new Hono();\norders.post('', (c) => c.json({ error: 'locked' }, 423));\nexport default orders;",
      'src/index.ts': "import orders from './orders';\nconst app = new Hono();\napp.route('/api/orders', orders);",
      'openapi.yaml': ordersSpec,
    });
    assert.deepEqual(p.routes('src/orders.ts'), ['POST /api/orders']);
    assert.deepEqual(p.flagged('src/orders.ts'), ['423']);
  });
});

describe('Laravel resources across files', () => {
  test('Route::apiResource names the controller; its methods are the handlers', () => {
    const p = project({
      'routes/api.php': `<?php\nRoute::apiResource('orders', OrderController::class);\n`,
      'app/Http/Controllers/OrderController.php': `<?php
class OrderController extends Controller
{
    public function show($id) { abort(423); }
    public function store() { return response()->json([], 201); }
}`,
      'openapi.yaml': ordersSpec,
    });
    assert.deepEqual(p.flagged('app/Http/Controllers/OrderController.php'), ['423']);
  });
});
