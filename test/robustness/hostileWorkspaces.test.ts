// The acceptance run of issue 9: hostile workspaces, generated at test time from a seed (none of them
// is in the repository), each checked by the real CLI, `cidr-lens check --format json`. Every run must
// exit 0 or 1, print no stack trace, list what it skipped with the reason, put the expected findings
// (the BOM+CRLF files' included) on exactly the right characters, and finish within 3× the time a
// naive program takes to parse the same files with `yaml`, plus 5 s. Both are timed here, each as its
// own process (start included), and the ratio is printed.
//
// CIDR_LENS_SEED=<n> generates another set the same way. CIDR_LENS_HOSTILE_DIR=<dir> runs every
// folder below <dir> as one more workspace (exit code, stack traces and time only: its expectations
// are unknown).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { HostileFile, controlFile, hostileFiles } from './support/hostileFiles';
import { seedFromEnv } from './support/random';

const SEED = seedFromEnv(7_000_003);
const CLI = path.resolve('server/out/cli.js');
const YAML_PACKAGE = require.resolve('yaml');
/** The acceptance bound: 3× the naive parse, plus 5 s. */
const BOUND = (naiveMs: number) => 3 * naiveMs + 5000;
/** A run that takes this long is killed, and fails. */
const KILL_AFTER_MS = 180_000;

/**
 * The naive floor: read every manifest below the folder and parse it with `yaml`, nothing else. Files
 * the parser throws on (a stack overflow on deep nesting) count as parsed.
 */
const NAIVE_PARSE = `
const { readdirSync, readFileSync } = require('node:fs');
const { join, extname } = require('node:path');
const { parseAllDocuments } = require(process.argv[1]);
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) { if (entry.name !== 'node_modules' && entry.name !== '.git') walk(full); }
    else if (['.yaml', '.yml', '.json'].includes(extname(entry.name).toLowerCase())) {
      try { parseAllDocuments(readFileSync(full, 'utf8')); } catch {}
    }
  }
};
walk(process.argv[2]);
`;

interface Timed {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

function timed(args: readonly string[], cwd: string): Timed {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30, timeout: KILL_AFTER_MS });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, ms: performance.now() - started };
}

interface JsonRange {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}

interface CheckJson {
  readonly version: number;
  readonly findings: ReadonlyArray<{ readonly rule: string; readonly file: string; readonly range: JsonRange }>;
  readonly summary: { readonly files: number; readonly skipped: ReadonlyArray<{ readonly file: string; readonly reason: string }> };
}

/** Runs the CLI and the naive parse on one workspace; asserts what every run must satisfy. */
function checkWorkspace(dir: string): CheckJson {
  const ours = timed([CLI, 'check', '--format', 'json', '.'], dir);
  const naive = timed(['-e', NAIVE_PARSE, YAML_PACKAGE, dir], dir);
  const bound = BOUND(naive.ms);
  console.log(`  ${path.basename(dir)}: cidr-lens ${ours.ms.toFixed(0)} ms, naive yaml ${naive.ms.toFixed(0)} ms, ratio ${(ours.ms / naive.ms).toFixed(2)}, bound ${bound.toFixed(0)} ms`);
  assert.ok(ours.status === 0 || ours.status === 1, `exit code ${ours.status}; stderr: ${ours.stderr.slice(0, 800)}`);
  assert.doesNotMatch(ours.stderr, /^\s+at .+(:\d+:\d+\)?|\(native\))$/m, 'a stack trace on stderr');
  assert.doesNotMatch(ours.stderr, /internal error/);
  assert.ok(ours.ms <= bound, `took ${ours.ms.toFixed(0)} ms, above 3 × ${naive.ms.toFixed(0)} ms + 5 s`);
  const report = JSON.parse(ours.stdout) as CheckJson;
  assert.equal(report.version, 1);
  return report;
}

function assertFindings(report: CheckJson, file: HostileFile): void {
  for (const expected of file.findings()) {
    const found = report.findings.some((f) => f.file === file.name && f.rule === expected.rule && JSON.stringify(f.range) === JSON.stringify(expected.range));
    const onFile = report.findings.filter((f) => f.file === file.name && f.rule === expected.rule).slice(0, 4);
    assert.ok(found, `${file.name}: no ${expected.rule} on ${expected.text} at ${JSON.stringify(expected.range)}; found ${JSON.stringify(onFile.map((f) => f.range))}`);
  }
}

function assertSkipped(report: CheckJson, file: HostileFile): void {
  const reasons = report.summary.skipped.filter((s) => s.file === file.name).map((s) => s.reason);
  if (file.skipped) assert.ok(reasons.some((r) => file.skipped!.test(r)), `${file.name}: skipped ${JSON.stringify(reasons)}`);
  else assert.deepEqual(reasons, [], `${file.name} should have been read`);
}

function writeFile(root: string, file: HostileFile): void {
  const target = path.join(root, file.name);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, file.bytes());
}

describe(`hostile workspaces through cidr-lens check --format json (seed ${SEED})`, () => {
  let root: string;
  before(() => (root = mkdtempSync(path.join(tmpdir(), 'cidr-lens-hostile-'))));
  after(() => root && rmSync(root, { recursive: true, force: true }));
  const control = controlFile(SEED);

  for (const hostile of hostileFiles(SEED)) {
    it(`${hostile.what} (${hostile.name}) beside a plain cluster file`, () => {
      const dir = path.join(root, `ws-${path.parse(hostile.name).name}`);
      writeFile(dir, hostile);
      writeFile(dir, control);
      const report = checkWorkspace(dir);
      assertSkipped(report, hostile);
      assertFindings(report, hostile);
      assertFindings(report, control);
    });
  }
});

describe('hostile workspaces supplied from outside (CIDR_LENS_HOSTILE_DIR)', () => {
  const given = process.env.CIDR_LENS_HOSTILE_DIR;
  const folders = given ? readdirSync(given).map((name) => path.join(given, name)).filter((p) => statSync(p).isDirectory()) : [];
  it('is set', { skip: given ? false : 'CIDR_LENS_HOSTILE_DIR is not set' }, () => assert.ok(folders.length > 0, `${given} holds no folders`));
  for (const folder of folders) it(path.basename(folder), () => void checkWorkspace(folder));
});
