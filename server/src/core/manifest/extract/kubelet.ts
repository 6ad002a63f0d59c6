// Extractor: `KubeletConfiguration` (kubelet.config.k8s.io), domain-rules.md §5: maxPods (default 110),
// clusterDNS and the standalone-mode podCIDR; standalone or embedded as YAML in the `kubelet-config`
// ConfigMap (data.kubelet).

import type { Fact, Role } from '../../model';
import { configDocuments, kindNode } from './componentConfig';
import type { ExtractContext, FieldSpec } from './context';
import type { Extractor } from './extractor';
import { COMPONENT_CIDR, COMPONENT_IP, INTEGER } from './syntax';

/** The kubelet's default `maxPods`. */
export const KUBELET_DEFAULT_MAX_PODS = '110';

export const kubelet: Extractor = {
  name: 'kubelet',
  triggers: ['KubeletConfiguration'],
  extract(ctx) {
    return configDocuments(ctx, 'kubelet.config.k8s.io', 'KubeletConfiguration').flatMap(kubeletConfigurationFacts);
  },
};

function kubeletConfigurationFacts(ctx: ExtractContext): Fact[] {
  const field = (role: Role, source: string, syntax: FieldSpec['syntax'], attributes?: FieldSpec['attributes']): FieldSpec => ({
    role,
    component: 'kubelet',
    source,
    syntax,
    group: 'kubelet',
    ...(attributes ? { attributes } : {}),
  });
  const maxPodsSpec = field('max-pods', 'KubeletConfiguration maxPods', INTEGER);
  const maxPods = ctx.scalar(ctx.get(['maxPods']), maxPodsSpec);
  return [
    ...(maxPods.length > 0 ? maxPods : [ctx.defaulted(KUBELET_DEFAULT_MAX_PODS, maxPodsSpec, kindNode(ctx))]),
    // Any number of DNS servers, not a dual-stack pair.
    ...ctx.each(ctx.get(['clusterDNS']), field('cluster-dns', 'KubeletConfiguration clusterDNS', COMPONENT_IP)),
    // Read only in standalone mode ("in cluster mode, this is obtained from the control plane").
    ...ctx.scalar(ctx.get(['podCIDR']), field('node-pod-cidr', 'KubeletConfiguration podCIDR', COMPONENT_CIDR, { standalone: true })),
  ];
}
