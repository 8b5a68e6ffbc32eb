/**
 * `node --import tsx bench/routes.ts [--files 5000]`: the route index and the join (issue 17) on a large
 * generated tree: handler files of several frameworks (Express, FastAPI, Spring, gin) with one spec
 * declaring every route. Measures building the ProjectIndex (read routes, resolve handlers, read the spec),
 * the join with status-not-in-spec over every file, and the heap the index keeps, against the workspace
 * index's budget (issue 16: >= 5,000 files/s on 2 cores). Documents are in memory: no disk time is counted.
 */
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ProjectIndex } from '../server/src/routes';
import { defaultSettings, getLanguageService } from '../server/src/service';

const count = Number(process.argv[process.argv.indexOf('--files') + 1]) || 5000;

function handler(i: number): { path: string; languageId: string; text: string; route: string; method: string } {
  const pad = ' '.repeat(2);
  switch (i % 4) {
    case 0:
      return {
        path: `src/routes/r${i}.js`,
        languageId: 'javascript',
        method: 'get',
        route: `/r${i}/{id}`,
        text: `const router = require('express').Router();\nrouter.get('/r${i}/:id', async (req, res) => {\n${pad}if (!req.user) return res.status(401).end();\n${pad}const item = await db.find(req.params.id);\n${pad}if (!item) return res.status(404).json({ error: 'not found' });\n${pad}res.status(${i % 8 === 0 ? 410 : 200}).json(item);\n});\nmodule.exports = router;\n`,
      };
    case 1:
      return {
        path: `app/r${i}.py`,
        languageId: 'python',
        method: 'post',
        route: `/r${i}`,
        text: `router = APIRouter(prefix="/r${i}")\n\n@router.post("", status_code=201)\nasync def create_${i}(body: Body):\n    if exists(body):\n        raise HTTPException(status_code=409, detail="exists")\n    return save(body)\n`,
      };
    case 2:
      return {
        path: `src/main/java/R${i}Controller.java`,
        languageId: 'java',
        method: 'delete',
        route: `/r${i}/{id}`,
        text: `@RestController\n@RequestMapping("/r${i}")\npublic class R${i}Controller {\n    @DeleteMapping("/{id}")\n    public ResponseEntity<Void> delete(@PathVariable Long id) {\n        if (!repo.exists(id)) return ResponseEntity.status(HttpStatus.NOT_FOUND).build();\n        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();\n    }\n}\n`,
      };
    default:
      return {
        path: `internal/r${i}.go`,
        languageId: 'go',
        method: 'put',
        route: `/r${i}/{id}`,
        text: `package api\n\nfunc Routes${i}(r *gin.Engine) {\n\tg := r.Group("/r${i}")\n\tg.PUT("/:id", func(c *gin.Context) {\n\t\tc.JSON(http.StatusConflict, nil)\n\t})\n}\n`,
      };
  }
}

const service = getLanguageService();
const files = Array.from({ length: count }, (_, i) => handler(i));
const spec = ['openapi: 3.0.3', 'info: { title: bench, version: "1" }', 'paths:'];
for (const f of files)
  spec.push(
    `  ${f.route}:`,
    `    ${f.method}:`,
    '      responses:',
    "        '200':",
    '          description: OK',
    "        '404':",
    '          description: Not found',
  );
const documents = files.map((f, i) => TextDocument.create(`file:///bench/${f.path}`, f.languageId, i, f.text));
documents.push(TextDocument.create('file:///bench/openapi.yaml', 'yaml', 1, spec.join('\n') + '\n'));

const heapBefore = process.memoryUsage().heapUsed;
// CPU time beside wall time: on a shared machine the wall clock counts other processes' turns.
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const index = new ProjectIndex(service, documents);
const t1 = performance.now();
const cpu1 = process.cpuUsage(cpu0);
global.gc?.();
const heapIndex = process.memoryUsage().heapUsed - heapBefore;
const settings = defaultSettings();
if (process.argv.includes('--never-returned')) settings.rules['spec-status-never-returned'] = 'info';
let findings = 0;
const cpu2start = process.cpuUsage();
for (const document of documents) findings += service.doProjectValidation(document, index, settings).length;
const t2 = performance.now();
const cpu2 = process.cpuUsage(cpu2start);
const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

const perSecond = (ms: number) => Math.round((documents.length / ms) * 1000);
console.log(
  `files: ${documents.length} (${count} handlers + 1 spec, ${(spec.join('\n').length / 1e6).toFixed(1)} MB), routes: ${index.routeCount}`,
);
console.log(
  `index (routes, handlers, spec operations): ${(t1 - t0).toFixed(0)} ms wall, ${cpuMs(cpu1).toFixed(0)} ms CPU = ${perSecond(cpuMs(cpu1))} files/s of CPU`,
);
console.log(
  `join + status-not-in-spec over every file (scans included): ${(t2 - t1).toFixed(0)} ms wall, ${cpuMs(cpu2).toFixed(0)} ms CPU = ${perSecond(cpuMs(cpu2))} files/s of CPU; ${findings} findings`,
);
console.log(
  `heap after building the index: ${global.gc ? (heapIndex / 1e6).toFixed(1) + ' MB' : 'run with --expose-gc'} (${global.gc ? ((heapIndex / 1e6 / documents.length) * 1000).toFixed(1) + ' MB per 1,000 files' : ''})`,
);
