// The workspace as the server sees it, over stdio: the scan with progress, closed files, edits that
// change findings in other files, deletes and renames, live configuration, and multi-root workspaces.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { flannelConfig, kubeadmConfig } from '../support/manifests';
import type { Message } from '../support/lspClient';
import { Session, positionOf, startSession } from './session';

const KUBEADM = kubeadmConfig();

/** Flannel's Network does not contain kubeadm's pod subnet: pod-network-mismatch in both files. */
const FLANNEL = flannelConfig('10.245.0.0/16');

const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\n';

const FILE_DELETED = 3;

function rules(diagnostics: ReadonlyArray<{ code: string }>): string[] {
  return diagnostics.map((d) => d.code).sort();
}

describe('the workspace over stdio', () => {
  let session: Session;
  const progress: unknown[] = [];
  let scanEnded: Promise<Message>;
  const recordProgress = (m: Message) => {
    if (m.method !== '$/progress') return false;
    const value = (m.params as { value: { kind: string } }).value;
    progress.push(value);
    return value.kind === 'end';
  };

  before(async () => {
    session = await startSession(
      { 'cluster/kubeadm.yaml': KUBEADM, 'cluster/kube-flannel.yaml': FLANNEL, 'apps/web.yaml': DEPLOYMENT },
      { beforeInitialize: (client) => (scanEnded = client.waitFor(recordProgress, 'the end of the scan')) },
    );
  });

  after(() => session.dispose());

  it('reports the scan with $/progress, naming the number of manifests', async () => {
    await scanEnded;
    assert.deepEqual(progress, [
      { kind: 'begin', title: 'CIDR Lens', cancellable: false, message: 'Scanning 3 manifests', percentage: 0 },
      { kind: 'end' },
    ]);
  });

  it("puts pod-network-mismatch on exactly the Flannel Network value inside net-conf.json, a file the client never opened", async () => {
    const { client, ws } = session;
    const diagnostics = await client.waitForDiagnostics(ws.uri('cluster/kube-flannel.yaml'), (d) => d.length > 0);
    assert.deepEqual(rules(diagnostics), ['pod-network-mismatch']);
    const start = positionOf(FLANNEL, '10.245.0.0/16');
    assert.deepEqual(diagnostics[0].range, { start, end: { line: start.line, character: start.character + '10.245.0.0/16'.length } });
    assert.equal(diagnostics[0].source, 'cidr-lens');
  });

  it('clears the finding in another file after an edit of the cluster CIDR', async () => {
    const { client, ws } = session;
    const uri = ws.uri('cluster/kubeadm.yaml');
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: KUBEADM } });
    const start = positionOf(KUBEADM, '10.244.0.0/16');
    client.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start, end: { line: start.line, character: start.character + 13 } }, text: '10.245.0.0/16' }],
    });
    await client.waitForDiagnostics(ws.uri('cluster/kube-flannel.yaml'), (d) => d.length === 0);
    await client.waitForDiagnostics(uri, (d) => d.length === 0);
    // Closing without saving brings back the text on disk, and with it the mismatch.
    client.notify('textDocument/didClose', { textDocument: { uri } });
    await client.waitForDiagnostics(ws.uri('cluster/kube-flannel.yaml'), (d) => rules(d).includes('pod-network-mismatch'));
  });

  it('leaves nothing stale when a file is deleted: its own diagnostics and those it caused elsewhere go', async () => {
    const { client, ws } = session;
    const kubeadm = ws.uri('cluster/kubeadm.yaml');
    await client.waitForDiagnostics(kubeadm, (d) => d.length > 0);
    ws.remove('cluster/kubeadm.yaml');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: kubeadm, type: FILE_DELETED }] });
    await client.waitForDiagnostics(kubeadm, (d) => d.length === 0);
    await client.waitForDiagnostics(ws.uri('cluster/kube-flannel.yaml'), (d) => d.length === 0);
  });

  it('follows a rename: the old name is cleared, the new one reported', async () => {
    const { client, ws } = session;
    ws.write('cluster/kubeadm.yaml', KUBEADM);
    client.notify('workspace/didCreateFiles', { files: [{ uri: ws.uri('cluster/kubeadm.yaml') }] });
    await client.waitForDiagnostics(ws.uri('cluster/kubeadm.yaml'), (d) => d.length > 0);
    ws.write('cluster/kubeadm-v2.yaml', KUBEADM);
    ws.remove('cluster/kubeadm.yaml');
    client.notify('workspace/didRenameFiles', { files: [{ oldUri: ws.uri('cluster/kubeadm.yaml'), newUri: ws.uri('cluster/kubeadm-v2.yaml') }] });
    await client.waitForDiagnostics(ws.uri('cluster/kubeadm.yaml'), (d) => d.length === 0);
    await client.waitForDiagnostics(ws.uri('cluster/kubeadm-v2.yaml'), (d) => rules(d).includes('pod-network-mismatch'));
  });

  it('re-analyses when the configuration changes: a rule set to off disappears, and comes back', async () => {
    const { client, ws } = session;
    const flannel = ws.uri('cluster/kube-flannel.yaml');
    await client.waitForDiagnostics(flannel, (d) => rules(d).includes('pod-network-mismatch'));
    session.settings = { rules: { 'pod-network-mismatch': 'off' } };
    client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.waitForDiagnostics(flannel, (d) => d.length === 0);
    session.settings = { rules: { 'pod-network-mismatch': 'warning' } };
    client.notify('workspace/didChangeConfiguration', { settings: null });
    const diagnostics = await client.waitForDiagnostics(flannel, (d) => d.length > 0);
    assert.deepEqual(diagnostics.map((d) => d.severity), [2]);
  });
});

describe('a multi-root workspace over stdio', () => {
  const OVERLAP = KUBEADM.replace('10.244.0.0/16', '10.96.0.0/16');
  const FLANNEL_NON_CANONICAL = FLANNEL.replace('10.245.0.0/16', '10.245.1.0/16');
  let session: Session;

  before(async () => {
    session = await startSession({ 'a/kubeadm.yaml': OVERLAP, 'b/kube-flannel.yaml': FLANNEL_NON_CANONICAL }, { folders: ['a', 'b'] });
  });

  after(() => session.dispose());

  it('treats each folder as its own cluster: the folders are never compared', async () => {
    const { client, ws } = session;
    const a = await client.waitForDiagnostics(ws.uri('a/kubeadm.yaml'), (d) => d.length > 0);
    const b = await client.waitForDiagnostics(ws.uri('b/kube-flannel.yaml'), (d) => d.length > 0);
    assert.deepEqual(rules(a), ['range-overlap', 'range-overlap']);
    // In one cluster, Flannel's 10.245.0.0/16 would not contain kubeadm's pod subnet: pod-network-mismatch.
    assert.deepEqual(rules(b), ['non-canonical-cidr']);
  });

  it('drops the findings of a folder removed from the workspace', async () => {
    const { client, ws } = session;
    client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: ws.uri('a'), name: 'a' }] } });
    await client.waitForDiagnostics(ws.uri('a/kubeadm.yaml'), (d) => d.length === 0);
  });
});
