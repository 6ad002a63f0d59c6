// Extractor: k0s `ClusterConfig` (k0s.k0sproject.io/v1beta1, `/etc/k0s/k0s.yaml`) and the k0sctl
// `Cluster` (k0sctl.k0sproject.io/v1beta1) that embeds it at spec.k0s.config and lists the hosts.
// Read: spec.network.podCIDR, serviceCIDR, dualStack (IPv6podCIDR, IPv6serviceCIDR), provider, and the
// node masks of spec.controllerManager.extraArgs; k0sctl's spec.hosts[] (ssh, winRM or openSSH address) are the nodes.
// Defaults from k0sproject/k0s pkg/apis/k0s/v1beta1/network.go (DefaultNetwork): pods 10.244.0.0/16,
// services 10.96.0.0/12, provider kuberouter; the kubelet's cluster DNS is the tenth address of the
// service range (Network.DNSAddress). k0s runs kube-controller-manager with --allocate-node-cidrs and the
// pod CIDR, so KCM's default node masks apply unless extraArgs set them.

import type { Fact, Role } from '../../model';
import { DNS_SERVICE_INDEX, indexedAddress } from './clusterDns';
import { apiGroupOf, kindNode } from './componentConfig';
import type { ExtractContext, FieldSpec } from './context';
import type { Extractor } from './extractor';
import { NODE_MASK_FLAGS, NodeMaskOwner, defaultNodeMasks, nodeMaskSpec } from './nodeMask';
import { COMPONENT_IP, GO_MASKING_CIDR, INTEGER } from './syntax';
import { below } from './tree';
import { Node, getKeyNode, mapEntries, scalarString } from '../yamlNode';

const K0S_DEFAULTS = { podCIDR: '10.244.0.0/16', serviceCIDR: '10.96.0.0/12', provider: 'kuberouter' } as const;

export const k0s: Extractor = {
  name: 'k0s',
  triggers: ['k0s.k0sproject.io', 'k0sctl.k0sproject.io'],
  extract(ctx) {
    const group = apiGroupOf(ctx);
    if (ctx.ref.kind === 'ClusterConfig' && group === 'k0s.k0sproject.io') return clusterConfigFacts(ctx, ctx.get(['spec']), kindNode(ctx));
    if (ctx.ref.kind === 'Cluster' && group === 'k0sctl.k0sproject.io') {
      const config = ctx.get(['spec', 'k0s', 'config']);
      // k0sctl writes k0s' defaults when the embedded config is left out.
      return [...clusterConfigFacts(ctx, below(ctx, config, ['spec']), getKeyNode(ctx.get(['spec']), 'k0s', ctx.yaml) ?? kindNode(ctx)), ...hostFacts(ctx)];
    }
    return [];
  },
};

function spec(role: Role, source: string, syntax: FieldSpec['syntax'], attributes?: FieldSpec['attributes']): FieldSpec {
  return { role, component: 'k0s', source: `k0s ${source}`, syntax, group: 'cluster', ...(attributes ? { attributes } : {}) };
}

function clusterConfigFacts(ctx: ExtractContext, specNode: Node | undefined, anchor: Node | undefined): Fact[] {
  const network = below(ctx, specNode, ['network']);
  const at = network ? getKeyNode(specNode, 'network', ctx.yaml) : anchor;
  const provider = scalarString(below(ctx, network, ['provider']))?.trim() || K0S_DEFAULTS.provider;
  const attributes = { provider };
  const podSpec = spec('pod-network', 'spec.network.podCIDR', GO_MASKING_CIDR, attributes);
  const serviceSpec = spec('service-network', 'spec.network.serviceCIDR', GO_MASKING_CIDR, attributes);
  const pods = ctx.orDefault(ctx.scalar(below(ctx, network, ['podCIDR']), podSpec), K0S_DEFAULTS.podCIDR, podSpec, at);
  const services = ctx.orDefault(ctx.scalar(below(ctx, network, ['serviceCIDR']), serviceSpec), K0S_DEFAULTS.serviceCIDR, serviceSpec, at);
  const dualStack = below(ctx, network, ['dualStack']);
  const ipv6 = scalarString(below(ctx, dualStack, ['enabled']))?.trim() === 'true'
    ? [
        ...ctx.scalar(below(ctx, dualStack, ['IPv6podCIDR']), spec('pod-network', 'spec.network.dualStack.IPv6podCIDR', GO_MASKING_CIDR, attributes)),
        ...ctx.scalar(below(ctx, dualStack, ['IPv6serviceCIDR']), spec('service-network', 'spec.network.dualStack.IPv6serviceCIDR', GO_MASKING_CIDR, attributes)),
      ]
    : [];
  const allPods = [...pods, ...ipv6.filter((f) => f.role === 'pod-network')];
  return [...pods, ...services, ...ipv6, ...clusterDns(ctx, services[0], at), ...masks(ctx, specNode, allPods, at)];
}

