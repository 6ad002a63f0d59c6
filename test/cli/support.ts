// Helpers for the CLI tests: run the built CLI (`server/out/cli.js`, made by `node build.mjs`) as a
// child process, and compare outputs with golden files under test/golden/cli.
// With UPDATE_EXPECT=1 the golden files are rewritten from the actual output (review the git diff).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const REPO = resolve('.');
export const CLI = join(REPO, 'server/out/cli.js');
export const WORKSPACES = join(REPO, 'test/cli/workspaces');
/** Two clusters: `broken` (a kubeadm pod subnet containing the service subnet) and `healthy`. */
export const TWO_CLUSTERS = join(WORKSPACES, 'two-clusters');
const GOLDEN = join(REPO, 'test/golden/cli');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: readonly string[], options: { cwd?: string; env?: Readonly<Record<string, string>> } = {}): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? TWO_CLUSTERS,
    encoding: 'utf8',
    env: { ...withoutColorSettings(process.env), ...options.env },
    timeout: 120_000,
    // A check over many workspaces prints megabytes of JSON and SARIF; the default 1 MB would cut it.
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The tests decide about colour themselves; the developer's terminal settings must not leak in. */
function withoutColorSettings(env: NodeJS.ProcessEnv): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined && key !== 'NO_COLOR' && key !== 'FORCE_COLOR') copy[key] = value;
  return copy;
}

export function parseJson<T = unknown>(run: CliRun): T {
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    assert.fail(`stdout is not JSON:\n${run.stdout}\nstderr:\n${run.stderr}`);
  }
}

/** Compares `actual` with test/golden/cli/<name>, or writes it there under UPDATE_EXPECT=1. */
export function expectGolden(name: string, actual: string): void {
  const path = join(GOLDEN, name);
  if (process.env.UPDATE_EXPECT === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  assert.ok(existsSync(path), `missing golden file test/golden/cli/${name}; run UPDATE_EXPECT=1 node test/run.mjs cli`);
  assert.equal(actual, readFileSync(path, 'utf8'), `output differs from test/golden/cli/${name}; if the change is intended, run UPDATE_EXPECT=1 node test/run.mjs cli and review the diff`);
}

/** A usage error: exit 2, exactly one line on stderr that names the problem, nothing on stdout, no stack trace. */
export function assertUsageError(run: CliRun, mentions: RegExp): void {
  assert.equal(run.status, 2, `exit code\nstderr: ${run.stderr}`);
  const lines = run.stderr.split('\n').filter((l) => l !== '');
  assert.equal(lines.length, 1, `expected one stderr line, got:\n${run.stderr}`);
  assert.match(lines[0], /^cidr-lens: /);
  assert.match(lines[0], mentions);
  assert.doesNotMatch(run.stderr, /\n\s+at /, 'stack trace on stderr');
  assert.equal(run.stdout, '');
}
