// Terminal behaviour: colours on a TTY unless NO_COLOR is set, none in pipes, and a progress line on
// stderr for long runs that is drawn only on a terminal and erased before the results.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { progressLine } from '../../server/src/cli/progress';
import { CLI, TWO_CLUSTERS, runCli } from './support';

const ESC = '\x1b[';

/**
 * Runs the CLI under a pseudo-terminal (util-linux `script`, part of every Debian install), so that
 * stdout and stderr are TTYs.
 */
function runInTerminal(args: string, env: Record<string, string> = {}): string {
  const probe = spawnSync('script', ['--version'], { encoding: 'utf8' });
  assert.equal(probe.status, 0, 'util-linux `script` is needed to test terminal output');
  const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} ${args}`;
  const run = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: TWO_CLUSTERS, encoding: 'utf8', env: { ...process.env, NO_COLOR: '', ...env } });
  return run.stdout;
}

describe('cli on a terminal', () => {
  it('colours severities on a TTY', () => {
    const output = runInTerminal('check');
    assert.ok(output.includes(`${ESC}31merror`), JSON.stringify(output));
  });

  it('honours NO_COLOR on a TTY', () => {
    const output = runInTerminal('check', { NO_COLOR: '1' });
    assert.ok(output.includes(' error range-overlap '), JSON.stringify(output));
    assert.ok(!output.includes(ESC), JSON.stringify(output));
  });

  it('writes no colour and no progress into pipes', () => {
    const run = runCli(['check']);
    assert.ok(!run.stdout.includes(ESC) && !run.stderr.includes(ESC) && !run.stderr.includes('\r'));
  });
});

describe('progress line', () => {
  function recorder(isTTY: boolean) {
    const written: string[] = [];
    let now = 0;
    const line = progressLine({ isTTY, write: (text: string) => written.push(text) }, () => now);
    return { line, written, advance: (ms: number) => (now += ms) };
  }

  it('stays silent when stderr is not a terminal', () => {
    const { line, written, advance } = recorder(false);
    advance(10_000);
    line.update(5, 10);
    line.clear();
    assert.deepEqual(written, []);
  });

  it('stays silent for a quick run', () => {
    const { line, written, advance } = recorder(true);
    advance(100);
    line.update(10, 10);
    line.clear();
    assert.deepEqual(written, []);
  });

  it('rewrites one line in place on a long run, at most every 80 ms, and erases it at the end', () => {
    const { line, written, advance } = recorder(true);
    advance(400);
    line.update(1234, 2000);
    advance(10);
    line.update(1300, 2000);
    advance(100);
    line.update(1500, 2000);
    line.update(2000, 2000);
    line.clear();
    assert.deepEqual(written, ['\r\x1b[KReading 1,234 of 2,000 manifests…', '\r\x1b[KReading 1,500 of 2,000 manifests…', '\r\x1b[KReading 2,000 of 2,000 manifests…', '\r\x1b[K']);
  });
});
