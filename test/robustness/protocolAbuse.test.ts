// The real language server over stdio, abused at the protocol level: broken framing and JSON,
// requests before `initialize`, positions far outside the document, edits for documents nobody
// opened, URIs that are not `file:`, thousands of rapid edits and thousands of open documents. Each
// must be answered with a result or an LSP error, or ignored; afterwards the server is alive, its
// diagnostics are right, and its memory is bounded. Every wait is on a message, with a timeout.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LspClient, PublishedDiagnostics } from '../support/lspClient';
import { tempWorkspace } from '../support/workspace';
import { SERVER, ServerSession, openDocument, residentMb, startServerSession, startWithOpenFile } from './support/serverSession';

type Diagnostics = PublishedDiagnostics['diagnostics'];

function kubeadm(pods: string): string {
  return `apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\nnetworking:\n  podSubnet: ${pods}\n  serviceSubnet: 10.96.0.0/12\n`;
}

const OVERLAP = kubeadm('10.96.0.0/16');
const HEALTHY = kubeadm('10.244.0.0/16');
const overlaps = (d: Diagnostics) => d.filter((x) => x.code === 'range-overlap').length === 2;
const clean = (d: Diagnostics) => d.length === 0;

function change(client: LspClient, uri: string, version: number, text: string): void {
  client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
}

/** Framed bytes of one message whose body is `body`, as it is, with the true length unless given one. */
function frame(body: string, header = `Content-Length: ${Buffer.byteLength(body)}`): string {
  return `${header}\r\n\r\n${body}`;
}

/** Proves the server still works: it answers a hover on the cluster file and publishes its findings after an edit. */
async function assertStillWorks(session: ServerSession, uri: string, version: number): Promise<void> {
  const client = session.client;
  assert.ok(client.running, 'the server died');
  const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 15 } });
  assert.ok(hover, 'no hover on the pod subnet');
  change(client, uri, version, HEALTHY);
  await client.waitForDiagnostics(uri, clean);
  change(client, uri, version + 1, OVERLAP);
  await client.waitForDiagnostics(uri, overlaps);
}

