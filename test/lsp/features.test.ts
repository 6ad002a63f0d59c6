// Hovers, code actions, inlay hints and free subnets over stdio, and what the server does with
// requests that make no sense.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { flannelConfig, kubeadmConfig } from '../support/manifests';
import { Session, applyEdits, positionOf, startSession, LspTextEdit } from './session';

const KUBEADM = kubeadmConfig();

const FLANNEL = flannelConfig('10.245.0.0/16');

/** Two Calico pools written with host bits set: Calico rejects both ("not strictly masked"). */
const POOLS = `apiVersion: projectcalico.org/v3
kind: IPPool
metadata: { name: a }
spec:
  cidr: 10.244.1.0/16
---
apiVersion: projectcalico.org/v3
kind: IPPool
metadata: { name: b }
spec:
  cidr: fd00:10:244:1::/56
`;

const DNS = `apiVersion: v1
kind: Service
metadata: { name: kube-dns, namespace: kube-system }
spec:
  clusterIP: 10.96.0.10
`;

interface Hover {
  contents: { kind: string; value: string };
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

interface CodeAction {
  title: string;
  kind: string;
  diagnostics?: unknown[];
  edit: { changes?: Record<string, LspTextEdit[]>; documentChanges?: Array<{ textDocument: { uri: string; version: number | null }; edits: LspTextEdit[] }> };
}

describe('editor features over stdio', () => {
  let session: Session;
  const uri = (path: string) => session.ws.uri(path);

  before(async () => {
    session = await startSession(
      { 'cluster/kubeadm.yaml': KUBEADM, 'cluster/kube-flannel.yaml': FLANNEL, 'cluster/pools.yaml': POOLS, 'cluster/dns.yaml': DNS },
      { capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true, inlayHint: { refreshSupport: true } } } },
    );
    await session.client.waitForDiagnostics(uri('cluster/pools.yaml'), (d) => d.length === 2);
  });

  after(() => session.dispose());

  const hover = (path: string, position: { line: number; character: number }) =>
    session.client.request<Hover | null>('textDocument/hover', { textDocument: { uri: uri(path) }, position });