function clusterDns(ctx: ExtractContext, services: Fact | undefined, at: Node | undefined): Fact[] {
  const prefix = services?.value.kind === 'prefix' ? services.value.prefix : undefined;
  if (!services || !prefix || services.value.kind !== 'prefix' || services.value.range.family !== 4) return [];
  // `Network.DNSAddress`: the tenth address of the service range, the second for ranges of /29 or smaller.
  const address = indexedAddress(services, prefix.bits < 29 ? DNS_SERVICE_INDEX : 2n);
  return address ? [ctx.defaulted(address, spec('cluster-dns', 'kubelet clusterDNS', COMPONENT_IP), at)] : [];
}

/** Masks written in spec.controllerManager.extraArgs, and KCM's defaults for the families left. */
function masks(ctx: ExtractContext, specNode: Node | undefined, pods: readonly Fact[], at: Node | undefined): Fact[] {
  const owner: NodeMaskOwner = { component: 'k0s', group: 'cluster', label: (flag) => `k0s spec.controllerManager.extraArgs ${flag}` };
  const args = new Map(mapEntries(below(ctx, specNode, ['controllerManager', 'extraArgs']), ctx.yaml).map(([key, value]) => [key.replace(/^--/, ''), value] as const));
  const set = NODE_MASK_FLAGS.filter((flag) => args.has(flag));
  const written = set.flatMap((flag) => ctx.scalar(args.get(flag), { ...nodeMaskSpec(owner, flag), syntax: INTEGER }));
  return [...written, ...defaultNodeMasks(ctx, owner, pods, new Set(set), at)];
}

/**
 * How k0sctl reaches a host (rig's CompositeConfig: `ssh`, `winRM`, `openSSH`), in the order Host.Address()
 * falls back through them (k0sctl pkg/apis/k0sctl.k0sproject.io/v1beta1/cluster/host.go); `localhost`
 * has no address.
 */
const CONNECTION_KEYS = ['ssh', 'winRM', 'openSSH'] as const;

/**
 * k0sctl's hosts: each one a node of the cluster (the connection's address, or the `address` of older
 * configs), with its `privateAddress` beside it: k0sctl validates it as an IP and hands it to the kubelet
 * as `--node-ip` and to the controllers' `spec.api.sans` (host.go, KubeletExtraArgs; configure_k0s.go),
 * so it is the address the cluster sees. Both facts name one host, which counts once.
 */
function hostFacts(ctx: ExtractContext): Fact[] {
  return ctx.items(ctx.get(['spec', 'hosts'])).flatMap((host, index) => {
    const connection = CONNECTION_KEYS.find((key) => scalarString(below(ctx, host, [key, 'address']))?.trim());
    const address = connection ? below(ctx, host, [connection, 'address']) : below(ctx, host, ['address']);
    const privateAddress = below(ctx, host, ['privateAddress']);
    const name = scalarString(address)?.trim() || scalarString(privateAddress)?.trim();
    if (!name) return [];
    const role = scalarString(below(ctx, host, ['role']))?.trim() ?? 'worker';
    const hostSpec = (source: string): FieldSpec => ({ role: 'node-address', component: 'k0s', source, syntax: COMPONENT_IP, group: 'nodes', attributes: { host: name, hostRole: role, index } });
    const facts = [
      ...ctx.scalar(address, hostSpec(`k0sctl spec.hosts[].${connection ? `${connection}.` : ''}address`)),
      ...ctx.scalar(privateAddress, hostSpec('k0sctl spec.hosts[].privateAddress')),
    ];
    // A host name is no address: only parsed addresses are nodes' addresses.
    return facts.filter((fact) => fact.value.kind === 'address' || fact.value.kind === 'template');
  });
}
