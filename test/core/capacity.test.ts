// The capacity model (server/src/core/plan/capacity.ts): table cases from domain-rules.md §17, and the
// choices the model makes about which range and which mask are in effect.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Fact } from '../../server/src/core';
import { addrFrom } from '../../server/src/core/net/addr';
import { prefixFrom, prefixToRange } from '../../server/src/core/net/prefix';
import { blocksOverlapping, capacityOf, knownNodes, type CapacityModel } from '../../server/src/core/plan/capacity';
import type { RangeFact } from '../../server/src/core/plan/plan';
import { analyzeFixture, loadFixture } from '../support/check';

/** The capacity model of a one-scope workspace written as an annotated fixture (annotations are not needed). */
function capacityOfFixture(text: string): CapacityModel {
  const result = analyzeFixture(loadFixture(text));
  assert.equal(result.scopes.length, 1, 'one cluster scope');
  return capacityOf(result.scopes[0].plan);
}

const KUBEADM = (networking: string, extra = '') => `apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
networking:
${networking}
${extra}`;

describe('capacity: node subnets (domain-rules §17 table)', () => {
  const cases: Array<{ name: string; text: string; pool: string; subnets: bigint; maxNodes: bigint; mask: number; pods: bigint }> = [
    { name: 'kubeadm 10.244.0.0/16 with the default /24 → 256 nodes', text: KUBEADM('  podSubnet: 10.244.0.0/16'), pool: '10.244.0.0/16', subnets: 256n, maxNodes: 256n, mask: 24, pods: 253n },
    {
      name: 'Cilium defaults 10.0.0.0/8 with /24 → 65,536 nodes',
      text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\ndata:\n  ipam: cluster-pool\n',
      pool: '10.0.0.0/8',
      subnets: 65536n,
      maxNodes: 65536n,
      mask: 24,
      pods: 254n,
    },
    { name: 'k3s default 10.42.0.0/16 with /26 → 1,024 nodes', text: 'cluster-cidr: 10.42.0.0/16\nkube-controller-manager-arg:\n  - node-cidr-mask-size=26\n', pool: '10.42.0.0/16', subnets: 1024n, maxNodes: 1024n, mask: 26, pods: 61n },
    { name: 'a /24 cluster CIDR with /24 nodes → 1 node', text: KUBEADM('  podSubnet: 10.244.0.0/24'), pool: '10.244.0.0/24', subnets: 1n, maxNodes: 1n, mask: 24, pods: 253n },
    { name: 'kubespray 10.233.64.0/18 with /24 → 64 nodes', text: KUBEADM('  podSubnet: 10.233.64.0/18\n  serviceSubnet: 10.233.0.0/18'), pool: '10.233.64.0/18', subnets: 64n, maxNodes: 64n, mask: 24, pods: 253n },
    { name: 'IPv6 /48 with the default /64 → 65,536 nodes', text: KUBEADM('  podSubnet: fd00:10:244::/48\n  serviceSubnet: fd00:10:96::/112'), pool: 'fd00:10:244::/48', subnets: 65536n, maxNodes: 65536n, mask: 64, pods: (1n << 64n) - 2n },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const model = capacityOfFixture(c.text);
      const entry = model.nodeSubnets.find((n) => n.pool.text === c.pool || (n.pool.isDefault && n.pool.text === c.pool));
      assert.ok(entry, `no node-subnet entry for ${c.pool}: ${JSON.stringify(model.nodeSubnets.map((n) => n.pool.text))}`);
      assert.equal(entry.subnets, c.subnets);
      assert.equal(entry.maxNodes, c.maxNodes);
      assert.equal(entry.mask.value, c.mask);
      assert.equal(entry.podsPerNode, c.pods);
      assert.equal(entry.effective, true);
    });
  }

  it('subtracts the node subnets that overlap the service range (KCM filterOutServiceRange)', () => {
    const model = capacityOfFixture(`apiVersion: v1
kind: Pod
metadata: { name: kube-controller-manager }
spec:
  containers:
    - name: kube-controller-manager
      command: [kube-controller-manager, --allocate-node-cidrs=true, --cluster-cidr=10.96.0.0/15, --service-cluster-ip-range=10.97.0.0/16]
`);
    const [entry] = model.nodeSubnets;
    assert.equal(entry.subnets, 512n);
    assert.equal(entry.lostToServices, 256n);
    assert.equal(entry.maxNodes, 256n);
    assert.deepEqual(entry.servicesOverlapping.map((s) => s.text), ['10.97.0.0/16']);
  });

  it('takes a written per-family mask over the default, with its provenance', () => {
    const model = capacityOfFixture(KUBEADM('  podSubnet: 10.244.0.0/16', 'controllerManager:\n  extraArgs:\n    node-cidr-mask-size-ipv4: "25"\n'));
    const [entry] = model.nodeSubnets;
    assert.equal(entry.mask.value, 25);
    assert.equal(entry.mask.origin, 'written');
    assert.equal(entry.mask.label, 'kubeadm controllerManager.extraArgs node-cidr-mask-size-ipv4');
    assert.equal(entry.subnets, 512n);
    assert.equal(entry.podsPerNode, 125n);
  });

  it('takes a Cluster API cluster’s node mask from its KubeadmControlPlane', () => {
    const model = capacityOfFixture(`apiVersion: cluster.x-k8s.io/v1beta1
kind: Cluster
metadata: { name: c }
spec:
  clusterNetwork:
    pods:
      cidrBlocks: [192.168.0.0/16]
  controlPlaneRef:
    kind: KubeadmControlPlane
---
apiVersion: controlplane.cluster.x-k8s.io/v1beta1
kind: KubeadmControlPlane
metadata: { name: c }
spec:
  kubeadmConfigSpec:
    clusterConfiguration:
      controllerManager:
        extraArgs:
          node-cidr-mask-size-ipv4: "26"
`);
    const entry = model.nodeSubnets.find((n) => n.pool.component === 'cluster-api')!;
    assert.equal(entry.mask.value, 26);
    assert.equal(entry.mask.label, 'kubeadm controllerManager.extraArgs node-cidr-mask-size-ipv4');
    assert.equal(entry.maxNodes, 1024n);
  });

  it('gives kubeadm extraArgs cluster-cidr precedence over podSubnet, and a KCM flag over both', () => {
    const withExtraArgs = capacityOfFixture(KUBEADM('  podSubnet: 10.244.0.0/16', 'controllerManager:\n  extraArgs:\n    cluster-cidr: 10.200.0.0/16\n'));
    assert.deepEqual(
      withExtraArgs.nodeSubnets.map((n) => [n.pool.text, n.effective]),
      [
        ['10.244.0.0/16', false],
        ['10.200.0.0/16', true],
      ],
    );
    const withFlag = capacityOfFixture(`#- file: kubeadm.yaml
${KUBEADM('  podSubnet: 10.244.0.0/16')}
#- file: kcm.yaml
apiVersion: v1
kind: Pod
metadata: { name: kube-controller-manager }
spec:
  containers:
    - name: kube-controller-manager
      command: [kube-controller-manager, --allocate-node-cidrs=true, --cluster-cidr=10.100.0.0/16]
`);
    assert.deepEqual(
      withFlag.nodeSubnets.map((n) => [n.pool.text, n.effective]),
      [
        ['10.244.0.0/16', false],
        ['10.100.0.0/16', true],
      ],
    );
  });

  it('does not count a KCM with --allocate-node-cidrs=false as an allocator; a command line without the flag counts', () => {
    const kcm = (flags: string) => `apiVersion: v1
kind: Pod
metadata: { name: kube-controller-manager }
spec:
  containers:
    - name: kube-controller-manager
      command: [kube-controller-manager, ${flags}]
`;
    assert.deepEqual(
      capacityOfFixture(kcm('--allocate-node-cidrs=false, --cluster-cidr=10.100.0.0/16')).nodeSubnets.map((n) => n.effective),
      [false],
    );
    assert.deepEqual(
      capacityOfFixture(kcm('--cluster-cidr=10.100.0.0/16')).nodeSubnets.map((n) => [n.effective, n.maxNodes]),
      [[true, 256n]],
    );
  });

  it('assumes KCM splits flannel Network by its default mask when the scope shows no KCM', () => {
    const model = capacityOfFixture(`apiVersion: v1
kind: ConfigMap
metadata: { name: kube-flannel-cfg }
data:
  net-conf.json: |
    { "Network": "10.244.0.0/16", "Backend": { "Type": "vxlan" } }
`);
    const [entry] = model.nodeSubnets;
    assert.equal(entry.pool.text, '10.244.0.0/16');
    assert.equal(entry.mask.origin, 'assumed');
    assert.equal(entry.maxNodes, 256n);
  });

  it('counts the subnets flannel leases in etcd mode: the first is skipped, SubnetMin/SubnetMax bound the rest', () => {
    const job = (conf: string) => `apiVersion: batch/v1
kind: Job
metadata: { name: configure-flannel }
spec:
  template:
    spec:
      containers:
        - name: etcdctl
          command: [etcdctl, set, /coreos.com/network/config, '${conf}']
`;
    const plain = capacityOfFixture(job('{ "Network": "10.10.0.0/16", "SubnetLen": 24 }'));
    assert.equal(plain.nodeSubnets[0].allocator, 'flannel-etcd');
    assert.equal(plain.nodeSubnets[0].subnets, 256n);
    assert.equal(plain.nodeSubnets[0].maxNodes, 255n);
    const bounded = capacityOfFixture(job('{ "Network": "10.10.0.0/16", "SubnetLen": 24, "SubnetMin": "10.10.10.0", "SubnetMax": "10.10.19.0" }'));
    assert.equal(bounded.nodeSubnets[0].maxNodes, 10n);
  });

  it('marks KCM subnets unused by pods when Calico IPAM hands out the pod addresses', () => {
    const model = capacityOfFixture(`#- file: kubeadm.yaml
${KUBEADM('  podSubnet: 192.168.0.0/16')}
#- file: pool.yaml
apiVersion: projectcalico.org/v3
kind: IPPool
metadata: { name: default-ipv4-ippool }
spec:
  cidr: 192.168.0.0/16
`);
    assert.equal(model.nodeSubnets[0].podsUseNodeSubnets, false);
  });

  it('gives undefined figures for a mask out of range and 0 subnets for one shorter than the range', () => {
    const shorter = capacityOfFixture(KUBEADM('  podSubnet: 10.244.0.0/20', 'controllerManager:\n  extraArgs:\n    node-cidr-mask-size-ipv4: "16"\n'));
    assert.equal(shorter.nodeSubnets[0].subnets, 0n);
    assert.equal(shorter.nodeSubnets[0].maxNodes, 0n);
    const outOfRange = capacityOfFixture('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\ndata:\n  ipam: cluster-pool\n  cluster-pool-ipv4-cidr: 10.0.0.0/8\n  cluster-pool-ipv4-mask-size: "40"\n');
    assert.equal(outOfRange.nodeSubnets[0].subnets, undefined);
    assert.equal(outOfRange.nodeSubnets[0].podsPerNode, undefined);
  });
});

