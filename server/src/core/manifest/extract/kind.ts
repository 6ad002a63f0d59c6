// Extractor: kind `Cluster` (kind.x-k8s.io/v1alpha4), domain-rules.md §7: networking.podSubnet and
// serviceSubnet with kind's defaults per networking.ipFamily, kube-controller-manager's default node
// masks, and the ClusterConfiguration entries of `kubeadmConfigPatches`, which kind merges over the
// kubeadm config it generates (so a patched serviceSubnet is what the cluster really gets).

import type { Fact, Role } from '../../model';
import { apiGroupOf, kindNode } from './componentConfig';
import type { ExtractContext, FieldSpec } from './context';
import type { Extractor } from './extractor';
import { kubeadmPatchFacts } from './kubeadm';
import { NodeMaskOwner, defaultNodeMasks } from './nodeMask';
import { GO_MASKING_CIDR } from './syntax';
import { below } from './tree';
import { Node, getKeyNode, scalarString } from '../yamlNode';

/** kind's defaults per `ipFamily` (`pkg/internal/apis/config/default.go`); the IPv4 service range is a /16, not kubeadm's /12. */
const KIND_DEFAULTS: Readonly<Record<string, { readonly podSubnet: readonly string[]; readonly serviceSubnet: readonly string[] }>> = {
  ipv4: { podSubnet: ['10.244.0.0/16'], serviceSubnet: ['10.96.0.0/16'] },
  ipv6: { podSubnet: ['fd00:10:244::/56'], serviceSubnet: ['fd00:10:96::/112'] },
  dual: { podSubnet: ['10.244.0.0/16', 'fd00:10:244::/56'], serviceSubnet: ['10.96.0.0/16', 'fd00:10:96::/112'] },
};

export const kind: Extractor = {
  name: 'kind',
  triggers: ['kind.x-k8s.io'],
  extract(ctx) {
    if (ctx.ref.kind !== 'Cluster' || apiGroupOf(ctx) !== 'kind.x-k8s.io') return [];
    const networking = ctx.get(['networking']);
    const ipFamily = scalarString(below(ctx, networking, ['ipFamily'])) ?? 'ipv4';
    // An unknown ipFamily is rejected by kind; without a family there is no default to give.
    const defaults = Object.hasOwn(KIND_DEFAULTS, ipFamily) ? KIND_DEFAULTS[ipFamily] : undefined;
    // The nodes kind creates (`nodes:`, default one control plane): capacity rules compare node subnets with them.
    const nodes = ctx.items(ctx.get(['nodes'])).length;
    const field = (role: Role, source: string): FieldSpec => ({ role, component: 'kind', source, syntax: GO_MASKING_CIDR, group: 'cluster', attributes: { ipFamily, ...(nodes > 0 ? { nodes } : {}) } });
    const pods = subnetFacts(ctx, below(ctx, networking, ['podSubnet']), field('pod-network', 'kind networking.podSubnet'), defaults?.podSubnet);
    const services = subnetFacts(ctx, below(ctx, networking, ['serviceSubnet']), field('service-network', 'kind networking.serviceSubnet'), defaults?.serviceSubnet);
    const patches = ctx.items(ctx.get(['kubeadmConfigPatches'])).flatMap((patch) => ctx.embedded(patch).flatMap(kubeadmPatchFacts));
    return [...pods, ...services, ...patches, ...defaultMasks(ctx, networking, pods, patches, ipFamily)];
  },
};

function subnetFacts(ctx: ExtractContext, node: Node | undefined, spec: FieldSpec, defaults: readonly string[] | undefined): Fact[] {
  const facts = ctx.list(node, spec);
  if (facts.length > 0 || !defaults) return facts;
  return defaults.map((value) => ctx.defaulted(value, spec, kindNode(ctx)));
}

/**
 * kind sets no node mask, so KCM's defaults apply to each pod family, unless a kubeadm patch sets
 * a mask; a patched `cluster-cidr` is what KCM then allocates from.
 */
function defaultMasks(ctx: ExtractContext, networking: Node | undefined, pods: readonly Fact[], patches: readonly Fact[], ipFamily: string): Fact[] {
  const owner: NodeMaskOwner = { component: 'kind', group: 'cluster', label: (flag) => `kube-controller-manager --${flag}`, attributes: { ipFamily } };
  const patchedPods = patches.filter((fact) => fact.role === 'pod-network');
  const patchedMasks = new Set(patches.filter((fact) => fact.role === 'node-mask').map((fact) => String(fact.attributes?.flag)));
  return defaultNodeMasks(ctx, owner, patchedPods.length > 0 ? patchedPods : pods, patchedMasks, getKeyNode(networking, 'podSubnet', ctx.yaml) ?? kindNode(ctx));
}
