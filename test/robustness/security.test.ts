// What CIDR Lens can reach (docs/security.md): it reads manifests inside the workspace folders and
// nothing else, never starts a process, never opens a connection, never writes. Checked three ways:
// our sources, the shipped bundles (which library code reaches `child_process` and `net`, and why),
// and whole server sessions and CLI runs under a tripwire that records every such call.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import { LspClient } from '../support/lspClient';
import { SERVER } from './support/serverSession';
import { Tripwire, tripwire } from './support/tripwire';

const CLI = path.resolve('server/out/cli.js');

/** Node modules that start processes, open connections, run code or share memory with other threads. */
const FORBIDDEN = ['child_process', 'cluster', 'dgram', 'dns', 'http', 'http2', 'https', 'inspector', 'net', 'tls', 'vm', 'worker_threads'];

/**
 * Library files of the shipped bundles that import a forbidden module, each reviewed:
 * - vscode-languageclient (extension host only) forks the bundled server module over IPC and, on
 *   stop, ends the server process it started (`processes.js`); it never runs workspace content.
 * - vscode-languageserver's `files.js` can ask npm or yarn for their global folders
 *   (`Files.resolveGlobalNodePath`), for servers that load user libraries. CIDR Lens never calls it
 *   (checked below), but the library bundles it.
 * - vscode-jsonrpc's socket and named-pipe transports use `net`; CIDR Lens talks over stdio or IPC.
 */
const REVIEWED_IMPORTS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  'client/src/extension.ts': {
    child_process: ['node_modules/vscode-languageclient/lib/node/main.js', 'node_modules/vscode-languageclient/lib/node/processes.js'],
    net: ['node_modules/vscode-jsonrpc/lib/node/main.js'],
  },
  'server/src/lsp/main.ts': {
    child_process: ['node_modules/vscode-languageserver/lib/node/files.js'],
    net: ['node_modules/vscode-jsonrpc/lib/node/main.js'],
  },
  'server/src/cli/main.ts': {},
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : name.endsWith('.ts') ? [full] : [];
  });
}

/** Which inputs of a bundle import each forbidden module, as esbuild resolves them for the real build. */
async function forbiddenImports(entry: string): Promise<Record<string, string[]>> {
  const result = await build({ entryPoints: [entry], bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['vscode'], write: false, metafile: true, logLevel: 'silent' });
  const found: Record<string, string[]> = {};
  for (const [input, info] of Object.entries(result.metafile.inputs)) {
    for (const imported of info.imports) {
      const name = imported.path.replace(/^node:/, '');
      if (imported.external && FORBIDDEN.includes(name)) (found[name] ??= []).push(input);
    }
  }
  for (const list of Object.values(found)) list.sort();
  return found;
}