describe('capacity: Calico blocks, services, load-balancer pools', () => {
  it('Calico 192.168.0.0/16 with blockSize 26 → 1,024 blocks of 64', () => {
    const model = capacityOfFixture('apiVersion: projectcalico.org/v3\nkind: IPPool\nmetadata:\n  name: p\nspec:\n  cidr: 192.168.0.0/16\n  blockSize: 26\n');
    const [pool] = model.calicoPools;
    assert.equal(pool.blocks, 1024n);
    assert.equal(pool.addressesPerBlock, 64n);
    assert.equal(pool.blockSize.origin, 'written');
    assert.equal(pool.forWorkloads, true);
  });

  it('uses the default block size (26 / 122) when none is written', () => {
    const model = capacityOfFixture('apiVersion: projectcalico.org/v3\nkind: IPPool\nmetadata:\n  name: p\nspec:\n  cidr: fd00:10:244::/112\n');
    const [pool] = model.calicoPools;
    assert.equal(pool.blockSize.value, 122);
    assert.equal(pool.blocks, 1024n);
  });

  it('a /24 service range holds 254 ClusterIPs; IPv6 leaves out only the network address', () => {
    const model = capacityOfFixture(KUBEADM('  serviceSubnet: 10.96.0.0/24,fd00:10:96::/120'));
    assert.deepEqual(
      model.services.map((s) => [s.range.text, s.clusterIps, s.effective]),
      [
        ['10.96.0.0/24', 254n, true],
        ['fd00:10:96::/120', 255n, true],
      ],
    );
  });

  it('lets the apiserver flag override kubeadm serviceSubnet, and counts written clusterIPs once', () => {
    const model = capacityOfFixture(`#- file: kubeadm.yaml
${KUBEADM('  serviceSubnet: 10.96.0.0/12')}
#- file: apiserver.yaml
apiVersion: v1
kind: Pod
metadata: { name: kube-apiserver }
spec:
  containers:
    - name: kube-apiserver
      command: [kube-apiserver, --service-cluster-ip-range=10.96.0.0/24]
#- file: services.yaml
{apiVersion: v1, kind: Service, metadata: {name: a}, spec: {clusterIP: 10.96.0.10}}
---
{apiVersion: v1, kind: Service, metadata: {name: b}, spec: {clusterIP: 10.96.0.10}}
---
{apiVersion: v1, kind: Service, metadata: {name: c}, spec: {clusterIP: 10.96.0.11}}
`);
    const flag = model.services.find((s) => s.range.component === 'kube-apiserver')!;
    const kubeadm = model.services.find((s) => s.range.component === 'kubeadm')!;
    assert.equal(flag.effective, true);
    assert.equal(kubeadm.effective, false);
    assert.equal(flag.utilization.allocated, 2n);
    assert.equal(flag.utilization.capacity, 254n);
  });

  it('Cilium LB pools keep a CIDR’s first and last address unless allowFirstLastIPs is Yes', () => {
    const pool = (name: string, allow: string) => `apiVersion: cilium.io/v2alpha1
kind: CiliumLoadBalancerIPPool
metadata: { name: ${name} }
spec:
${allow}  blocks:
    - cidr: 192.168.${name === 'a' ? 1 : 2}.0/29
`;
    const model = capacityOfFixture(`${pool('a', '')}---\n${pool('b', '  allowFirstLastIPs: "Yes"\n')}`);
    assert.deepEqual(
      model.lbPools.map((l) => [l.addresses, l.usable]),
      [
        [8n, 6n],
        [8n, 8n],
      ],
    );
  });
});

