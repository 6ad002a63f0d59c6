// `plan`: every cluster with its ranges, settings and networks; JSON locations point at the values,
// and Markdown tables stay well-formed when pasted into a pull request.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { REPO, TWO_CLUSTERS, parseJson, runCli } from './support';

interface Location {
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}
interface PlanJson {
  version: number;
  clusters: Array<{
    cluster: string;
    root: string;
    config?: string;
    ranges: Array<{ role: string; value: string; family: number; addresses: string; source: string; default: boolean; location: Location; capacity: RangeCapacity }>;
    settings: Array<{ role: string; value: number; source: string; default: boolean; location: Location }>;
    networks: Array<{ kind: string; name: string; value: string; family: number; addresses: string; location?: Location }>;
    capacity: { maxPods: { value: number; origin: string; source: string }; nodes: Record<string, number> };
  }>;
}
interface Utilization {
  allocated: string;
  capacity: string;
  ratio: number;
}
interface RangeCapacity {
  nodeSubnets?: Array<{ nodeMask: { value: number }; subnets: string | null; lostToServices: string; maxNodes: string; podsPerNode: string | null; utilization: Utilization | null }>;
  calicoBlocks?: Array<{ blockSize: { value: number }; blocks: string | null; utilization: Utilization | null }>;
  serviceIps?: Array<{ clusterIps: string; utilization: Utilization }>;
  lbAddresses?: Array<{ usable: string; utilization: Utilization }>;
}

function textAt(cwd: string, location: Location): string {
  const lines = readFileSync(join(cwd, location.file), 'utf8').split('\n');
  return lines[location.range.start.line].slice(location.range.start.character, location.range.end.character);
}

describe('plan', () => {
  for (const [name, cwd] of [
    ['two-clusters', TWO_CLUSTERS],
    ['examples', join(REPO, 'examples')],
  ] as const) {
    it(`--format json lists each cluster's values where they are written (${name})`, () => {
      const run = runCli(['plan', '--format', 'json'], { cwd });
      assert.equal(run.status, 0, run.stderr);
      const plan = parseJson<PlanJson>(run);
      assert.equal(plan.version, 1);
      assert.ok(plan.clusters.length >= 2);
      for (const cluster of plan.clusters) {
        assert.deepEqual(Object.keys(cluster), ['cluster', 'root', ...(cluster.config ? ['config'] : []), 'ranges', 'settings', 'networks', 'capacity']);
        for (const range of cluster.ranges) {
          assert.deepEqual(Object.keys(range), ['role', 'value', 'family', 'addresses', 'source', 'default', 'location', 'capacity']);
          assert.match(range.addresses, /^[1-9]\d*$/);
          assert.ok(range.family === 4 || range.family === 6);
          if (!range.default) assert.equal(textAt(cwd, range.location), range.value, `${range.source} in ${range.location.file}`);
        }
        for (const setting of cluster.settings) {
          assert.ok(Number.isInteger(setting.value));
          if (!setting.default) assert.equal(textAt(cwd, setting.location).replace(/^["']|["']$/g, ''), String(setting.value), `${setting.source} in ${setting.location.file}`);
        }
        for (const network of cluster.networks) if (network.location) assert.equal(textAt(cwd, network.location), network.value);
      }
    });
  }

  it('shows the node network an interface address states, not the address', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cidr-lens-plan-'));
    try {
      writeFileSync(join(dir, 'controlplane.yaml'), 'machine:\n  network:\n    interfaces:\n      - interface: eth0\n        addresses: [192.168.1.10/24]\n');
      const ranges = parseJson<PlanJson>(runCli(['plan', '--format', 'json', dir])).clusters[0].ranges;
      const network = ranges.find((r) => r.role === 'node-network');
      assert.equal(network?.value, '192.168.1.0/24', JSON.stringify(ranges));
      assert.equal(network && textAt(dir, { ...network.location, file: network.location.file.replace(/^.*controlplane\.yaml$/, 'controlplane.yaml') }), '192.168.1.10/24');
      assert.equal(ranges.find((r) => r.role === 'node-address')?.value, '192.168.1.10');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('marks defaults, and lists the networks a config file names', () => {
    const plan = parseJson<PlanJson>(runCli(['plan', '--format', 'json', join(REPO, 'examples/clusters/dev-kind')]));
    assert.ok(plan.clusters[0].ranges.some((r) => r.default && r.role === 'pod-network' && r.value === '10.244.0.0/16'), JSON.stringify(plan.clusters[0].ranges));
    const healthy = parseJson<PlanJson>(runCli(['plan', '--format', 'json', 'healthy'])).clusters[0];
    assert.equal(healthy.config, 'healthy/.cidr-lens.yaml');
    assert.deepEqual(
      healthy.networks.map((n) => [n.kind, n.name, n.value, n.addresses]),
      [
        ['external', 'VPC eu-west-1', '172.20.0.0/16', '65536'],
        ['node', 'node network', '172.20.0.0/20', '4096'],
      ],
    );
  });

  it('gives the capacity figures of pod, service, Calico and load-balancer ranges', () => {
    const healthy = parseJson<PlanJson>(runCli(['plan', '--format', 'json', 'healthy'])).clusters[0];
    const pods = healthy.ranges.find((r) => r.role === 'pod-network')!.capacity.nodeSubnets![0];
    assert.deepEqual([pods.nodeMask.value, pods.subnets, pods.lostToServices, pods.maxNodes, pods.podsPerNode], [24, '256', '0', '256', '253']);
    const services = healthy.ranges.find((r) => r.role === 'service-network')!.capacity.serviceIps![0];
    assert.deepEqual([services.clusterIps, services.utilization.allocated], ['1048574', '1']);
    assert.deepEqual(healthy.ranges.find((r) => r.role === 'cluster-ip')!.capacity, {});
    assert.deepEqual(healthy.capacity.maxPods, { value: 110, origin: 'default', source: 'kubelet default maxPods' });

    const prod = parseJson<PlanJson>(runCli(['plan', '--format', 'json', join(REPO, 'examples/clusters/prod-eu')])).clusters[0];
    const calico = prod.ranges.find((r) => r.value === '10.245.0.0/16')!.capacity.calicoBlocks![0];
    assert.deepEqual([calico.blockSize.value, calico.blocks], [26, '1024']);
    assert.ok(prod.ranges.some((r) => r.capacity.lbAddresses?.[0].utilization.allocated === '1'), 'the LB address 10.0.1.40 sits in a MetalLB pool');
    assert.equal(prod.capacity.nodes.expected, 500);
  });

  it('--format markdown writes a well-formed table per cluster', () => {
    const run = runCli(['plan', '--format', 'markdown'], { cwd: join(REPO, 'examples') });
    assert.equal(run.status, 0);
    const clusters = parseJson<PlanJson>(runCli(['plan', '--format', 'json'], { cwd: join(REPO, 'examples') })).clusters;
    for (const cluster of clusters) assert.ok(run.stdout.includes(`### Cluster \`${cluster.cluster}\``), cluster.cluster);
    const rows = run.stdout.split('\n').filter((l) => l.startsWith('|'));
    assert.ok(rows.length > 0);
    for (const row of rows) {
      // Cells are separated by unescaped pipes; every row of a table has as many as its header.
      const cells = row.split(/(?<!\\)\|/).length;
      assert.ok(cells === 8 || cells === 5, `odd row: ${row}`);
    }
  });
});
