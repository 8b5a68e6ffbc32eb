import { describe } from 'node:test';
import { handler, spec } from './confusions';
import { runScenarios } from './scenarios';

describe('424-for-conflict', () => {
  runScenarios('424-for-conflict', [
    {
      name: 'already exists',
      language: 'yaml',
      text: spec('An order with this reference already exists.', `'[[424]]'`, 'post', '/orders'),
      fixed: spec('An order with this reference already exists.', `'409'`, 'post', '/orders'),
    },
    { name: 'version mismatch', language: 'yaml', text: spec("'Version mismatch, reload and retry.'") },
    { name: 'optimistic locking', language: 'yaml', text: spec('Optimistic locking failure.') },
    {
      name: 'duplicate in a handler',
      language: 'javascript',
      text: handler('Duplicate email address'),
      fixed: handler('Duplicate email address', '409'),
    },
    { name: 'conflict already mapped to 409', language: 'yaml', text: spec('Conflict.', `'409'`) },
    {
      name: 'target code already present: explain, do not rename',
      language: 'yaml',
      text: spec('Already exists.').replace("        '200':\n          description: ok", "        '409':\n          description: Conflict"),
    },
  ]);

  // Pattern 3: the guarding condition (`if repo.exists(...)`), but not a negated one.
  runScenarios('424-for-conflict', [
    {
      name: 'Go: `if repo.Exists(...)`',
      language: 'go',
      text: `func create(w http.ResponseWriter, r *http.Request) {\n\tif repo.Exists(r.Context(), name) {\n\t\thttp.Error(w, "cannot create", [[424]])\n\t}\n}\n`,
    },
    {
      name: 'Go: a negated existence check is no conflict',
      language: 'go',
      text: `func create(w http.ResponseWriter, r *http.Request) {\n\tif !repo.Exists(r.Context(), name) {\n\t\thttp.Error(w, "cannot create", 424)\n\t}\n}\n`,
    },
    {
      name: 'Python: a version comparison',
      language: 'python',
      text: `def update(doc, body):\n    if doc.version != body["version"]:\n        abort([[424]])\n`,
    },
    {
      name: 'PHP: already in the condition',
      language: 'php',
      text: `<?php\nfunction store($r) {\n    if ($this->users->alreadyRegistered($r->email)) {\n        abort([[424]]);\n    }\n}\n`,
    },
  ]);

  // A message saying the resource is already in the state the request asks for: a conflict with its current state.
  runScenarios('424-for-conflict', [
    {
      name: 'Java: "You are already friends with this user"',
      language: 'java',
      text: `public ResponseEntity<String> befriend(Long id) {\n    if (friends.contains(id)) return new ResponseEntity<>("You are already friends with this user", [[HttpStatus.FAILED_DEPENDENCY]]);\n    return ResponseEntity.ok("added");\n}\n`,
    },
    {
      name: 'Java: "An instance is already running"',
      language: 'java',
      text: `@POST\npublic Response run() {\n    if (runner.isBusy()) return Response.status([[424]]).entity("This run has been skipped. An instance is already running.").build();\n    return Response.ok().build();\n}\n`,
    },
    {
      name: 'TypeScript: "already following"',
      language: 'typescript',
      text: `app.post('/follow/:id', async (req, res) => {\n  if (await follows.has(req.user, req.params.id)) return res.status([[424]]).json({ error: 'already following' });\n  res.status(201).end();\n});`,
    },
    {
      name: 'Go: "subscription already active"',
      language: 'go',
      text: `func subscribe(w http.ResponseWriter, r *http.Request) {\n\thttp.Error(w, "subscription already active", [[http.StatusFailedDependency]])\n}\n`,
    },
    {
      name: 'Python: "order already paid"',
      language: 'python',
      text: `def pay(order):\n    if order.paid:\n        abort([[424]], "order already paid")\n`,
    },
    {
      name: 'Python: a question about a missing session is no conflict',
      language: 'python',
      text: `def revoke(token):\n    if not session.delete():\n        return JSONResponse({"message": "No matching session, was it already revoked?"}, status_code=424)\n`,
    },
  ]);

  // The error caught names what went wrong, as a message would: a broken integrity constraint, an optimistic lock.
  runScenarios('424-for-conflict', [
    {
      name: 'Python: except IntegrityError',
      language: 'python',
      text: `def create_user(request):\n    try:\n        db.session.commit()\n    except IntegrityError:\n        return Response(status=[[424]])\n`,
    },
    {
      name: 'Java: catch (DataIntegrityViolationException e)',
      language: 'java',
      text: `public ResponseEntity<Void> save(Item item) {\n    try {\n        repository.save(item);\n    } catch (DataIntegrityViolationException e) {\n        return ResponseEntity.status([[HttpStatus.FAILED_DEPENDENCY]]).build();\n    }\n    return ResponseEntity.ok().build();\n}\n`,
    },
    {
      name: 'Java: the status annotation of an @ExceptionHandler(DataIntegrityViolationException.class)',
      language: 'java',
      text: `@ControllerAdvice\npublic class Errors {\n    @ExceptionHandler(DataIntegrityViolationException.class)\n    @ResponseStatus([[HttpStatus.FAILED_DEPENDENCY]])\n    public ErrorBody integrity(DataIntegrityViolationException e) {\n        return new ErrorBody(e.getMessage());\n    }\n}\n`,
    },
    {
      name: 'Kotlin: catch (e: OptimisticLockException)',
      language: 'kotlin',
      text: `fun update(id: Long, body: Item): ResponseEntity<Item> {\n    return try {\n        ResponseEntity.ok(service.update(id, body))\n    } catch (e: OptimisticLockException) {\n        ResponseEntity.status([[HttpStatus.FAILED_DEPENDENCY]]).build()\n    }\n}\n`,
    },
    {
      name: 'C#: catch (DuplicateNameException)',
      language: 'csharp',
      text: `public IActionResult Add(Tag tag) {\n    try {\n        _tags.Add(tag);\n    } catch (DuplicateNameException) {\n        return StatusCode([[424]]);\n    }\n    return Ok();\n}\n`,
    },
    {
      name: 'PHP: catch (UniqueConstraintViolationException $e)',
      language: 'php',
      text: `<?php\nfunction store($r) {\n    try {\n        $this->users->create($r->all());\n    } catch (UniqueConstraintViolationException $e) {\n        return response()->json([], [[424]]);\n    }\n}\n`,
    },
    {
      name: 'Ruby: rescue ActiveRecord::RecordNotUnique',
      language: 'ruby',
      text: `def create\n  User.create!(user_params)\nrescue ActiveRecord::RecordNotUnique\n  head [[424]]\nend\n`,
    },
    {
      name: 'Java: a caught error that names no conflict says nothing of one',
      language: 'java',
      text: `public ResponseEntity<Void> save(Item item) {\n    try {\n        repository.save(item);\n    } catch (IllegalArgumentException e) {\n        return ResponseEntity.status(HttpStatus.FAILED_DEPENDENCY).build();\n    }\n    return ResponseEntity.ok().build();\n}\n`,
    },
  ]);

  // From the judgement corpus: the handler's declaration says what its 424 means.
  runScenarios('424-for-conflict', [
    {
      name: 'Python/FastAPI: a declared race condition, for the declared key and the 424 the handler sets',
      language: 'python',
      text: `@router.delete(\n    "/session",\n    responses={[[424]]: {"description": "probably a race condition with simultaneous revoke attempts"}},\n)\ndef revoke(response: Response):\n    if not session.delete():\n        response.status_code = [[status.HTTP_424_FAILED_DEPENDENCY]]\n`,
    },
  ]);
  // A delete refused because other records still refer to the resource: a conflict with its state (judgement round 10).
  runScenarios('424-for-conflict', [
    {
      name: 'Java: "cannot be deleted because it is referred by other resources"',
      language: 'java',
      text: `void delete(Long id) {\n    if (graphs.isReferred(id))\n        throw new ResponseStatusException([[HttpStatus.FAILED_DEPENDENCY]], "A graph cannot be deleted because it is referred by other resources: delete them first.");\n}\n`,
    },
    {
      name: 'Ruby: rescue ActiveRecord::DeleteRestrictionError',
      language: 'ruby',
      text: `def destroy\n  @gateway.destroy\nrescue ActiveRecord::DeleteRestrictionError => e\n  render json: { error: e.message }, status: [[:failed_dependency]]\nend\n`,
    },
    {
      name: 'PHP: catch Doctrine ForeignKeyConstraintViolationException',
      language: 'php',
      text: `<?php\nfunction delete($id) {\n    try {\n        $this->em->remove($category);\n        $this->em->flush();\n    } catch (ForeignKeyConstraintViolationException $e) {\n        return new JsonResponse(null, [[Response::HTTP_FAILED_DEPENDENCY]]);\n    }\n}\n`,
    },
    {
      name: 'Python: "still referenced by open orders"',
      language: 'python',
      text: `def delete_product(pk):\n    if Order.objects.filter(product=pk, open=True).exists():\n        abort([[424]], "product is still referenced by open orders")\n`,
    },
    {
      name: 'TypeScript: "category is referenced by other products"',
      language: 'typescript',
      text: `app.delete('/categories/:id', async (req, res) => {\n  if (await products.count({ category: req.params.id })) return res.status([[424]]).json({ error: 'category is referenced by other products' });\n  res.status(204).end();\n});\n`,
    },
    {
      name: 'Go: "foreign key constraint fails"',
      language: 'go',
      text: `func deleteTeam(w http.ResponseWriter, r *http.Request) {\n\tif err := store.DeleteTeam(id); err != nil {\n\t\thttp.Error(w, "foreign key constraint fails: team has members", [[http.StatusFailedDependency]])\n\t}\n}\n`,
    },
  ]);
  // A resource in the wrong state for the action conflicts with its current state (judgement round 12: "wrong state").
  runScenarios('424-for-conflict', [
    {
      name: 'Kotlin: "wrong state"',
      language: 'kotlin',
      text: `suspend fun withdraw(call: ApplicationCall) {\n    call.respond([[HttpStatusCode.FailedDependency]], "wrong state")\n}\n`,
    },
    {
      name: 'Java: "Order is in an incorrect state"',
      language: 'java',
      text: `ResponseEntity<?> ship(long id) {\n    return ResponseEntity.status([[HttpStatus.FAILED_DEPENDENCY]]).body("Order is in an incorrect state");\n}\n`,
    },
    {
      name: 'Python: "wrong state for publishing"',
      language: 'python',
      text: `def publish(draft):\n    return JsonResponse({"error": "draft is in the wrong state for publishing"}, status=[[424]])\n`,
    },
    {
      name: 'Go: "wrong state"',
      language: 'go',
      text: `func Approve(w http.ResponseWriter, r *http.Request) {\n\thttp.Error(w, "request in wrong state", [[http.StatusFailedDependency]])\n}\n`,
    },
  ]);
  // An existence check further out is the context of a branch further in, not its reason (judgement round 12:
  // `if (repo.existsById(id)) { if (owner) {...} else { 424 "No permission" } }`).
  runScenarios('424-for-conflict', [
    {
      name: 'Java: else of an ownership check inside existsById',
      language: 'java',
      text: `ResponseEntity<?> delete(Long id, User user) {\n    if (repo.existsById(id)) {\n        if (repo.findById(id).get().getUser().equals(user)) {\n            return ResponseEntity.ok().build();\n        } else {\n            return ResponseEntity.status(HttpStatus.FAILED_DEPENDENCY).body("No permission to delete this post");\n        }\n    }\n    return ResponseEntity.notFound().build();\n}\n`,
    },
    {
      name: 'Python: else of an ownership check inside exists()',
      language: 'python',
      text: `def delete(post_id, user):\n    if Post.objects.filter(id=post_id).exists():\n        if post.owner == user:\n            post.delete()\n        else:\n            return Response(status=424)\n`,
    },
    {
      name: 'Go: else inside an Exists branch',
      language: 'go',
      text: `func Delete(w http.ResponseWriter, r *http.Request) {\n\tif repo.Exists(id) {\n\t\tif owner == user {\n\t\t\trepo.Delete(id)\n\t\t} else {\n\t\t\tw.WriteHeader(http.StatusFailedDependency)\n\t\t}\n\t}\n}\n`,
    },
    {
      name: 'TypeScript: right inside the exists branch it still is one',
      language: 'typescript',
      text: `async function create(res: Response) {\n  if (await repo.exists({ name })) {\n    return res.status([[424]]).json({ error: 'cannot create' });\n  }\n}\n`,
    },
  ]);
});
