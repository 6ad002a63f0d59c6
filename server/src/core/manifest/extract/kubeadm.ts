// Extractor: kubeadm `ClusterConfiguration` (kubeadm.k8s.io/v1beta3 and v1beta4), standalone or
// embedded as YAML in the `kubeadm-config` ConfigMap (domain-rules.md §6).

import type { Fact } from '../../model';
import type { ExtractContext } from './context';
import type { Extractor } from './extractor';
import { COMPONENT_CIDR } from './syntax';

/** kubeadm's `DefaultServicesSubnet`. */
export const KUBEADM_DEFAULT_SERVICE_SUBNET = '10.96.0.0/12';

export const kubeadm: Extractor = {
  name: 'kubeadm',
  triggers: ['ClusterConfiguration'],
  extract(ctx) {
    if (isClusterConfiguration(ctx)) return clusterConfigurationFacts(ctx);
    if (ctx.ref.kind === 'ConfigMap' && ctx.ref.name === 'kubeadm-config') {
      return ctx.embedded(ctx.get(['data', 'ClusterConfiguration'])).flatMap((inner) => clusterConfigurationFacts(inner));
    }
    return [];
  },
};

function isClusterConfiguration(ctx: ExtractContext): boolean {
  return ctx.ref.kind === 'ClusterConfiguration' && (ctx.ref.apiVersion ?? '').startsWith('kubeadm.k8s.io/');
}

function clusterConfigurationFacts(ctx: ExtractContext): Fact[] {
  const networking = ctx.get(['networking']);
  const podSubnet = ctx.list(ctx.get(['podSubnet'], networking), {
    role: 'pod-network',
    component: 'kubeadm',
    source: 'kubeadm networking.podSubnet',
    syntax: COMPONENT_CIDR,
    group: 'cluster',
  });
  const serviceSpec = {
    role: 'service-network',
    component: 'kubeadm',
    source: 'kubeadm networking.serviceSubnet',
    syntax: COMPONENT_CIDR,
    group: 'cluster',
  } as const;
  const serviceNode = ctx.get(['serviceSubnet'], networking);
  const serviceSubnet = ctx.list(serviceNode, serviceSpec);
  if (serviceSubnet.length === 0) serviceSubnet.push(ctx.defaulted(KUBEADM_DEFAULT_SERVICE_SUBNET, serviceSpec));
  return [...podSubnet, ...serviceSubnet];
}
