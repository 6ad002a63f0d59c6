// The data behind the address plan picture: lanes and rows, overlaps a rule reported (and only those),
// utilization and subnet ticks from the capacity model, allocations inside their ranges, cards.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AddressMap, MapItem, SettingsInput, analyze, buildAddressMap, hoverAt, buildScopeIndex, parseConfigFile, readManifestFile } from '../../../server/src/core';
import { formatRange } from '../../../server/src/core/net/prefix';

const ROOT = '/ws';

function mapOf(files: Readonly<Record<string, string>>, settings?: SettingsInput): AddressMap {
  return buildAddressMap(analyzed(files, settings).scopes);
}

function analyzed(files: Readonly<Record<string, string>>, settings?: SettingsInput) {
  const entries = Object.entries(files).map(([path, text]) => [`${ROOT}/${path}`, text] as const);
  const configs = entries.filter(([uri]) => uri.endsWith('.cidr-lens.yaml')).map(([uri, text]) => parseConfigFile(uri, text));
  const manifests = entries.filter(([uri]) => !uri.endsWith('.cidr-lens.yaml')).map(([uri, text]) => readManifestFile(uri, text));
  return analyze({ folders: [ROOT], files: manifests, configs, ...(settings ? { settings } : {}) });
}

/** `lane/kind row text`, the shape of the picture. */
function shape(item: MapItem): string {
  return `${item.lane}/${item.kind} ${item.row} ${item.text}`;
}

function byText(map: AddressMap, text: string, cluster = 0): MapItem {
  const found = map.clusters[cluster].items.filter((i) => i.text === text);
  assert.equal(found.length, 1, `expected one item ${text}, found ${found.length}`);
  return found[0];
}

function conflictsOf(item: MapItem): string[] {
  return item.conflicts.map((c) => `${c.rule} ${formatRange(c.range)}${c.with ? ` with ${c.with}` : ''}`);
}

const KUBEADM = `apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
networking:
  podSubnet: 10.244.0.0/16
  serviceSubnet: 10.96.0.0/12
`;

const CALICO_POOL = `apiVersion: projectcalico.org/v3
kind: IPPool
metadata: { name: default }
spec:
  cidr: 10.244.128.0/20
  blockSize: 26
`;

const METALLB_INSIDE_SERVICES = `apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata: { name: pool, namespace: metallb-system }
spec:
  addresses: [10.96.200.0/28]
`;

const NODES = `apiVersion: v1
kind: Node
metadata: { name: a }
spec:
  podCIDRs: [10.244.0.0/24]
---
apiVersion: v1
kind: Node
metadata: { name: b }
spec:
  podCIDRs: [10.244.1.0/24]
`;

const SERVICES = `apiVersion: v1
kind: Service
metadata: { name: dns, namespace: kube-system }
spec:
  clusterIP: 10.96.0.10
---
apiVersion: v1
kind: Service
metadata: { name: twin, namespace: default }
spec:
  clusterIP: 10.96.0.10
---
apiVersion: v1
kind: Service
metadata: { name: stray, namespace: default }
spec:
  clusterIP: 10.112.0.1
`;

