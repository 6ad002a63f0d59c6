// IPAM exports through the real server over stdio: read at the scan like manifests, findings on the
// export's rows, the hover card naming the IPAM prefix, and an edit of the export (the watcher's
// change event) re-checking the cluster that uses it; an edit of the config naming another export
// re-reads the exports.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Session, positionOf, startSession } from './session';

const KUBEADM = `apiVersion: kubeadm.k8s.io/v1beta3
kind: ClusterConfiguration
networking:
  podSubnet: 10.42.0.0/16
  serviceSubnet: 10.96.0.0/12
`;
const CONFIG = 'cluster: payments\nexternalNetworks:\n  - { from: ipam/prefixes.csv }\n';
const PREFIXES = 'Prefix,Status,Tenant,Description\n10.40.0.0/14,Active,payments,Payments platform\n';
const MOVED = 'Prefix,Status,Tenant,Description\n10.80.0.0/14,Active,payments,Payments platform\n';
const FILE_CHANGED = 2;

interface Hover {
  contents: { kind: string; value: string };
}

describe('IPAM exports over stdio', () => {
  let session: Session;

  before(async () => {
    session = await startSession(
      { '.cidr-lens.yaml': CONFIG, 'kubeadm.yaml': KUBEADM, 'ipam/prefixes.csv': PREFIXES, 'ipam/other.txt': '10.42.0.0/20 lab\n' },
      { capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true } } },
    );
  });

  after(() => session.dispose());

  it('reports the collision on the manifest value and on the export row, a file no client opened', async () => {
    const { client, ws } = session;
    const manifest = await client.waitForDiagnostics(ws.uri('kubeadm.yaml'), (d) => d.length > 0);
    assert.deepEqual(manifest.map((d) => d.code), ['range-overlap']);
    const row = await client.waitForDiagnostics(ws.uri('ipam/prefixes.csv'), (d) => d.length > 0);
    assert.deepEqual(row[0].range, { start: { line: 1, character: 0 }, end: { line: 1, character: 12 } });
  });

  it('says in the hover card which IPAM prefix holds the value', async () => {
    const { client, ws } = session;
    const start = positionOf(KUBEADM, '10.42.0.0/16');
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: ws.uri('kubeadm.yaml') }, position: { line: start.line, character: start.character + 3 } });
    assert.ok(hover);
    assert.match(hover.contents.value, /NetBox prefix "Payments platform" · Active · tenant payments/);
  });

  it('re-checks the cluster when the export changes on disk', async () => {
    const { client, ws } = session;
    ws.write('ipam/prefixes.csv', MOVED);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri('ipam/prefixes.csv'), type: FILE_CHANGED }] });
    await client.waitForDiagnostics(ws.uri('kubeadm.yaml'), (d) => d.length === 0);
    await client.waitForDiagnostics(ws.uri('ipam/prefixes.csv'), (d) => d.length === 0);
  });

  it('reads the export a config edit names, and forgets the one it no longer names', async () => {
    const { client, ws } = session;
    const uri = ws.uri('.cidr-lens.yaml');
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: CONFIG } });
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: CONFIG.replace('ipam/prefixes.csv', 'ipam/other.txt') }] });
    const manifest = await client.waitForDiagnostics(ws.uri('kubeadm.yaml'), (d) => d.length > 0);
    assert.match(manifest[0].message, /listed network "lab"/);
    await client.waitForDiagnostics(ws.uri('ipam/other.txt'), (d) => d.length === 1);
  });
});