  const codeActions = async (path: string, only?: string[]) => {
    const diagnostics = session.client.diagnostics.get(uri(path)) ?? [];
    const range = { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } };
    return session.client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uri(path) }, range, context: { diagnostics, ...(only ? { only } : {}) } });
  };

  it('states 65,536 addresses on a /16, with the range of the value', async () => {
    const start = positionOf(KUBEADM, '10.244.0.0/16');
    const result = await hover('cluster/kubeadm.yaml', { line: start.line, character: start.character + 4 });
    assert.ok(result);
    assert.equal(result.contents.kind, 'markdown');
    assert.match(result.contents.value, /65,536 addresses/);
    assert.match(result.contents.value, /pod network/);
    assert.match(result.contents.value, /Max nodes:\* 256/);
    assert.deepEqual(result.range, { start, end: { line: start.line, character: start.character + 13 } });
  });

  it("links what a value overlaps to the other file and line", async () => {
    const result = await hover('cluster/kube-flannel.yaml', positionOf(FLANNEL, '10.245.0.0/16', 1));
    assert.ok(result);
    assert.match(result.contents.value, /Source:\* flannel net-conf\.json Network/);
    const inside = await hover('cluster/pools.yaml', positionOf(POOLS, '10.244.1.0/16', 1));
    assert.ok(inside);
    assert.ok(inside.contents.value.includes(`](${uri('cluster/kubeadm.yaml')}#L4)`), inside.contents.value);
  });

  it('tells a bare address which range it belongs to and where', async () => {
    const result = await hover('cluster/dns.yaml', positionOf(DNS, '10.96.0.10', 2));
    assert.ok(result);
    assert.match(result.contents.value, /10\.96\.0\.10 is address #10 of 10\.96\.0\.0\/12 \(kubeadm networking\.serviceSubnet\)/);
  });

  it('applies the canonicalisation quick fix: 10.244.1.0/16 becomes 10.244.0.0/16', async () => {
    const actions = await codeActions('cluster/pools.yaml', ['quickfix']);
    const fix = actions.find((a) => a.title === 'Canonicalise to 10.244.0.0/16');
    assert.ok(fix, actions.map((a) => a.title).join(', '));
    assert.equal(fix.kind, 'quickfix');
    assert.equal((fix.diagnostics ?? []).length, 1);
    const edits = fix.edit.changes?.[uri('cluster/pools.yaml')] ?? [];
    assert.equal(applyEdits(POOLS, edits), POOLS.replace('10.244.1.0/16', '10.244.0.0/16'));
  });

  it('applies every canonicalisation of a file with source.fixAll.cidrLens', async () => {
    const actions = await codeActions('cluster/pools.yaml', ['source.fixAll']);
    assert.deepEqual(actions.map((a) => a.kind), ['source.fixAll.cidrLens']);
    const edits = actions[0].edit.changes?.[uri('cluster/pools.yaml')] ?? [];
    assert.equal(applyEdits(POOLS, edits), POOLS.replace('10.244.1.0/16', '10.244.0.0/16').replace('fd00:10:244:1::/56', 'fd00:10:244::/56'));
  });

  it('offers fixes that edit the other file of a mismatch', async () => {
    const actions = await codeActions('cluster/kube-flannel.yaml', ['quickfix']);
    const alignKubeadm = actions.find((a) => /Set kubeadm networking\.podSubnet to 10\.245\.0\.0\/16/.test(a.title));
    assert.ok(alignKubeadm, actions.map((a) => a.title).join(', '));
    assert.deepEqual(Object.keys(alignKubeadm.edit.changes ?? {}), [uri('cluster/kubeadm.yaml')]);
    assert.equal(applyEdits(KUBEADM, alignKubeadm.edit.changes![uri('cluster/kubeadm.yaml')]), KUBEADM.replace('10.244.0.0/16', '10.245.0.0/16'));
    const alignFlannel = actions.find((a) => /Set flannel net-conf\.json Network to 10\.244\.0\.0\/16/.test(a.title));
    assert.ok(alignFlannel);
    assert.equal(applyEdits(FLANNEL, alignFlannel.edit.changes![uri('cluster/kube-flannel.yaml')]), FLANNEL.replace('10.245.0.0/16', '10.244.0.0/16'));
  });

  it('puts inlay hints after range values', async () => {
    const hints = await session.client.request<Array<{ label: string; position: { line: number; character: number } }>>('textDocument/inlayHint', {
      textDocument: { uri: uri('cluster/kubeadm.yaml') },
      range: { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } },
    });
    assert.deepEqual(hints.map((h) => h.label), ['65,536 · 256 nodes × /24', '1,048,576 · 1 of 1,048,574 in use']);
    assert.deepEqual(hints[0].position, positionOf(KUBEADM, '10.244.0.0/16', 13));
  });

  it('switches inlay hints off with cidrLens.inlayHints.enable, asking the client to refresh them', async () => {
    const { client } = session;
    const refreshed = new Promise<void>((resolve) => client.handlers.set('workspace/inlayHint/refresh', () => resolve()));
    session.settings = { inlayHints: { enable: false } };
    client.notify('workspace/didChangeConfiguration', { settings: null });
    await refreshed;
    const range = { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } };
    assert.deepEqual(await client.request('textDocument/inlayHint', { textDocument: { uri: uri('cluster/kubeadm.yaml') }, range }), []);
    session.settings = {};
    client.notify('workspace/didChangeConfiguration', { settings: null });
  });

  it('proposes free subnets of a length, nearest first, and what they replace', async () => {
    const result = await session.client.request<{ cluster: string; family: number; subnets: Array<{ cidr: string; addresses: string }>; range: unknown }>('cidrLens/freeSubnets', {
      textDocument: { uri: uri('cluster/kubeadm.yaml') },
      position: positionOf(KUBEADM, '10.96.0.0/12', 3),
      prefixLength: 16,
      count: 3,
    });
    assert.equal(result.family, 4);
    assert.deepEqual(result.subnets.map((s) => s.cidr), ['10.243.0.0/16', '10.242.0.0/16', '10.246.0.0/16']);
    assert.equal(result.subnets[0].addresses, '65536');
    const start = positionOf(KUBEADM, '10.96.0.0/12');
    assert.deepEqual(result.range, { start, end: { line: start.line, character: start.character + 12 } });
  });
});

describe('requests that make no sense', () => {
  let session: Session;

  before(async () => {
    // No waiting for the scan: every request waits until the analysis covers what the server has read.
    session = await startSession({ 'kubeadm.yaml': KUBEADM });
  });

  after(() => session.dispose());

  it('answers null for a hover beyond the last line and for an unknown document', async () => {
    const { client, ws } = session;
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: ws.uri('kubeadm.yaml') }, position: { line: 9999, character: 0 } }), null);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: ws.uri('nowhere.yaml') }, position: { line: 0, character: 0 } }), null);
    assert.deepEqual(await client.request('textDocument/codeAction', { textDocument: { uri: 'file:///nowhere.yaml' }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }), []);
  });

  it('answers malformed requests with an error or a fallback, and keeps serving', async () => {
    const { client, ws } = session;
    const noPosition = await client.rawRequest('textDocument/hover', { textDocument: { uri: ws.uri('kubeadm.yaml') } });
    assert.ok(noPosition.error !== undefined || noPosition.result === null);
    const badLength = await client.rawRequest('cidrLens/freeSubnets', { textDocument: { uri: ws.uri('kubeadm.yaml') }, position: { line: 0, character: 0 }, prefixLength: 99, family: 4 });
    assert.equal(badLength.error?.code, -32602);
    const outside = await client.rawRequest('cidrLens/freeSubnets', { textDocument: { uri: 'file:///elsewhere/x.yaml' }, position: { line: 0, character: 0 }, prefixLength: 24 });
    assert.match(outside.error?.message ?? '', /not part of any cluster scope/);
    const unknownMethod = await client.rawRequest('cidrLens/noSuchThing', {});
    assert.equal(unknownMethod.error?.code, -32601);
    const start = positionOf(KUBEADM, '10.244.0.0/16');
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: ws.uri('kubeadm.yaml') }, position: start });
    assert.match(hover.contents.value, /65,536 addresses/);
  });
});