describe('address map: lanes, rows and order', () => {
  it('puts each range in its lane, ranges before allocations, lanes top to bottom, then by address', () => {
    const map = mapOf({ 'kubeadm.yaml': KUBEADM, 'calico.yaml': CALICO_POOL, 'metallb.yaml': METALLB_INSIDE_SERVICES, 'nodes.yaml': NODES });
    assert.deepEqual(map.clusters[0].items.map(shape), [
      'pods/range 0 10.244.0.0/16',
      'cni/range 0 10.244.128.0/20',
      'services/range 0 10.96.0.0/12',
      'load-balancers/range 0 10.96.200.0/28',
      'pods/allocation 0 10.244.0.0/24',
      'pods/allocation 0 10.244.1.0/24',
    ]);
    assert.deepEqual(map.clusters[0].items.map((i) => i.id), ['0.0', '0.1', '0.2', '0.3', '0.4', '0.5']);
  });

  it('gives ranges of one lane that overlap each other their own rows, the wider above', () => {
    const pools = `apiVersion: projectcalico.org/v3
kind: IPPool
metadata: { name: wide }
spec:
  cidr: 10.244.0.0/16
---
apiVersion: projectcalico.org/v3
kind: IPPool
metadata: { name: narrow }
spec:
  cidr: 10.244.8.0/24
---
apiVersion: projectcalico.org/v3
kind: IPPool
metadata: { name: beside }
spec:
  cidr: 10.245.0.0/24
`;
    const map = mapOf({ 'pools.yaml': pools });
    assert.deepEqual(map.clusters[0].items.map(shape), ['cni/range 0 10.244.0.0/16', 'cni/range 1 10.244.8.0/24', 'cni/range 0 10.245.0.0/24']);
  });

  it('draws an allocation in the row of the narrowest range that holds it, and one outside every range in the first row', () => {
    const map = mapOf({ 'kubeadm.yaml': KUBEADM, 'services.yaml': SERVICES });
    assert.deepEqual(
      map.clusters[0].items.filter((i) => i.kind === 'allocation').map(shape),
      ['services/allocation 0 10.96.0.10', 'services/allocation 0 10.96.0.10', 'services/allocation 0 10.112.0.1'],
    );
  });

  it('shows configured networks in their lanes, with the config file as their source', () => {
    const config = `externalNetworks:\n  - { cidr: 192.168.0.0/24, name: office }\nnodeNetworks: [10.0.0.0/20]\n`;
    const map = mapOf({ '.cidr-lens.yaml': config, 'kubeadm.yaml': KUBEADM });
    const office = byText(map, '192.168.0.0/24');
    assert.equal(office.lane, 'external');
    assert.equal(office.what, 'external network office');
    assert.equal(office.source, '.cidr-lens.yaml externalNetworks');
    assert.equal(office.location?.uri, `${ROOT}/.cidr-lens.yaml`);
    assert.equal(byText(map, '10.0.0.0/20').what, 'node network');
  });

  it('orders clusters by name', () => {
    const map = mapOf({ 'zulu/.cidr-lens.yaml': 'cluster: zulu\n', 'zulu/kubeadm.yaml': KUBEADM, 'alpha/.cidr-lens.yaml': 'cluster: alpha\n', 'alpha/kubeadm.yaml': KUBEADM });
    assert.deepEqual(map.clusters.map((c) => c.name), ['alpha', 'zulu']);
  });
});

