// The attributes and values of CNI and load-balancer facts, which extraction fixtures do not show:
// rules and capacity figures depend on them (a LoadBalancer-only Calico pool, Flannel's subnet
// manager, Cilium's IPAM mode, Whereabouts' `firstIP-CIDR` range).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readManifestFile, type Fact } from '../../server/src/core';
import { formatRange } from '../../server/src/core/net/prefix';

function facts(text: string): Fact[] {
  return [...readManifestFile('/attributes.yaml', text).facts];
}

function only(list: readonly Fact[], source: string): Fact {
  const found = list.filter((f) => f.source === source);
  assert.equal(found.length, 1, `expected one fact from ${source}, got ${found.length}`);
  return found[0];
}

function rangeOf(fact: Fact): string {
  assert.ok('range' in fact.value, `${fact.source} has no range (${fact.value.kind})`);
  return formatRange(fact.value.range);
}

describe('Calico attributes', () => {
  it('marks a LoadBalancer-only IPPool as an lb-pool of Calico', () => {
    const pool = only(
      facts('apiVersion: projectcalico.org/v3\nkind: IPPool\nmetadata: {name: lb}\nspec: {cidr: 80.15.0.0/24, allowedUses: [LoadBalancer], disabled: true}\n'),
      'calico IPPool spec.cidr',
    );
    assert.equal(pool.role, 'lb-pool');
    assert.deepEqual(pool.attributes, { calico: 'IPPool', pool: 'lb', disabled: true, allowedUses: 'LoadBalancer', lb: 'calico' });
  });

  it('groups an operator pool with its block size and reads disableNewAllocations as disabled', () => {
    const list = facts('apiVersion: operator.tigera.io/v1\nkind: Installation\nspec:\n  calicoNetwork:\n    ipPools: [{name: p, cidr: 10.48.0.0/16, disableNewAllocations: true}]\n');
    const pool = only(list, 'tigera Installation ipPools[].cidr');
    const blockSize = only(list, 'tigera Installation ipPools[].blockSize');
    assert.equal(pool.attributes?.disabled, true);
    assert.equal(pool.attributes?.calico, 'operator');
    assert.equal(blockSize.group, pool.group);
    assert.deepEqual(blockSize.value, { kind: 'number', value: 26 });
    assert.equal(blockSize.attributes?.family, 4);
  });

  it('reads calico-node env pools with their family', () => {
    const pool = only(
      facts('kind: DaemonSet\napiVersion: apps/v1\nspec:\n  template:\n    spec:\n      containers:\n      - name: calico-node\n        env:\n        - {name: CALICO_IPV4POOL_CIDR, value: 10.64.0.0/16}\n'),
      'calico-node CALICO_IPV4POOL_CIDR',
    );
    assert.deepEqual(pool.attributes, { calico: 'env', container: 'calico-node', family: 4 });
    assert.equal(pool.syntax.family, 4);
  });
});