describe('capacity: nodes, maxPods, lookups', () => {
  it('maxPods in effect: the largest written value, else expect.podsPerNode, else 110', () => {
    const written = capacityOfFixture(`apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nmaxPods: 250\n`);
    assert.deepEqual([written.maxPods.value, written.maxPods.origin, written.maxPods.label], [250, 'written', 'KubeletConfiguration maxPods']);
    const configured = capacityOfFixture(`#- file: .cidr-lens.yaml\nexpect:\n  podsPerNode: 64\n#- file: kubeadm.yaml\n${KUBEADM('  podSubnet: 10.244.0.0/16')}`);
    assert.deepEqual([configured.maxPods.value, configured.maxPods.origin], [64, 'config']);
    const defaulted = capacityOfFixture(`apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\n`);
    assert.deepEqual([defaulted.maxPods.value, defaulted.maxPods.origin], [110, 'default']);
  });

  it('counts Node objects once, and the nodes a kind config creates', () => {
    const model = capacityOfFixture(`#- file: kind.yaml
kind: Cluster
apiVersion: kind.x-k8s.io/v1alpha4
nodes:
  - role: control-plane
  - role: worker
#- file: nodes.yaml
{apiVersion: v1, kind: Node, metadata: {name: a}, spec: {podCIDR: 10.244.0.0/24, podCIDRs: [10.244.0.0/24, "fd00:10:244::/64"]}}
`);
    assert.equal(model.nodes.nodes.length, 1);
    assert.equal(model.nodes.declared?.value, 2);
    assert.equal(knownNodes(model, 'kube-controller-manager')?.count, 2);
    const entry = model.nodeSubnets.find((n) => n.family === 4)!;
    assert.equal(entry.allocated.length, 1);
    assert.equal(entry.utilization?.ratio, 0.003906);
  });

  it('answers what a hovered fact means: its pool figures, or the pools its mask or block size sizes', () => {
    const text = `${KUBEADM('  podSubnet: 10.244.0.0/16', 'controllerManager:\n  extraArgs:\n    node-cidr-mask-size-ipv4: "25"\n')}---
apiVersion: projectcalico.org/v3
kind: IPPool
metadata: { name: p }
spec:
  cidr: 10.48.0.0/16
  blockSize: 28
`;
    const result = analyzeFixture(loadFixture(text));
    const plan = result.scopes[0].plan;
    const find = (role: Fact['role']) => plan.facts.find((f) => f.role === role && !f.isDefault)!;
    assert.equal(capacityOf(plan).about(find('pod-network')).nodeSubnets[0].maxNodes, 512n);
    assert.equal(capacityOf(plan).about(find('node-mask')).nodeSubnets[0].pool.text, '10.244.0.0/16');
    assert.equal(capacityOf(plan).about(find('block-size')).calicoPools[0].blocks, 4096n);
    assert.deepEqual(capacityOf(plan).about(find('cni-pod-pool')).nodeSubnets, []);
  });

  it('answers which entries hold an allocation, and which KCM subnets a flannel Network carries', () => {
    const text = `${KUBEADM('  podSubnet: 10.244.0.0/16')}---
{apiVersion: v1, kind: Node, metadata: {name: a}, spec: {podCIDR: 10.244.3.0/24}}
---
apiVersion: v1
kind: ConfigMap
metadata: { name: kube-flannel-cfg }
data:
  net-conf.json: |
    { "Network": "10.244.0.0/16" }
`;
    const plan = analyzeFixture(loadFixture(text)).scopes[0].plan;
    const node = plan.facts.find((f) => f.role === 'node-pod-cidr')!;
    const network = plan.facts.find((f) => f.role === 'cni-pod-pool')!;
    assert.deepEqual(capacityOf(plan).holding(node).nodeSubnets.map((n) => n.pool.text), ['10.244.0.0/16']);
    assert.deepEqual(capacityOf(plan).holding(network).nodeSubnets.map((n) => n.pool.source), ['kubeadm networking.podSubnet']);
    assert.deepEqual(capacityOf(plan).about(node).nodeSubnets, []);
  });

  it('is computed once per plan', () => {
    const result = analyzeFixture(loadFixture(KUBEADM('  podSubnet: 10.244.0.0/16')));
    assert.equal(capacityOf(result.scopes[0].plan), capacityOf(result.scopes[0].plan));
  });
});

describe('capacity: blocksOverlapping', () => {
  const range = (a: number, bits: number) => prefixToRange(prefixFrom(addrFrom(4, BigInt(a)), bits));
  const fact = (a: number, bits: number) => ({ value: { kind: 'prefix', range: range(a, bits) } }) as unknown as RangeFact;
  const pool = range(0x0a000000, 16); // 10.0.0.0/16
  it('counts each /24 a range touches once, even when two ranges touch the same block', () => {
    // 10.0.1.128/25 and 10.0.1.0/26 both touch block 1; 10.0.4.0/23 covers blocks 4 and 5.
    const result = blocksOverlapping(pool, 256n, [fact(0x0a000180, 25), fact(0x0a000100, 26), fact(0x0a000400, 23)]);
    assert.equal(result.count, 3n);
  });
  it('ignores ranges outside the pool and clips those that stick out', () => {
    assert.equal(blocksOverlapping(pool, 256n, [fact(0x0b000000, 8)]).count, 0n);
    assert.equal(blocksOverlapping(pool, 256n, [fact(0x0a000000, 8)]).count, 256n);
  });
});