describe('address map: overlaps', () => {
  it('flags a pod network inside the service range on both sides, with the shared addresses and the rule', () => {
    const kubeadm = KUBEADM.replace('10.96.0.0/12', '10.0.0.0/8');
    const map = mapOf({ 'kubeadm.yaml': kubeadm });
    const pods = byText(map, '10.244.0.0/16');
    const services = byText(map, '10.0.0.0/8');
    assert.deepEqual(conflictsOf(pods), [`range-overlap 10.244.0.0/16 with ${services.id}`]);
    assert.deepEqual(conflictsOf(services), [`range-overlap 10.244.0.0/16 with ${pods.id}`]);
    assert.equal(pods.conflicts[0].severity, 'error');
  });

  it('does not flag a CNI pool inside its pod network, nor an allocation inside its range', () => {
    const map = mapOf({ 'kubeadm.yaml': KUBEADM, 'calico.yaml': CALICO_POOL, 'nodes.yaml': NODES });
    for (const item of map.clusters[0].items) assert.deepEqual(item.conflicts, [], item.text);
  });

  it('flags a load-balancer pool inside the service range with the severity its rule gives', () => {
    const map = mapOf({ 'kubeadm.yaml': KUBEADM, 'metallb.yaml': METALLB_INSIDE_SERVICES });
    const pool = byText(map, '10.96.200.0/28');
    assert.deepEqual(conflictsOf(pool), [`range-overlap 10.96.200.0/28 with ${byText(map, '10.96.0.0/12').id}`]);
    assert.equal(pool.conflicts[0].severity, 'warning');
  });

  it('flags two Services with one clusterIP, and not the address outside every range', () => {
    const map = mapOf({ 'kubeadm.yaml': KUBEADM, 'services.yaml': SERVICES });
    const [first, second] = map.clusters[0].items.filter((i) => i.text === '10.96.0.10');
    assert.deepEqual(conflictsOf(first), [`duplicate-address 10.96.0.10/32 with ${second.id}`]);
    assert.deepEqual(conflictsOf(second), [`duplicate-address 10.96.0.10/32 with ${first.id}`]);
    assert.deepEqual(byText(map, '10.112.0.1').conflicts, []);
  });

  it('flags pod networks of connected clusters that overlap, across clusters', () => {
    const map = mapOf({
      'a/.cidr-lens.yaml': 'cluster: a\nconnectedClusters: [../b]\n',
      'a/kubeadm.yaml': KUBEADM,
      'b/.cidr-lens.yaml': 'cluster: b\nconnectedClusters: [../a]\n',
      'b/kubeadm.yaml': KUBEADM.replace('10.244.0.0/16', '10.244.0.0/17').replace('10.96.0.0/12', '10.112.0.0/12'),
    });
    const inA = byText(map, '10.244.0.0/16', 0);
    const inB = byText(map, '10.244.0.0/17', 1);
    assert.deepEqual(conflictsOf(inA), [`cross-cluster-overlap 10.244.0.0/17 with ${inB.id}`]);
    assert.deepEqual(conflictsOf(inB), [`cross-cluster-overlap 10.244.0.0/17 with ${inA.id}`]);
  });

  it('says on the card of a range why it is drawn as overlapping when the rule reported the other side only', () => {
    const map = mapOf({
      'a/.cidr-lens.yaml': 'cluster: a\nconnectedClusters: [../b]\n',
      'a/kubeadm.yaml': KUBEADM,
      'b/.cidr-lens.yaml': 'cluster: b\n',
      'b/kubeadm.yaml': KUBEADM.replace('10.244.0.0/16', '10.244.0.0/17').replace('10.96.0.0/12', '10.112.0.0/12'),
    });
    const inB = byText(map, '10.244.0.0/17', 1);
    assert.deepEqual(conflictsOf(inB), [`cross-cluster-overlap 10.244.0.0/17 with ${byText(map, '10.244.0.0/16', 0).id}`]);
    const line = inB.card.lines.find((l) => l.label === 'warning cross-cluster-overlap (reported on the other range)');
    assert.match(line?.text ?? '', /^10\.244\.0\.0\/16 \(kubeadm networking\.podSubnet\) contains 10\.244\.0\.0\/17/);
  });

  it('does not flag clusters that are not connected, even on the same addresses', () => {
    const map = mapOf({ 'a/.cidr-lens.yaml': 'cluster: a\n', 'a/kubeadm.yaml': KUBEADM, 'b/.cidr-lens.yaml': 'cluster: b\n', 'b/kubeadm.yaml': KUBEADM });
    for (const cluster of map.clusters) for (const item of cluster.items) assert.deepEqual(item.conflicts, []);
  });

  it("flags the part of a range that Docker's default bridge takes, with no item on the other side", () => {
    const map = mapOf({ 'kubeadm.yaml': KUBEADM.replace('10.96.0.0/12', '172.16.0.0/12') });
    assert.deepEqual(conflictsOf(byText(map, '172.16.0.0/12')), ['docker-bridge-overlap 172.17.0.0/16']);
  });

  it('flags a collision with a network from the workspace settings, which has no location', () => {
    const map = mapOf({ 'kubeadm.yaml': KUBEADM, 'metallb.yaml': METALLB_INSIDE_SERVICES.replace('10.96.200.0/28', '192.168.7.0/28') }, { externalNetworks: [{ cidr: '192.168.0.0/16', name: 'LAN' }] });
    const network = byText(map, '192.168.0.0/16');
    const pool = byText(map, '192.168.7.0/28');
    assert.equal(network.location, undefined);
    assert.equal(network.source, 'setting cidrLens.externalNetworks');
    assert.deepEqual(conflictsOf(pool), [`range-overlap 192.168.7.0/28 with ${network.id}`]);
    assert.deepEqual(conflictsOf(network), [`range-overlap 192.168.7.0/28 with ${pool.id}`]);
  });
});