describe('security: what the code can reach', () => {
  it('our sources import nothing that starts processes, connects, or runs code', () => {
    const offenders: string[] = [];
    for (const file of [...sourceFiles('server/src'), ...sourceFiles('client/src')]) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/(?:from\s+|require\(\s*|import\(\s*)['"](?:node:)?([a-z_0-9]+)['"]/g)) if (FORBIDDEN.includes(match[1])) offenders.push(`${file} imports ${match[1]}`);
      if (/\beval\s*\(|new\s+Function\s*\(/.test(text)) offenders.push(`${file} evaluates code`);
      if (/\bFiles\.\w+|resolveGlobal(Node|Yarn)Path/.test(text)) offenders.push(`${file} calls vscode-languageserver's Files helpers`);
    }
    assert.deepEqual(offenders, []);
  });

  for (const [entry, reviewed] of Object.entries(REVIEWED_IMPORTS)) {
    it(`the bundle of ${entry} reaches such modules only through reviewed library code`, async () => {
      assert.deepEqual(await forbiddenImports(entry), reviewed);
    });
  }
});

/**
 * A workspace with links that lead out of it (a folder and a file), a link to a file inside it, and a
 * link loop, next to a folder outside it holding an overlap that must never be reported.
 */
interface LinkedWorkspace {
  readonly root: string;
  readonly outside: string;
  readonly realFiles: readonly string[];
  readonly links: readonly string[];
}

const OVERLAP = 'apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\nnetworking:\n  podSubnet: 10.96.0.0/16\n  serviceSubnet: 10.96.0.0/12\n';
const POOL = 'apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata: {name: lan}\nspec:\n  addresses: [192.168.10.0/24]\n';

function linkedWorkspace(base: string): LinkedWorkspace {
  const root = path.join(base, 'workspace');
  const outside = path.join(base, 'outside');
  mkdirSync(path.join(root, 'cluster'), { recursive: true });
  mkdirSync(outside, { recursive: true });
  writeFileSync(path.join(root, 'cluster', 'kubeadm.yaml'), OVERLAP);
  writeFileSync(path.join(root, 'cluster', 'pool.yaml'), POOL);
  // Paths a hostile config may name: the folder outside, the file system's root, and /etc. Refused, never read.
  writeFileSync(path.join(root, '.cidr-lens.yaml'), `cluster: linked\nconnectedClusters: [${outside}, ../../../../../.., /etc]\n`);
  writeFileSync(path.join(outside, 'secret.yaml'), OVERLAP.replace('10.96.0.0/16', '10.100.0.0/16'));
  symlinkSync(outside, path.join(root, 'outside-folder'), 'dir');
  symlinkSync(path.join(outside, 'secret.yaml'), path.join(root, 'outside-file.yaml'));
  symlinkSync(path.join(root, 'cluster', 'pool.yaml'), path.join(root, 'pool-alias.yaml'));
  symlinkSync(root, path.join(root, 'loop'), 'dir');
  return { root, outside, realFiles: ['cluster/kubeadm.yaml', 'cluster/pool.yaml'], links: ['outside-folder', 'outside-file.yaml', 'pool-alias.yaml', 'loop'] };
}

/** Calls that look at a directory entry itself (a link, not what it leads to). */
const ENTRY_ONLY = ['lstat', 'lstatSync', 'readlink', 'readlinkSync', 'realpath', 'realpathSync'];
/** The shipped bundles: Node reads the program it runs. */
const OWN_CODE = [path.resolve(SERVER), CLI];

/**
 * Every record of the tripwire that reaches beyond what CIDR Lens may do: anything but a read, and
 * reads outside `root` — judged by where a link leads, except for calls that look at the link itself.
 */
function violations(records: readonly string[], root: string): string[] {
  const realRoot = realpathSync(root);
  const inside = (target: string, followLinks: boolean) => {
    let resolved = path.resolve(target.startsWith('file:') ? new URL(target).pathname : target);
    try {
      if (followLinks) resolved = realpathSync(resolved);
    } catch {
      // A path that does not exist was never read.
    }
    return resolved === realRoot || resolved.startsWith(realRoot + path.sep);
  };
  return records.filter((record) => {
    const [kind, call, ...rest] = record.split(' ');
    const target = rest.join(' ');
    if (kind !== 'read') return true;
    return !OWN_CODE.includes(target) && !inside(target, !ENTRY_ONLY.includes(call));
  });
}

describe('security: sessions under a tripwire', () => {
  let base: string;
  let ws: LinkedWorkspace;
  let wire: Tripwire;
  before(() => {
    base = realpathSync(mkdtempSync(path.join(tmpdir(), 'cidr-lens-security-')));
    ws = linkedWorkspace(base);
    wire = tripwire(base);
  });
  after(() => rmSync(base, { recursive: true, force: true }));

  it('the server reads only inside the workspace, follows no link, and starts, connects and writes nothing', async () => {
    const client = new LspClient(SERVER, ['--stdio'], { execArgv: wire.execArgv });
    const uri = (relative: string) => new URL(`file://${path.join(ws.root, relative)}`).href;
    try {
      client.handlers.set('workspace/configuration', (params) => (params as { items: unknown[] }).items.map(() => ({})));
      await client.initialize(new URL(`file://${ws.root}`).href);
      const kubeadm = uri('cluster/kubeadm.yaml');
      await client.waitForDiagnostics(kubeadm, (d) => d.some((x) => x.code === 'range-overlap'));
      // File events for the links and for a file reached through one, as a watcher may report them.
      const events = [...ws.links, 'outside-folder/secret.yaml', 'loop/cluster/kubeadm.yaml'];
      client.notify('workspace/didChangeWatchedFiles', { changes: events.map((link) => ({ uri: uri(link), type: 1 })) });
      client.notify('workspace/didCreateFiles', { files: events.map((link) => ({ uri: uri(link) })) });
      client.notify('textDocument/didOpen', { textDocument: { uri: kubeadm, languageId: 'yaml', version: 1, text: OVERLAP } });
      const position = { line: 3, character: 15 };
      await client.request('textDocument/hover', { textDocument: { uri: kubeadm }, position });
      await client.request('textDocument/codeAction', { textDocument: { uri: kubeadm }, range: { start: position, end: position }, context: { diagnostics: [] } });
      await client.request('textDocument/inlayHint', { textDocument: { uri: kubeadm }, range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } } });
      await client.rawRequest('cidrLens/freeSubnets', { uri: kubeadm, position, bits: 16, count: 3 });
      await client.rawRequest('cidrLens/addressPlan', {});
      const refused = await client.waitForDiagnostics(uri('.cidr-lens.yaml'), (d) => d.filter((x) => /leads out of the workspace/.test(x.message)).length === 3);
      assert.deepEqual(refused.map((d) => d.code), ['invalid-config', 'invalid-config', 'invalid-config']);
      const published = [...client.diagnostics.entries()].filter(([, d]) => d.length > 0).map(([u]) => path.relative(ws.root, new URL(u).pathname));
      assert.deepEqual(published.filter((p) => !ws.realFiles.includes(p) && p !== '.cidr-lens.yaml'), [], 'findings on links or on files outside the workspace');
    } finally {
      await client.shutdown();
    }
    assert.deepEqual(violations(wire.records(), ws.root), []);
  });

  it('the CLI does the same for check, plan and suggest', () => {
    const runs = [
      ['check', '--format', 'json', '.'],
      ['check', '--format', 'sarif', '.'],
      ['plan', '--format', 'json', '.'],
      ['suggest', '--prefix', '16', '.'],
    ];
    for (const args of runs) {
      const run = spawnSync(process.execPath, [...wire.execArgv, CLI, ...args], { cwd: ws.root, encoding: 'utf8' });
      assert.ok(run.status === 0 || run.status === 1, `${args.join(' ')}: exit ${run.status} ${run.stderr}`);
      assert.doesNotMatch(run.stdout, /outside-folder|outside-file|secret\.yaml|pool-alias/, `${args.join(' ')} reported what a link leads to`);
    }
    const check = JSON.parse(spawnSync(process.execPath, [CLI, 'check', '--format', 'json', '.'], { cwd: ws.root, encoding: 'utf8' }).stdout) as { summary: { files: number } };
    assert.equal(check.summary.files, ws.realFiles.length + 1, 'the real manifests and .cidr-lens.yaml, each once');
    assert.deepEqual(violations(wire.records(), ws.root), []);
  });
});
