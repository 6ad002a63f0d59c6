// `suggest`: the prefixes it proposes overlap nothing the cluster uses, checked with oracles written
// without the code under test: Node's `net.BlockList` for membership and `ip-cidr` for first addresses.

import assert from 'node:assert/strict';
import { BlockList, isIPv4 } from 'node:net';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import IPCIDR from 'ip-cidr';
import { tempWorkspace } from '../support/workspace';
import { REPO, TWO_CLUSTERS, parseJson, runCli } from './support';

interface PlanJson {
  clusters: Array<{ cluster: string; ranges: Array<{ role: string; value: string }>; networks: Array<{ value: string }> }>;
}
interface SuggestJson {
  family: number;
  prefixLength: number;
  clusters: Array<{ cluster: string; prefixes: Array<{ cidr: string; addresses: string; privateBlock: string }> }>;
}

/**
 * Peers named by policies and source ranges are other parties' addresses, and a Cilium native-routing
 * CIDR is a routing hint: none of them is space the cluster uses.
 */
const NOT_OWNED_ROLES = new Set(['policy-cidr', 'policy-except', 'source-range', 'native-routing-cidr']);
const DOCKER_BRIDGE = '172.17.0.0/16';
const PRIVATE_BLOCKS = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fd00::/8'];

type Interval = { first: string; last: string };

/** A plan value (`a/n`, `a-b` or `a`) as its first and last address, through ip-cidr for prefixes. */
function interval(value: string): Interval {
  if (value.includes('/')) {
    const cidr = new IPCIDR(value);
    return { first: cidr.start(), last: cidr.end() };
  }
  const [first, last] = value.split('-');
  return { first, last: last ?? first };
}

function typeOf(address: string): 'ipv4' | 'ipv6' {
  return isIPv4(address) ? 'ipv4' : 'ipv6';
}

function contains(outer: Interval, address: string): boolean {
  if (typeOf(outer.first) !== typeOf(address)) return false;
  const list = new BlockList();
  list.addRange(outer.first, outer.last, typeOf(outer.first));
  return list.check(address, typeOf(address));
}

/** Two intervals overlap exactly when one contains the first address of the other. */
function overlaps(a: Interval, b: Interval): boolean {
  return contains(a, b.first) || contains(b, a.first);
}

function within(outer: Interval, inner: Interval): boolean {
  return contains(outer, inner.first) && contains(outer, inner.last);
}

function occupied(cluster: PlanJson['clusters'][number]): Interval[] {
  const values = [...cluster.ranges.filter((r) => !NOT_OWNED_ROLES.has(r.role)).map((r) => r.value), ...cluster.networks.map((n) => n.value), DOCKER_BRIDGE];
  return values.map(interval);
}

function assertFree(cwd: string, args: readonly string[], count: number, bits: number): SuggestJson {
  const plan = parseJson<PlanJson>(runCli(['plan', '--format', 'json'], { cwd }));
  const run = runCli(['suggest', '--format', 'json', ...args], { cwd });
  assert.equal(run.status, 0, run.stderr);
  const suggestions = parseJson<SuggestJson>(run);
  assert.deepEqual(
    suggestions.clusters.map((c) => c.cluster),
    plan.clusters.map((c) => c.cluster),
  );
  for (const cluster of suggestions.clusters) {
    const taken = occupied(plan.clusters.find((c) => c.cluster === cluster.cluster)!);
    assert.equal(cluster.prefixes.length, count, `${cluster.cluster}: ${JSON.stringify(cluster.prefixes)}`);
    const proposed = cluster.prefixes.map((p) => interval(p.cidr));
    for (const [i, prefix] of cluster.prefixes.entries()) {
      const [address, length] = prefix.cidr.split('/');
      assert.equal(Number(length), bits);
      const hostBits = isIPv4(address) ? 32 : 128;
      assert.equal(new IPCIDR(prefix.cidr).start<bigint>({ type: 'bigInteger' }), new IPCIDR(`${address}/${hostBits}`).start<bigint>({ type: 'bigInteger' }), `${prefix.cidr} has no host bits`);
      assert.ok(PRIVATE_BLOCKS.includes(prefix.privateBlock));
      assert.ok(within(interval(prefix.privateBlock), proposed[i]), `${prefix.cidr} lies in ${prefix.privateBlock}`);
      for (const range of taken) assert.ok(!overlaps(range, proposed[i]), `${cluster.cluster}: ${prefix.cidr} overlaps ${range.first}-${range.last}`);
      for (const other of proposed.slice(0, i)) assert.ok(!overlaps(other, proposed[i]), `${prefix.cidr} proposed twice`);
    }
  }
  return suggestions;
}

