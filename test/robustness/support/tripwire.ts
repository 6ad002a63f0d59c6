// A tripwire preloaded into the shipped server or CLI (`node --require`): it records, without changing
// behaviour, every process it would start, every network connection or server, every DNS lookup,
// every file or folder it reads or stats, and every file system write. The security test runs whole
// sessions under it and then reads the record.

import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export interface Tripwire {
  /** Node arguments that load it. */
  readonly execArgv: readonly string[];
  /** What it recorded so far: one `kind target` line per call. */
  records(): string[];
}

const HOOK = (logFile: string) => `// Preloaded by the robustness security test: records what the process reaches, changes nothing.
const fs = require('node:fs');
const append = fs.appendFileSync;
let recording = false;
const record = (kind, target) => {
  if (recording) return;
  recording = true;
  try { append(${JSON.stringify(logFile)}, kind + ' ' + String(target) + '\\n'); } finally { recording = false; }
};
const wrap = (object, names, kind, targetOf = (args) => args[0]) => {
  for (const name of names) {
    const original = object[name];
    if (typeof original !== 'function') continue;
    object[name] = function (...args) {
      const target = targetOf(args);
      if (typeof target === 'string' || target instanceof URL || Buffer.isBuffer(target)) record(kind + ' ' + name, target);
      else if (kind !== 'read' && kind !== 'write') record(kind + ' ' + name, JSON.stringify(target));
      return original.apply(this, args);
    };
  }
};
wrap(require('node:child_process'), ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'], 'process');
for (const module of ['node:net', 'node:tls']) wrap(require(module), ['connect', 'createConnection', 'createServer'], 'network');
wrap(require('node:net').Socket.prototype, ['connect'], 'network');
for (const module of ['node:http', 'node:https', 'node:http2']) wrap(require(module), ['request', 'get', 'connect', 'createServer', 'createSecureServer'], 'network');
wrap(require('node:dgram'), ['createSocket'], 'network');
wrap(require('node:dns'), ['lookup', 'resolve', 'resolve4', 'resolve6'], 'network');
wrap(fs, ['openSync', 'open', 'readFileSync', 'readFile', 'readdirSync', 'readdir', 'opendirSync', 'statSync', 'stat', 'lstatSync', 'lstat', 'readlinkSync', 'realpathSync', 'createReadStream'], 'read');
wrap(fs.promises, ['open', 'readFile', 'readdir', 'opendir', 'stat', 'lstat', 'readlink', 'realpath'], 'read');
wrap(fs, ['writeFileSync', 'writeFile', 'appendFileSync', 'appendFile', 'mkdirSync', 'mkdir', 'rmSync', 'rm', 'unlinkSync', 'unlink', 'renameSync', 'rename', 'copyFileSync', 'symlinkSync', 'createWriteStream'], 'write');
wrap(fs.promises, ['writeFile', 'appendFile', 'mkdir', 'rm', 'unlink', 'rename', 'copyFile'], 'write');
`;

/** Writes the tripwire and an empty record into `dir`. */
export function tripwire(dir: string): Tripwire {
  const hook = path.join(dir, 'tripwire.cjs');
  const log = path.join(dir, 'tripwire.log');
  writeFileSync(hook, HOOK(log));
  writeFileSync(log, '');
  return {
    execArgv: ['--require', hook],
    records: () => readFileSync(log, 'utf8').split('\n').filter((line) => line.length > 0),
  };
}