describe('address map: capacity', () => {
  it('gives the pod network its node subnets and how many Nodes hold one, and names the node mask among its sources', () => {
    const map = mapOf({ 'kubeadm.yaml': KUBEADM, 'nodes.yaml': NODES });
    const pods = byText(map, '10.244.0.0/16');
    assert.deepEqual(pods.usage, { allocated: 2n, capacity: 256n, unit: 'node subnets' });
    assert.deepEqual(pods.subnets, { size: 256n, bits: 24, count: 256n, unit: 'node subnets' });
    assert.equal(pods.definedBy.length, 2);
    assert.equal(pods.definedBy[0].label, 'kubeadm networking.podSubnet');
    assert.match(pods.definedBy[1].label, /^node mask \/24 · .*\(default\)$/);
  });

  it('gives a Calico pool its blocks, a service range its ClusterIPs and a load-balancer pool its addresses', () => {
    const lbService = `apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  type: LoadBalancer
  clusterIP: 10.96.0.20
  loadBalancerIP: 10.96.200.3
`;
    const map = mapOf({ 'kubeadm.yaml': KUBEADM, 'calico.yaml': CALICO_POOL, 'metallb.yaml': METALLB_INSIDE_SERVICES, 'web.yaml': lbService });
    assert.deepEqual(byText(map, '10.244.128.0/20').subnets, { size: 64n, bits: 26, count: 64n, unit: 'Calico blocks' });
    assert.deepEqual(byText(map, '10.244.128.0/20').usage, { allocated: 0n, capacity: 64n, unit: 'Calico blocks' });
    assert.deepEqual(byText(map, '10.96.0.0/12').usage, { allocated: 1n, capacity: 1_048_574n, unit: 'ClusterIPs' });
    assert.deepEqual(byText(map, '10.96.200.0/28').usage, { allocated: 1n, capacity: 16n, unit: 'load-balancer addresses' });
    assert.equal(byText(map, '10.96.200.0/28').subnets, undefined);
  });
});

describe('address map: cards', () => {
  it("gives a written value the editor's hover card, followed by the findings on it", () => {
    const kubeadm = KUBEADM.replace('10.96.0.0/12', '10.0.0.0/8');
    const result = analyzed({ 'kubeadm.yaml': kubeadm });
    const map = buildAddressMap(result.scopes);
    const pods = byText(map, '10.244.0.0/16');
    const hover = hoverAt({ uri: `${ROOT}/kubeadm.yaml`, text: kubeadm, offset: kubeadm.indexOf('10.244.0.0/16') + 1, index: buildScopeIndex(result.scopes[0].plan) });
    assert.ok(hover);
    assert.equal(pods.card.title, hover.title);
    assert.deepEqual(pods.card.lines.slice(0, hover.lines.length), hover.lines);
    const findings = pods.card.lines.slice(hover.lines.length);
    assert.ok(findings.some((line) => line.label === 'error range-overlap'), JSON.stringify(findings));
  });

  it("gives a default the card of its own range, not the list of its document's defaults", () => {
    const kind = 'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\n';
    const map = mapOf({ 'kind.yaml': kind });
    const pods = map.clusters[0].items.find((i) => i.lane === 'pods')!;
    assert.equal(pods.isDefault, true);
    assert.equal(pods.card.title, '10.244.0.0/16 · pod network (cluster CIDR)');
    assert.deepEqual(pods.card.lines[0], { text: '10.244.0.0 – 10.244.255.255 · 65,536 addresses' });
    assert.match(pods.card.lines[1].text, /\(default\) · cluster ws$/);
  });

  it('gives a configured network the compact card of extent and source', () => {
    const map = mapOf({ '.cidr-lens.yaml': 'cluster: c\nexternalNetworks: [10.1.0.0/16]\n', 'kubeadm.yaml': KUBEADM });
    assert.deepEqual(byText(map, '10.1.0.0/16').card, {
      title: '10.1.0.0/16 · external network',
      lines: [{ text: '10.1.0.0 – 10.1.255.255 · 65,536 addresses' }, { label: 'Source', text: '.cidr-lens.yaml externalNetworks · cluster c' }],
    });
  });
});
