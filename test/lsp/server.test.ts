// Protocol tests against the real server over stdio, driven by an independent JSON-RPC client.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LspClient } from '../support/lspClient';
import { TempWorkspace, tempWorkspace } from '../support/workspace';

const SERVER = 'server/out/server.js';

const OVERLAPPING_KUBEADM = `apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
networking:
  podSubnet: "10.96.0.0/16"
  serviceSubnet: 10.96.0.0/12
`;

describe('language server over stdio', () => {
  let ws: TempWorkspace;
  let client: LspClient;

  before(async () => {
    ws = tempWorkspace({ 'cluster/kubeadm.yaml': OVERLAPPING_KUBEADM, 'cluster/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\n' });
    client = new LspClient(SERVER);
    client.handlers.set('workspace/configuration', (params) => (params as { items: unknown[] }).items.map(() => ({})));
  });

  after(async () => {
    await client.shutdown();
    ws.dispose();
  });

  it('answers initialize with its capabilities', async () => {
    const result = (await client.initialize(ws.rootUri)) as { capabilities: Record<string, unknown>; serverInfo: { name: string } };
    assert.equal(result.serverInfo.name, 'cidr-lens-server');
    assert.ok(result.capabilities.textDocumentSync);
  });

  it('publishes range-overlap on both values of a file the client never opened', async () => {
    const uri = ws.uri('cluster/kubeadm.yaml');
    const diagnostics = await client.waitForDiagnostics(uri, (d) => d.length === 2);
    const ranges = diagnostics.map((d) => [d.code, d.source, d.range.start.line, d.range.start.character, d.range.end.character]).sort();
    assert.deepEqual(ranges, [
      ['range-overlap', 'cidr-lens', 3, 14, 26],
      ['range-overlap', 'cidr-lens', 4, 17, 29],
    ]);
    assert.ok(diagnostics.every((d) => (d.relatedInformation ?? []).length === 1));
  });

  it('clears the findings when an edit of the open file removes the overlap', async () => {
    const uri = ws.uri('cluster/kubeadm.yaml');
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: OVERLAPPING_KUBEADM } });
    client.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 3, character: 14 }, end: { line: 3, character: 26 } }, text: '10.244.0.0/16' }],
    });
    const diagnostics = await client.waitForDiagnostics(uri, (d) => d.length === 0);
    assert.equal(diagnostics.length, 0);
  });
});
