// `cidrLens/addressPlan` and `cidrLens/addressPlanChanged` over stdio: the map of every cluster with
// locations as LSP ranges, the change notification after an edit (only for a client that asked), and
// the client's revival of the wire form, which must draw exactly what the core draws.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { drawableClusters } from '../../client/src/planWire';
import { analyze, buildAddressMap, defaultPanels, readManifestFile, renderAddressMapSvg } from '../../server/src/core';
import { ADDRESS_PLAN_CHANGED_NOTIFICATION, ADDRESS_PLAN_REQUEST, AddressPlanResult } from '../../server/src/lsp/addressPlanProtocol';
import { Session, positionOf, startSession } from './session';

const KUBEADM = `apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
networking:
  podSubnet: 10.244.0.0/16
  serviceSubnet: 10.0.0.0/8
`;

const NODES = `apiVersion: v1
kind: Node
metadata: { name: a }
spec:
  podCIDRs: [10.244.3.0/24]
`;

const FILES = { 'kubeadm.yaml': KUBEADM, 'nodes.yaml': NODES };

describe('the address plan over stdio', () => {
  let session: Session;

  before(async () => {
    session = await startSession(FILES);
    await session.client.waitForDiagnostics(session.ws.uri('kubeadm.yaml'), (d) => d.length > 0);
  });

  after(() => session.dispose());

  it('sends no change notification to a client that never asked for the plan', async () => {
    const { client, ws } = session;
    const uri = ws.uri('nodes.yaml');
    const notified = client.waitFor((m) => m.method === ADDRESS_PLAN_CHANGED_NOTIFICATION, 'no notification', 1500);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: NODES } });
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: NODES.replace('10.244.3.0/24', '10.244.4.0/24') }] });
    await assert.rejects(notified, /timed out/);
    client.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: NODES }] });
  });

  it('answers with every range, its overlap, utilization and card, and locations as LSP ranges', async () => {
    const { client, ws } = session;
    const plan = await client.request<AddressPlanResult>(ADDRESS_PLAN_REQUEST, {});
    assert.equal(plan.version, 1);
    assert.equal(plan.clusters.length, 1);
    const items = plan.clusters[0].items;
    assert.deepEqual(items.map((i) => `${i.kind} ${i.lane} ${i.text}`), ['range pods 10.244.0.0/16', 'range services 10.0.0.0/8', 'allocation pods 10.244.3.0/24']);
    const [pods, services] = items;
    assert.deepEqual(pods.range, { family: 4, first: '183762944', last: '183828479' });
    assert.deepEqual(pods.conflicts.map((c) => `${c.rule} ${c.severity} ${c.with}`), [`range-overlap error ${services.id}`]);
    assert.deepEqual(pods.usage, { allocated: '1', capacity: '0', unit: 'node subnets' });
    const start = positionOf(KUBEADM, '10.244.0.0/16');
    assert.deepEqual(pods.location, { uri: ws.uri('kubeadm.yaml'), range: { start, end: { line: start.line, character: start.character + 13 } }, label: 'kubeadm.yaml:4' });
    assert.equal(pods.card.title, '10.244.0.0/16 · pod network (cluster CIDR)');
    assert.ok(pods.card.lines.some((line) => line.label === 'error range-overlap'));
  });

  it('draws from the wire exactly what the core draws from the same files', async () => {
    const { client, ws } = session;
    const plan = await client.request<AddressPlanResult>(ADDRESS_PLAN_REQUEST, {});
    const files = Object.entries(FILES).map(([path, text]) => readManifestFile(ws.uri(path), text));
    const map = buildAddressMap(analyze({ folders: [ws.rootUri], files, configs: [] }).scopes);
    const panels = defaultPanels(map.clusters.flatMap((c) => c.items.filter((i) => i.kind === 'range').map((i) => i.range)));
    assert.equal(renderAddressMapSvg(drawableClusters(plan), { width: 900, panels }), renderAddressMapSvg(map.clusters, { width: 900, panels }));
  });

  it('tells a client that asked when an edit changes a cluster, and the next answer has the change', async () => {
    const { client, ws } = session;
    const uri = ws.uri('kubeadm.yaml');
    const notified = client.waitFor((m) => m.method === ADDRESS_PLAN_CHANGED_NOTIFICATION, 'cidrLens/addressPlanChanged');
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: KUBEADM } });
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: KUBEADM.replace('10.0.0.0/8', '10.96.0.0/12') }] });
    await notified;
    const plan = await client.request<AddressPlanResult>(ADDRESS_PLAN_REQUEST, {});
    const services = plan.clusters[0].items.find((i) => i.lane === 'services');
    assert.equal(services?.text, '10.96.0.0/12');
    assert.deepEqual(plan.clusters[0].items.flatMap((i) => i.conflicts), []);
  });
});
