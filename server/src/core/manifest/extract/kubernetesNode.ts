// Extractor: Kubernetes `Node` (core/v1), domain-rules.md §1.2: spec.podCIDR and spec.podCIDRs, the
// per-node pod ranges that kube-controller-manager (or a cloud provider) carved from the pod network,
// and the node's own InternalIP and ExternalIP addresses from status.addresses (what `kubectl get
// nodes -o yaml` prints). Every Node object is a node of the cluster, whether or not it has a podCIDR
// yet: one without is exactly what "no remaining CIDRs" leaves behind.

import type { FieldSpec } from './context';
import type { Extractor } from './extractor';
import { K8S_IP, K8S_LEGACY_CIDR } from './syntax';
import { below } from './tree';
import { scalarString } from '../yamlNode';

/** The address types that are the node's IPs; Hostname and InternalDNS are names. */
const NODE_IP_TYPES = new Set(['InternalIP', 'ExternalIP']);

export const kubernetesNode: Extractor = {
  name: 'kubernetes-node',
  triggers: ['podCIDR', ...NODE_IP_TYPES],
  extract(ctx) {
    if (ctx.ref.kind !== 'Node') return [];
    const attributes = ctx.ref.name ? { node: ctx.ref.name } : undefined;
    const field = (source: string): FieldSpec => ({ role: 'node-pod-cidr', component: 'kubernetes', source, syntax: K8S_LEGACY_CIDR, group: 'node', ...(attributes ? { attributes } : {}) });
    // podCIDR restates podCIDRs[0]; both are facts, because a wrong range must be changed in both places.
    const podCidrs = [...ctx.scalar(ctx.get(['spec', 'podCIDR']), field('Node spec.podCIDR')), ...ctx.list(ctx.get(['spec', 'podCIDRs']), field('Node spec.podCIDRs'))];
    const addresses = ctx.items(ctx.get(['status', 'addresses'])).flatMap((entry) => {
      const type = scalarString(below(ctx, entry, ['type']))?.trim() ?? '';
      if (!NODE_IP_TYPES.has(type)) return [];
      const spec: FieldSpec = { role: 'node-address', component: 'kubernetes', source: `Node status.addresses ${type}`, syntax: K8S_IP, group: 'node', attributes: { ...attributes, addressType: type } };
      return ctx.scalar(below(ctx, entry, ['address']), spec);
    });
    return [...podCidrs, ...addresses];
  },
};
