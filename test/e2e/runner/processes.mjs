// Child processes and waiting, without sleeps: every wait is on an event (a line of output, a file
// appearing, a process exiting) bounded by a timeout that names what it was waiting for.
import { spawn } from 'node:child_process';
import { existsSync, watch } from 'node:fs';
import { basename, dirname } from 'node:path';

// Process groups we started and have not yet ended. A group stays listed after its leader exits,
// because helpers may outlive the leader (a crashed server's extension host).
const started = new Set();

/** Rejects with a message saying what did not happen in time, unless `promise` settles first. */
export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Starts a process in its own process group, so that ending it also ends the helpers it forks (the
 * VS Code server forks an extension host, a pty host and file watchers) — still addressed by our own
 * child's pid, never by name.
 */
export function start(command, args, options = {}) {
  const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  started.add(child.pid);
  child.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return child;
}

/**
 * Ends a process group we started. SIGTERM goes to the leader alone, so that it can shut its helpers
 * down in order (the server's extension host deactivates extensions); whatever of the group is left
 * once the leader has exited, or after `graceMs`, gets SIGKILL.
 */
export async function stop(child, graceMs = 5000) {
  if (!child || !started.has(child.pid)) return;
  try {
    process.kill(child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  await withTimeout(child.exited, graceMs, `pid ${child.pid} to exit`).catch(() => {});
  signalGroup(child.pid, 'SIGKILL');
  await withTimeout(child.exited, graceMs, `pid ${child.pid} to exit after SIGKILL`).catch(() => {});
  started.delete(child.pid);
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** Last resort on an abrupt exit (uncaught error, Ctrl+C): synchronous, so it works in 'exit'. */
export function killAllStartedSync() {
  for (const pid of started) signalGroup(pid, 'SIGKILL');
  started.clear();
}

/**
 * Resolves with the first match of `regex` in the process's output (stdout or stderr); rejects if the
 * process exits first or nothing matches within `ms`.
 */
export function waitForOutput(child, regex, ms, what) {
  return withTimeout(
    new Promise((resolve, reject) => {
      let seen = '';
      const onData = (chunk) => {
        seen += chunk.toString();
        const match = regex.exec(seen);
        if (match) {
          cleanup();
          resolve(match);
        }
        if (seen.length > 1_000_000) seen = seen.slice(-100_000);
      };
      const onExit = (code, signal) => {
        cleanup();
        reject(new Error(`process ${child.pid} exited (${code ?? signal}) before ${what}`));
      };
      const cleanup = () => {
        child.stdout.off('data', onData);
        child.stderr.off('data', onData);
        child.off('exit', onExit);
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', onExit);
    }),
    ms,
    what,
  );
}

/**
 * Resolves when `path` exists. Watches its folder (which must exist) rather than polling; the writer
 * is expected to create the file atomically (write elsewhere, then rename) so it is complete when seen.
 * `abort`, if given, is a promise whose rejection ends the wait early (e.g. the server died).
 */
export function waitForFile(path, ms, what = path, abort) {
  let watcher;
  const appeared = new Promise((resolve, reject) => {
    watcher = watch(dirname(path), (_event, name) => {
      if ((name === null || name === basename(path)) && existsSync(path)) resolve();
    });
    watcher.on('error', reject);
    // Checked after the watcher is in place, so a file created in between is not missed.
    if (existsSync(path)) resolve();
  });
  const raced = abort ? Promise.race([appeared, abort]) : appeared;
  return withTimeout(raced, ms, what).finally(() => watcher.close());
}
