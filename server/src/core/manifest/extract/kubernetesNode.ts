// Extractor: Kubernetes `Node` (core/v1) spec.podCIDR and spec.podCIDRs, domain-rules.md §1.2: the
// per-node pod ranges that kube-controller-manager (or a cloud provider) carved from the pod network.

import type { FieldSpec } from './context';
import type { Extractor } from './extractor';
import { K8S_LEGACY_CIDR } from './syntax';

export const kubernetesNode: Extractor = {
  name: 'kubernetes-node',
  triggers: ['podCIDR'],
  extract(ctx) {
    if (ctx.ref.kind !== 'Node') return [];
    const field = (source: string): FieldSpec => ({
      role: 'node-pod-cidr',
      component: 'kubernetes',
      source,
      syntax: K8S_LEGACY_CIDR,
      group: 'node',
      ...(ctx.ref.name ? { attributes: { node: ctx.ref.name } } : {}),
    });
    // podCIDR restates podCIDRs[0]; both are facts, because a wrong range must be changed in both places.
    return [...ctx.scalar(ctx.get(['spec', 'podCIDR']), field('Node spec.podCIDR')), ...ctx.list(ctx.get(['spec', 'podCIDRs']), field('Node spec.podCIDRs'))];
  },
};