describe('Flannel attributes', () => {
  const netConf = (json: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: kube-flannel-cfg}\ndata:\n  net-conf.json: '${json}'\n`;

  it('reads the subnet manager from the flannel container in the same file', () => {
    const network = only(facts(`${netConf('{"Network": "10.244.0.0/16", "Backend": {"Type": "vxlan"}}')}---\nkind: DaemonSet\napiVersion: apps/v1\nspec: {template: {spec: {containers: [{name: kube-flannel, args: [--ip-masq, --kube-subnet-mgr]}]}}}\n`), 'flannel net-conf.json Network');
    assert.deepEqual(network.attributes, { enableIPv4: true, enableIPv6: false, backend: 'vxlan', kubeSubnetMgr: true });
  });

  it('assumes the kube subnet manager when the file runs no flannel, and udp without a Backend', () => {
    const network = only(facts(netConf('{"Network": "10.244.0.0/16"}')), 'flannel net-conf.json Network');
    assert.deepEqual(network.attributes, { enableIPv4: true, enableIPv6: false, backend: 'udp', kubeSubnetMgr: true, kubeSubnetMgrAssumed: true });
  });

  it('sees the etcd subnet manager in an etcd-configured flannel', () => {
    const text = `${netConf('{"Network": "10.244.0.0/16"}')}---\nkind: DaemonSet\napiVersion: apps/v1\nspec: {template: {spec: {containers: [{name: flannel, env: [{name: FLANNELD_ETCD_ENDPOINTS, value: "http://etcd:2379"}]}]}}}\n`;
    assert.equal(only(facts(text), 'flannel net-conf.json Network').attributes?.kubeSubnetMgr, false);
  });

  it('reads keys case-insensitively, as Go does', () => {
    const list = facts(netConf('{"network": "10.10.0.0/16", "subnetLen": 26}'));
    assert.equal(only(list, 'flannel net-conf.json Network').text, '10.10.0.0/16');
    assert.deepEqual(only(list, 'flannel net-conf.json SubnetLen').value, { kind: 'number', value: 26 });
  });
});

describe('Cilium attributes', () => {
  it('carries the IPAM and routing modes and marks the cluster-pool default', () => {
    const list = facts('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cilium-config}\ndata:\n  tunnel: disabled\n  enable-ipv4: "false"\n  ipv4-native-routing-cidr: 10.0.0.0/8\n');
    const routing = only(list, 'cilium ipv4-native-routing-cidr');
    assert.deepEqual(routing.attributes, { ipam: 'cluster-pool', routingMode: 'native', enableIPv4: false, enableIPv6: false });
    assert.equal(list.filter((f) => f.role === 'cni-pod-pool').length, 0, 'no IPv4 pool default when IPv4 is off');
  });

  it('reads an LB-IPAM start/stop block as one address range', () => {
    const block = only(facts('apiVersion: cilium.io/v2\nkind: CiliumLoadBalancerIPPool\nmetadata: {name: p}\nspec:\n  blocks:\n  - start: 192.168.1.10\n    stop: 192.168.1.20\n'), 'cilium LoadBalancerIPPool blocks[].start-stop');
    assert.equal(block.text, '192.168.1.10-192.168.1.20');
    assert.equal(rangeOf(block), '192.168.1.10-192.168.1.20');
    assert.deepEqual(block.attributes, { lb: 'cilium', pool: 'p', disabled: false });
  });
});

describe('MetalLB, Weave and Whereabouts values', () => {
  it('keeps MetalLB pool settings on each address', () => {
    const address = only(facts('apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata: {name: pool}\nspec:\n  addresses: [192.168.9.1-192.168.9.5]\n  autoAssign: false\n'), 'MetalLB IPAddressPool spec.addresses');
    assert.equal(rangeOf(address), '192.168.9.1-192.168.9.5');
    assert.deepEqual(address.attributes, { lb: 'metallb', pool: 'pool', autoAssign: false, avoidBuggyIPs: false });
  });

  it('makes Weave’s default range a default fact', () => {
    const range = only(facts('apiVersion: apps/v1\nkind: DaemonSet\nspec: {template: {spec: {containers: [{name: weave, image: weaveworks/weave-kube:2.8.1}]}}}\n'), 'weave IPALLOC_RANGE');
    assert.equal(range.isDefault, true);
    assert.equal(rangeOf(range), '10.32.0.0/12');
  });

  it('reads the firstIP-CIDR range as the addresses it hands out', () => {
    const config = '{"type": "macvlan", "ipam": {"type": "whereabouts", "network_name": "blue", "enable_overlapping_ranges": false, "range": "192.168.2.225-192.168.2.230/28"}}';
    const range = only(facts(`apiVersion: k8s.cni.cncf.io/v1\nkind: NetworkAttachmentDefinition\nmetadata: {name: n}\nspec:\n  config: '${config}'\n`), 'whereabouts range');
    assert.equal(rangeOf(range), '192.168.2.225-192.168.2.230');
    assert.deepEqual(range.attributes, { plugin: 'macvlan', network: 'blue', ipam: 'whereabouts', enableOverlappingRanges: false });
  });

  it('rejects a range start outside its CIDR', () => {
    const config = '{"ipam": {"type": "whereabouts", "range": "192.168.1.5-192.168.2.25/28"}, "type": "ipvlan"}';
    const range = only(facts(`apiVersion: k8s.cni.cncf.io/v1\nkind: NetworkAttachmentDefinition\nmetadata: {name: n}\nspec:\n  config: '${config}'\n`), 'whereabouts range');
    assert.equal(range.value.kind, 'invalid');
  });
});

describe('Kube-OVN attributes', () => {
  it('marks the default subnet, its VPC and protocol, and groups the gateway with its CIDR', () => {
    const list = facts('apiVersion: kubeovn.io/v1\nkind: Subnet\nmetadata: {name: ovn-default}\nspec: {cidrBlock: 10.16.0.0/16, gateway: 10.16.0.1, protocol: IPv4, default: true}\n');
    const cidr = only(list, 'kube-ovn Subnet spec.cidrBlock');
    const gateway = only(list, 'kube-ovn Subnet spec.gateway');
    assert.equal(cidr.role, 'cni-pod-pool');
    assert.deepEqual(cidr.attributes, { kubeOvn: 'subnet', subnet: 'ovn-default', vpc: 'ovn-cluster', default: true, provider: 'ovn', protocol: 'IPv4' });
    assert.equal(gateway.group, cidr.group);
    assert.equal(gateway.attributes?.bound, 'gateway');
  });

  it('reads a custom VPC subnet as a secondary network', () => {
    const cidr = only(facts('apiVersion: kubeovn.io/v1\nkind: Subnet\nmetadata: {name: s}\nspec: {vpc: vpc1, cidrBlock: 10.0.1.0/24}\n'), 'kube-ovn Subnet spec.cidrBlock');
    assert.equal(cidr.role, 'secondary-network');
    assert.equal(cidr.attributes?.vpc, 'vpc1');
  });

  it('reads an excludeIps range as an address range', () => {
    const exclude = only(facts('apiVersion: kubeovn.io/v1\nkind: Subnet\nmetadata: {name: s}\nspec: {cidrBlock: 10.66.0.0/16, excludeIps: [10.66.0.1..10.66.0.10]}\n'), 'kube-ovn Subnet spec.excludeIps');
    assert.equal(rangeOf(exclude), '10.66.0.1-10.66.0.10');
  });

  it('keeps the default and join subnets of a controller apart, under the names its flags give', () => {
    const list = facts('kind: Deployment\napiVersion: apps/v1\nspec: {template: {spec: {containers: [{name: kube-ovn-controller, args: [--default-ls=pods, --node-switch=nodes]}]}}}\n');
    const pods = only(list, 'kube-ovn-controller --default-cidr');
    const join = only(list, 'kube-ovn-controller --node-switch-cidr');
    assert.equal(pods.attributes?.subnet, 'pods');
    assert.equal(join.attributes?.subnet, 'nodes');
    assert.equal(join.attributes?.kubeOvn, 'join');
    assert.notEqual(pods.group, join.group);
  });
});

describe('Antrea attributes', () => {
  const configMap = (agent: string, controller: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: antrea-config}\ndata:\n  antrea-agent.conf: '${agent}'\n  antrea-controller.conf: '${controller}'\n`;

  it('groups node IPAM masks with its cluster CIDRs and keeps the agent apart', () => {
    const list = facts(configMap('{antreaProxy: {enable: false}}', '{nodeIPAM: {enableNodeIPAM: true, clusterCIDRs: [10.10.0.0/16]}}'));
    const cidr = only(list, 'antrea-controller.conf nodeIPAM.clusterCIDRs');
    const mask = only(list, 'antrea-controller.conf nodeIPAM.nodeCIDRMaskSizeIPv4');
    const service = only(list, 'antrea-agent.conf serviceCIDR');
    assert.equal(mask.group, cidr.group);
    assert.deepEqual(mask.value, { kind: 'number', value: 24 });
    assert.equal(mask.attributes?.family, 4);
    assert.notEqual(service.group, cidr.group);
    assert.deepEqual(service.attributes, { trafficEncapMode: 'encap', antreaProxy: false });
  });
});