describe('suggest', () => {
  it('--prefix 16 --count 3 prints three /16s that overlap nothing in each scope', () => {
    assertFree(TWO_CLUSTERS, ['--prefix', '16', '--count', '3'], 3, 16);
  });

  it('finds free space on the examples workspace for several sizes and both families', () => {
    const examples = join(REPO, 'examples');
    for (const bits of [16, 20, 24, 28]) assertFree(examples, ['--prefix', String(bits), '--count', '5'], 5, bits);
    for (const bits of [48, 64, 112]) assertFree(examples, ['--prefix', String(bits), '--family', '6', '--count', '4'], 4, bits);
  });

  it('stays near the pod network and is deterministic', () => {
    const first = runCli(['suggest', '--prefix', '16', '--format', 'json']);
    assert.equal(runCli(['suggest', '--prefix', '16', '--format', 'json']).stdout, first.stdout);
    const healthy = parseJson<SuggestJson>(first).clusters.find((c) => c.cluster === 'healthy')!;
    // The pod network is 10.244.0.0/16: its free neighbours come first, the lower one on a tie.
    assert.deepEqual(
      healthy.prefixes.map((p) => p.cidr),
      ['10.243.0.0/16', '10.245.0.0/16', '10.242.0.0/16'],
    );
  });

  it('keeps clear of the pod and service networks of connected clusters', () => {
    const kubeadm = (pods: string) => `apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\nnetworking:\n  podSubnet: ${pods}\n`;
    const ws = tempWorkspace({
      'prod/.cidr-lens.yaml': 'connectedClusters: [../staging]\n',
      'prod/kubeadm.yaml': kubeadm('10.244.0.0/16'),
      'staging/.cidr-lens.yaml': 'cluster: staging\n',
      'staging/kubeadm.yaml': kubeadm('10.243.0.0/16'),
    });
    try {
      const prod = parseJson<SuggestJson>(runCli(['suggest', '--prefix', '16', '--format', 'json'], { cwd: ws.root })).clusters.find((c) => c.cluster === 'prod')!;
      assert.deepEqual(
        prod.prefixes.map((p) => p.cidr),
        ['10.245.0.0/16', '10.242.0.0/16', '10.246.0.0/16'],
      );
    } finally {
      ws.dispose();
    }
  });

  it('moves on to the next private block when the first is full, and says when it found fewer', () => {
    const ws = tempWorkspace({
      'kubeadm.yaml': 'apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\nnetworking:\n  podSubnet: 10.0.0.0/9\n  serviceSubnet: 10.128.0.0/9\n',
    });
    try {
      // 10.0.0.0/8 is full, and 172.16.0.0/14 holds Docker's bridge.
      const suggestions = assertFree(ws.root, ['--prefix', '14', '--count', '2'], 2, 14);
      assert.deepEqual(
        suggestions.clusters[0].prefixes.map((p) => p.cidr),
        ['172.20.0.0/14', '172.24.0.0/14'],
      );
      const text = runCli(['suggest', '--prefix', '13', '--count', '2'], { cwd: ws.root });
      assert.match(text.stdout, /free \/13 \(IPv4\) \(only 1 of 2 found\)\n.*\n  172\.24\.0\.0\/13 /);
      const none = runCli(['suggest', '--prefix', '8'], { cwd: ws.root });
      assert.equal(none.status, 0);
      assert.match(none.stdout, /no free \/8 \(IPv4\) in private address space/);
    } finally {
      ws.dispose();
    }
  });
});
