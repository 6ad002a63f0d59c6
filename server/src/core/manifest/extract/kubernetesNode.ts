// Extractor: Kubernetes `Node` (core/v1) spec.podCIDR and spec.podCIDRs, domain-rules.md §1.2: the
// per-node pod ranges that kube-controller-manager (or a cloud provider) carved from the pod network.

import type { Fact } from '../../model';
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
    const listNode = ctx.get(['spec', 'podCIDRs']);
    const list = ctx.list(listNode, field('Node spec.podCIDRs'));
    // The API server keeps podCIDR equal to podCIDRs[0]; one range is one fact, unless they disagree.
    const first = ctx.items(listNode).map((item) => ctx.text(item)?.text.trim())[0];
    const single = ctx.scalar(ctx.get(['spec', 'podCIDR']), field('Node spec.podCIDR')).filter((fact: Fact) => fact.text !== first);
    return [...single, ...list];
  },
};
