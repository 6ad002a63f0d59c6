// Pull diagnostics over stdio, with a client that offers them (as VS Code's client 11 does): document
// and workspace reports with result ids, refresh after a cross-file change, a workspace request that
// waits for a change, and nothing pushed twice.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { kubeadmConfig } from '../support/manifests';
import { Session, positionOf, startSession } from './session';

const KUBEADM = kubeadmConfig();

const FLANNEL = `apiVersion: v1
kind: ConfigMap
metadata:
  name: kube-flannel-cfg
data:
  net-conf.json: |
    { "Network": "10.245.0.0/16", "Backend": { "Type": "vxlan" } }
`;

const PULL_CAPABILITIES = {
  textDocument: { publishDiagnostics: { relatedInformation: true }, diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } },
  workspace: { configuration: true, workspaceFolders: true, diagnostics: { refreshSupport: true }, workspaceEdit: { documentChanges: true } },
};

interface Report {
  kind: 'full' | 'unchanged';
  resultId?: string;
  items?: Array<{ code: string }>;
}

interface WorkspaceReport {
  items: Array<Report & { uri: string; version: number | null }>;
}

describe('pull diagnostics over stdio', () => {
  let session: Session;
  let refreshes = 0;
  let onRefresh: () => void = () => undefined;
  const uri = (path: string) => session.ws.uri(path);

  before(async () => {
    session = await startSession({ 'kubeadm.yaml': KUBEADM, 'kube-flannel.yaml': FLANNEL }, { capabilities: PULL_CAPABILITIES });
    session.client.handlers.set('workspace/diagnostic/refresh', () => {
      refreshes++;
      onRefresh();
      return null;
    });
  });

  after(() => session.dispose());

  it('declares a diagnostic provider with workspace diagnostics, and reports closed files through it', async () => {
    assert.deepEqual(session.capabilities.diagnosticProvider, { identifier: 'cidr-lens', interFileDependencies: true, workspaceDiagnostics: true });
    const report = await session.client.request<WorkspaceReport>('workspace/diagnostic', { previousResultIds: [] });
    const byUri = new Map(report.items.map((item) => [item.uri, item]));
    assert.deepEqual(byUri.get(uri('kube-flannel.yaml'))?.items?.map((d) => d.code), ['pod-network-mismatch']);
    assert.deepEqual(byUri.get(uri('kubeadm.yaml'))?.items?.map((d) => d.code), ['pod-network-mismatch']);
    assert.equal(byUri.get(uri('kubeadm.yaml'))?.version, null);
  });

  it('answers a document pull in full, then unchanged for the same result id', async () => {
    const first = await session.client.request<Report>('textDocument/diagnostic', { textDocument: { uri: uri('kube-flannel.yaml') } });
    assert.equal(first.kind, 'full');
    assert.deepEqual(first.items?.map((d) => d.code), ['pod-network-mismatch']);
    const again = await session.client.request<Report>('textDocument/diagnostic', { textDocument: { uri: uri('kube-flannel.yaml') }, previousResultId: first.resultId });
    assert.deepEqual(again, { kind: 'unchanged', resultId: first.resultId });
  });

  it('leaves no pushed diagnostics beside the pulled ones', () => {
    // Whatever went out before the client pulled its first workspace report has been cleared since.
    assert.deepEqual([...session.client.diagnostics.values()].filter((d) => d.length > 0), []);
  });

  it('holds a workspace request until something changes, then reports only what changed', async () => {
    const { client } = session;
    const known = await client.request<WorkspaceReport>('workspace/diagnostic', { previousResultIds: [] });
    const previousResultIds = known.items.map((item) => ({ uri: item.uri, value: item.resultId }));
    let answered = false;
    const pending = client.request<WorkspaceReport>('workspace/diagnostic', { previousResultIds }).then((r) => ((answered = true), r));
    // A hover is answered after the analysis settles: the workspace request must still be waiting then.
    await client.request('textDocument/hover', { textDocument: { uri: uri('kubeadm.yaml') }, position: { line: 0, character: 0 } });
    assert.equal(answered, false);
    const refreshed = new Promise<void>((resolve) => (onRefresh = resolve));
    const kubeadm = uri('kubeadm.yaml');
    client.notify('textDocument/didOpen', { textDocument: { uri: kubeadm, languageId: 'yaml', version: 1, text: KUBEADM } });
    await client.request('textDocument/diagnostic', { textDocument: { uri: kubeadm } });
    const start = positionOf(KUBEADM, '10.244.0.0/16');
    client.notify('textDocument/didChange', {
      textDocument: { uri: kubeadm, version: 2 },
      contentChanges: [{ range: { start, end: { line: start.line, character: start.character + 13 } }, text: '10.245.0.0/16' }],
    });
    const changed = await pending;
    assert.deepEqual(changed.items.map((item) => [item.uri, item.items?.length, item.version]).sort(), [
      [uri('kube-flannel.yaml'), 0, null],
      [kubeadm, 0, 2],
    ]);
    // The open document's own report changed too, so the client was asked to pull again.
    await refreshed;
    assert.ok(refreshes >= 1);
    const flannel = await client.request<Report>('textDocument/diagnostic', { textDocument: { uri: uri('kube-flannel.yaml') } });
    assert.deepEqual(flannel.items, []);
  });

  it('versions the documents of a cross-file fix when the client takes documentChanges', async () => {
    const { client } = session;
    const kubeadm = uri('kubeadm.yaml');
    // Back to the mismatch, so the Flannel value has fixes again.
    client.notify('textDocument/didChange', { textDocument: { uri: kubeadm, version: 3 }, contentChanges: [{ text: KUBEADM }] });
    const report = await client.request<{ items: Array<{ code: string; range: unknown; data?: unknown; source: string; message: string }> }>('textDocument/diagnostic', { textDocument: { uri: uri('kube-flannel.yaml') } });
    const actions = await client.request<Array<{ title: string; edit: { documentChanges: Array<{ textDocument: { uri: string; version: number | null } }> } }>>('textDocument/codeAction', {
      textDocument: { uri: uri('kube-flannel.yaml') },
      range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } },
      context: { diagnostics: report.items, only: ['quickfix'] },
    });
    const targets = actions.flatMap((a) => a.edit.documentChanges.map((c) => c.textDocument)).sort((a, b) => a.uri.localeCompare(b.uri));
    assert.deepEqual(targets, [
      { uri: uri('kube-flannel.yaml'), version: null },
      { uri: kubeadm, version: 3 },
    ]);
  });
});

describe('pull diagnostics with a client that never asks for workspace diagnostics', () => {
  let session: Session;
  const uri = (path: string) => session.ws.uri(path);

  before(async () => {
    session = await startSession({ 'kubeadm.yaml': KUBEADM, 'kube-flannel.yaml': FLANNEL }, { capabilities: PULL_CAPABILITIES });
  });

  after(() => session.dispose());

  it('pushes closed files, and moves a file to pull once the client pulls it', async () => {
    const { client } = session;
    const flannel = uri('kube-flannel.yaml');
    await client.waitForDiagnostics(flannel, (d) => d.length === 1);
    client.notify('textDocument/didOpen', { textDocument: { uri: flannel, languageId: 'yaml', version: 1, text: FLANNEL } });
    const cleared = client.waitForDiagnostics(flannel, (d) => d.length === 0);
    const pulled = await client.request<Report>('textDocument/diagnostic', { textDocument: { uri: flannel } });
    assert.deepEqual(pulled.items?.map((d) => d.code), ['pod-network-mismatch']);
    await cleared;
    // Closed again, the file goes back to push.
    client.notify('textDocument/didClose', { textDocument: { uri: flannel } });
    await client.waitForDiagnostics(flannel, (d) => d.length === 1);
  });
});