describe('protocol abuse: requests before initialize', () => {
  let client: LspClient | undefined;
  let ws: ReturnType<typeof tempWorkspace> | undefined;
  after(async () => {
    await client?.shutdown();
    ws?.dispose();
  });

  it('answers each with ServerNotInitialized, then initializes and analyses as usual', async () => {
    ws = tempWorkspace({ 'cluster/kubeadm.yaml': OVERLAP });
    client = new LspClient(SERVER);
    client.handlers.set('workspace/configuration', (params) => (params as { items: unknown[] }).items.map(() => ({})));
    const uri = ws.uri('cluster/kubeadm.yaml');
    const early: ReadonlyArray<[string, unknown]> = [
      ['textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 15 } }],
      ['textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } }, context: { diagnostics: [] } }],
      ['textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } } }],
      ['cidrLens/addressPlan', {}],
    ];
    for (const [method, params] of early) {
      const answer = await client.rawRequest(method, params);
      assert.equal(answer.error?.code, -32002, `${method} before initialize: ${JSON.stringify(answer)}`);
    }
    openDocument(client, uri, OVERLAP);
    await client.initialize(ws.rootUri);
    await client.waitForDiagnostics(uri, overlaps, 20_000);
    assert.ok(client.running);
  });
});

describe('protocol abuse: broken framing and JSON', () => {
  let session: ServerSession;
  let uri: string;
  before(async () => {
    ({ session, uri } = await startWithOpenFile({ 'cluster/kubeadm.yaml': OVERLAP }, 'cluster/kubeadm.yaml', overlaps));
  });
  after(() => session?.dispose());

  const garbage: ReadonlyArray<[string, string | Buffer]> = [
    ['a body that is not JSON', frame('{"jsonrpc": "2.0", "id": 900, "method": ')],
    ['a JSON number', frame('42')],
    ['a JSON list', frame('[1, 2, 3]')],
    ['JSON null', frame('null')],
    ['a message without jsonrpc or method', frame('{"id": 901}')],
    ['a request with an object id', frame('{"jsonrpc": "2.0", "id": {"a": 1}, "method": "textDocument/hover", "params": {}}')],
    ['a header without Content-Length', frame('{}', 'Content-Type: application/json')],
    ['a Content-Length that is no number', frame('{}', 'Content-Length: many')],
    ['a header line without a colon', frame('{}', 'garbage')],
    ['invalid UTF-8 in the body', Buffer.concat([Buffer.from('Content-Length: 4\r\n\r\n'), Buffer.from([0xff, 0xfe, 0x7b, 0x7d])])],
  ];
  for (const [what, bytes] of garbage) {
    it(`survives ${what}`, async () => {
      session.client.writeRaw(bytes);
      await assertStillWorks(session, uri, 1000 + garbage.findIndex(([w]) => w === what) * 2);
    });
  }
});

describe('protocol abuse: positions, unknown documents and URIs that are not file:', () => {
  let session: ServerSession;
  let uri: string;
  before(async () => {
    ({ session, uri } = await startWithOpenFile({ 'cluster/kubeadm.yaml': OVERLAP }, 'cluster/kubeadm.yaml', overlaps));
  });
  after(() => session?.dispose());

  it('answers requests at positions far outside the document', async () => {
    const far = { line: 2 ** 31 - 1, character: 2 ** 31 - 1 };
    const start = { line: 0, character: 0 };
    const requests: ReadonlyArray<[string, unknown]> = [
      ['textDocument/hover', { textDocument: { uri }, position: far }],
      ['textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 2 ** 40 } }],
      ['textDocument/codeAction', { textDocument: { uri }, range: { start: far, end: far }, context: { diagnostics: [] } }],
      ['textDocument/codeAction', { textDocument: { uri }, range: { start: far, end: start }, context: { diagnostics: [], only: ['source.fixAll.cidrLens'] } }],
      ['textDocument/inlayHint', { textDocument: { uri }, range: { start, end: far } }],
      ['textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: -1e9, character: -1 }, end: { line: 1e300, character: 0 } } }],
      ['textDocument/completion', { textDocument: { uri }, position: far }],
      ['cidrLens/freeSubnets', { uri, position: far, bits: 24, count: 3 }],
    ];
    for (const [method, params] of requests) {
      const answer = await session.client.rawRequest(method, params);
      assert.ok('result' in answer || answer.error, `${method} ${JSON.stringify(params)}: neither result nor error`);
    }
    await assertStillWorks(session, uri, 10);
  });

  it('ignores edits for documents nobody opened, and keeps documents of other schemes out of the workspace cluster', async () => {
    const client = session.client;
    const unknown = session.ws.uri('cluster/never-opened.yaml');
    for (let i = 0; i < 50; i++) client.notify('textDocument/didChange', { textDocument: { uri: unknown, version: i }, contentChanges: [{ text: kubeadm('10.97.0.0/16') }] });
    for (const other of ['untitled:Untitled-1', 'http://example.com/cluster/kubeadm.yaml', 'vscode-vfs://github/x/kubeadm.yaml', 'git:/cluster/kubeadm.yaml?%7B%7D', 'data:text/plain,x.yaml']) {
      openDocument(client, other, kubeadm('10.96.0.0/24'));
      change(client, other, 2, kubeadm('10.96.1.0/24'));
      const answer = await client.rawRequest('textDocument/hover', { textDocument: { uri: other }, position: { line: 3, character: 15 } });
      assert.ok('result' in answer || answer.error, `hover on ${other}`);
      client.notify('textDocument/didClose', { textDocument: { uri: other } });
    }
    await assertStillWorks(session, uri, 20);
    // The workspace cluster holds only its own file: one overlap, between its two values.
    const diagnostics = await client.waitForDiagnostics(uri, overlaps);
    assert.equal(diagnostics.length, 2);
    assert.equal(client.diagnostics.get(unknown)?.length ?? 0, 0);
  });
});

describe('protocol abuse: volume', () => {
  let session: ServerSession;
  after(() => session?.dispose());

  it('takes 5,000 rapid edits and 3,000 open documents, with the right diagnostics and bounded memory', { timeout: 240_000 }, async (t) => {
    session = await startServerSession({ 'cluster/kubeadm.yaml': OVERLAP });
    const client = session.client;
    const uri = session.ws.uri('cluster/kubeadm.yaml');
    openDocument(client, uri, OVERLAP);
    await client.waitForDiagnostics(uri, overlaps);
    const pid = client.pid!;
    const baseline = residentMb(pid);

    for (let i = 0; i < 5000; i++) change(client, uri, i + 2, i % 2 === 0 ? HEALTHY : OVERLAP);
    // The last edit restores the overlap; once the hover is answered every edit has been taken in.
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 15 } }, 60_000);
    await client.waitForDiagnostics(uri, overlaps, 30_000);

    const service = (i: number) => `apiVersion: v1\nkind: Service\nmetadata: {name: s${i}}\nspec:\n  clusterIP: 10.96.${(i >> 8) & 255}.${(i & 255) + 1}\n`;
    const documents = Array.from({ length: 3000 }, (_, i) => session.ws.uri(`cluster/open/svc-${i}.yaml`));
    /** Opens every document, proves all were analysed, closes them all, and returns the memory with them open. */
    const openAndCloseAll = async (round: number) => {
      documents.forEach((doc, i) => openDocument(client, doc, service(i)));
      // One of them duplicates another's cluster IP: its finding proves all of them were analysed.
      change(client, documents[2999], 2, service(0).replace('name: s0', 'name: copy-of-s0'));
      await client.waitForDiagnostics(documents[2999], (d) => d.some((x) => x.code === 'duplicate-address'), 60_000);
      const open3000 = residentMb(pid);
      for (const doc of documents) client.notify('textDocument/didClose', { textDocument: { uri: doc } });
      await client.waitForDiagnostics(documents[2999], clean, 60_000);
      await assertStillWorks(session, uri, 9000 + round * 10);
      return open3000;
    };
    const peak = await openAndCloseAll(1);
    const afterFirst = residentMb(pid);
    await openAndCloseAll(2);
    await openAndCloseAll(3);
    const afterThird = residentMb(pid);
    if (baseline === undefined || peak === undefined || afterFirst === undefined || afterThird === undefined) return t.skip('reads /proc, which only Linux has');
    t.diagnostic(`resident memory: ${baseline.toFixed(0)} MB at start, ${peak.toFixed(0)} MB with 3,000 open documents, ${afterFirst.toFixed(0)} MB after closing them, ${afterThird.toFixed(0)} MB after two more rounds`);
    // V8 keeps the heap it grew to, so memory is judged by later rounds: a leak of what one round
    // opens (about peak − start, over 100 MB) would add twice that; noise stays far below this bound.
    assert.ok(afterThird < afterFirst + 100, `${afterThird.toFixed(0)} MB after the third round, ${afterFirst.toFixed(0)} MB after the first`);
    assert.ok(afterThird < 512, `${afterThird.toFixed(0)} MB`);
  });
});

describe('hostile workspace settings', () => {
  let session: ServerSession;
  after(() => session?.dispose());

  it('values of the wrong type or a bad glob are logged once each, and the rest of the settings applies', async () => {
    const settings = {
      ignore: ['[z-a]', 'ignored/**'],
      externalNetworks: 'everything',
      nodeNetworks: { cidr: '10.0.0.0/8' },
      expect: 7,
      rules: ['off'],
      scan: { exclude: ['*a*a*a*a*a*a*a*a*b', '{x'], maxFileSizeKb: 1e12 },
    };
    // Three clusters, so that each file's findings are its own: the cluster, an ignored one, and one
    // whose path the ReDoS glob of scan.exclude is matched against.
    const many = 'a'.repeat(60);
    const files = {
      'cluster/kubeadm.yaml': OVERLAP,
      'ignored/.cidr-lens.yaml': 'cluster: ignored\n',
      'ignored/kubeadm.yaml': OVERLAP,
      [`${many}/.cidr-lens.yaml`]: 'cluster: a\n',
      [`${many}/${many}.yaml`]: OVERLAP,
    };
    session = await startServerSession(files, { settings });
    const client = session.client;
    const uri = session.ws.uri('cluster/kubeadm.yaml');
    await client.waitForDiagnostics(uri, overlaps, 20_000);
    await client.waitForDiagnostics(session.ws.uri(`${many}/${many}.yaml`), overlaps, 20_000);
    const problems = () => client.logMessages.filter((l) => l.message.startsWith('setting cidrLens.')).map((l) => l.message);
    const expected = [
      'setting cidrLens.externalNetworks must be a list; it is ignored',
      'setting cidrLens.nodeNetworks must be a list; it is ignored',
      'setting cidrLens.expect must be an object; it is ignored',
      'setting cidrLens.rules must be an object; it is ignored',
      'setting cidrLens.ignore: "[z-a]" is not a valid glob: the range z-a in [...] runs backwards; it is ignored',
      'setting cidrLens.scan.maxFileSizeKb must be a whole number from 1 to 262144; the default 8192 applies',
      'setting cidrLens.scan.exclude: "{x" is not a valid glob: this { is never closed by }; it is ignored',
    ];
    assert.deepEqual(problems().sort(), [...expected].sort());
    // The good glob still applies: the ignored folder's overlap is not reported.
    assert.equal(client.diagnostics.get(session.ws.uri('ignored/kubeadm.yaml'))?.length ?? 0, 0);
    // Settings that are not even an object are a fresh start, not a crash.
    session.settings = 'garbage' as unknown as Record<string, unknown>;
    client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.waitForDiagnostics(session.ws.uri('ignored/kubeadm.yaml'), overlaps, 20_000);
    openDocument(client, uri, OVERLAP);
    await assertStillWorks(session, uri, 2);
    assert.equal(problems().length, expected.length, 'the problems were logged again');
  });
});
