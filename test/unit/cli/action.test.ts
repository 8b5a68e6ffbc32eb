// The GitHub Action (action.yml), without GitHub: each `run` step of the composite action is executed here
// as the runner would (its `env` with `${{ inputs.* }}` filled in, GITHUB_ACTION_PATH, GITHUB_PATH,
// GITHUB_OUTPUT and RUNNER_TEMP set, the step's working directory), with the CLI installed from a tarball of
// this checkout; the upload step is checked for what it is given and when it runs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'yaml';
import { makeTree, root } from './helpers';

interface Step {
  name: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
  'working-directory'?: string;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(fs.readFileSync(path.join(root, 'action.yml'), 'utf8')) as Action;
const LOCK = "app.put('/x', (req, res) => res.status(424).send('The order is locked by another user'));\n";

/** `${{ inputs.x }}` and `${{ steps.id.outputs.y }}` filled in; anything else in `${{ }}` is an error here. */
function expand(text: string, inputs: Record<string, string>, outputs: Record<string, Record<string, string>>): string {
  return text.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expression: string) => {
    const input = /^inputs\.([\w-]+)$/.exec(expression);
    if (input) return inputs[input[1]] ?? '';
    const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
    if (output) return outputs[output[1]]?.[output[2]] ?? '';
    throw new Error(`unexpected expression ${expression}`);
  });
}

let tarball = '';
let scratch = '';

/** Runs every `run` step in order, as the runner does, until one fails. */
function runAction(workspace: string, given: Record<string, string>) {
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs)) inputs[name] = given[name] ?? spec.default ?? '';
  const temp = fs.mkdtempSync(path.join(scratch, 'runner-'));
  const githubPath = path.join(temp, 'path');
  fs.writeFileSync(githubPath, '');
  const outputs: Record<string, Record<string, string>> = {};
  let extraPath = '';
  const ran: { name: string; code: number; stdout: string; stderr: string }[] = [];
  for (const step of action.runs.steps) {
    if (!step.run) continue;
    const outputFile = path.join(temp, `output-${ran.length}`);
    fs.writeFileSync(outputFile, '');
    const env: NodeJS.ProcessEnv = {
      PATH: `${extraPath}${process.env.PATH}`,
      HOME: process.env.HOME,
      npm_config_cache: process.env.npm_config_cache,
      GITHUB_ACTION_PATH: root,
      GITHUB_PATH: githubPath,
      GITHUB_OUTPUT: outputFile,
      GITHUB_WORKSPACE: workspace,
      RUNNER_TEMP: temp,
    };
    for (const [key, value] of Object.entries(step.env ?? {})) env[key] = expand(value, inputs, outputs);
    const cwd = path.resolve(workspace, expand(step['working-directory'] ?? '.', inputs, outputs));
    assert.equal(step.shell, 'bash');
    const result = spawnSync('bash', ['-eo', 'pipefail', '-c', step.run], { cwd, env, encoding: 'utf8' });
    ran.push({ name: step.name, code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr });
    if (step.id) {
      outputs[step.id] = Object.fromEntries(
        fs
          .readFileSync(outputFile, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
      );
    }
    extraPath = fs
      .readFileSync(githubPath, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((dir) => `${dir}:`)
      .join('');
    if (result.status !== 0) break;
  }
  const output = Object.fromEntries(Object.entries(action.outputs).map(([name, spec]) => [name, expand(spec.value, inputs, outputs)]));
  return { ran, output, inputs, outputs };
}

describe('the GitHub Action (action.yml), its run steps executed directly', () => {
  before(() => {
    scratch = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'hsl-action-')));
    const packed = spawnSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', scratch], { cwd: root, encoding: 'utf8' });
    assert.equal(packed.status, 0, packed.stderr);
    tarball = path.join(scratch, (JSON.parse(packed.stdout) as { filename: string }[])[0].filename);
  });
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  test('a composite action: install, lint, then upload SARIF when asked', () => {
    assert.equal(action.runs.using, 'composite');
    assert.deepEqual(
      action.runs.steps.map((s) => s.name),
      ['Install http-status-lens', 'Lint', 'Upload SARIF to code scanning'],
    );
    const upload = action.runs.steps[2];
    assert.match(upload.uses!, /^github\/codeql-action\/upload-sarif@v\d+$/);
    assert.deepEqual(upload.with, { sarif_file: '${{ steps.lint.outputs.sarif }}', category: '${{ inputs.category }}' });
    assert.match(upload.if!, /always\(\)/, 'uploads also when the lint step failed on findings');
    assert.match(upload.if!, /inputs\.upload-sarif == 'true'/);
    for (const step of action.runs.steps)
      for (const value of Object.values(step.env ?? {})) {
        const name = /inputs\.([\w-]+)/.exec(value)?.[1];
        if (name) assert.ok(name in action.inputs, `${step.name} reads an input that is not declared: ${name}`);
      }
  });

  test('annotates each finding and fails on warnings over the limit (0 by default)', () => {
    const workspace = makeTree({ 'src/orders.ts': LOCK, 'src/ok.ts': 'res.status(423);\n' });
    const { ran } = runAction(workspace, { package: tarball, paths: 'src' });
    assert.deepEqual(
      ran.map((r) => [r.name, r.code]),
      [
        ['Install http-status-lens', 0],
        ['Lint', 1],
      ],
      ran.map((r) => r.stderr).join('\n'),
    );
    assert.match(ran[1].stdout, /^::warning file=src\/orders\.ts,line=1,col=40,endLine=1,endColumn=43,title=424-for-lock::/m);
  });

  test('writes SARIF for the upload step, and honours a baseline', () => {
    const workspace = makeTree({ 'a.ts': LOCK, 'b.ts': LOCK.replace('/x', '/y') });
    const baseline = spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), 'lint', '--write-baseline', 'baseline.json', 'a.ts'], {
      cwd: workspace,
    });
    assert.equal(baseline.status, 0);
    const { ran, output } = runAction(workspace, {
      package: tarball,
      sarif: 'report.sarif',
      baseline: 'baseline.json',
      'upload-sarif': 'true',
    });
    assert.equal(ran[1].code, 1, 'b.ts is new');
    assert.equal(output.sarif, 'report.sarif');
    const sarif = JSON.parse(fs.readFileSync(path.join(workspace, 'report.sarif'), 'utf8'));
    const files = sarif.runs[0].results.map(
      (r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
        r.locations[0].physicalLocation.artifactLocation.uri,
    );
    assert.deepEqual(files, ['b.ts'], 'the baseline applies to the SARIF report too');
    assert.doesNotMatch(ran[1].stdout, /file=a\.ts/);
  });

  test('a clean tree passes; annotations off gives the plain report; args and working-directory apply', () => {
    const workspace = makeTree({ 'api/a.ts': LOCK });
    const clean = runAction(workspace, {
      package: tarball,
      'working-directory': 'api',
      args: '--rule 424-for-lock=off',
      annotations: 'false',
    });
    assert.equal(clean.ran[1].code, 0, clean.ran[1].stderr);
    assert.equal(clean.ran[1].stdout, 'No problems found in 1 file.\n');
  });
});
