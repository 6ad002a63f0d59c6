// Extractor: kube-proxy's `clusterCIDR` (domain-rules.md §4), a comma list that must match the pod
// network: in a `KubeProxyConfiguration` (kubeproxy.config.k8s.io), standalone or embedded as YAML in
// the `kube-proxy` ConfigMap (data["config.conf"]), and in kube-proxy chart values (RKE2's
// rke2-kube-proxy), which hold the same keys without apiVersion and kind.

import type { Fact } from '../../model';
import { configDocuments } from './componentConfig';
import type { ExtractContext } from './context';
import type { Extractor } from './extractor';
import { COMPONENT_CIDR } from './syntax';
import { mapEntries } from '../yamlNode';

/** Top-level keys only a kube-proxy configuration has; two of them beside `clusterCIDR` identify one. */
const KUBE_PROXY_KEYS = ['conntrack', 'iptables', 'ipvs', 'healthzBindAddress', 'metricsBindAddress', 'detectLocalMode', 'configSyncPeriod', 'nodePortAddresses'];

export const kubeProxy: Extractor = {
  name: 'kube-proxy',
  triggers: ['clusterCIDR'],
  extract(ctx) {
    const configs = configDocuments(ctx, 'kubeproxy.config.k8s.io', 'KubeProxyConfiguration');
    if (configs.length > 0) return configs.flatMap((inner) => clusterCidrFacts(inner, 'KubeProxyConfiguration clusterCIDR'));
    return isKubeProxyValues(ctx) ? clusterCidrFacts(ctx, 'kube-proxy clusterCIDR') : [];
  },
};

function clusterCidrFacts(ctx: ExtractContext, source: string): Fact[] {
  return ctx.list(ctx.get(['clusterCIDR']), { role: 'proxy-cluster-cidr', component: 'kube-proxy', source, syntax: COMPONENT_CIDR, group: 'kube-proxy' });
}

function isKubeProxyValues(ctx: ExtractContext): boolean {
  const keys = mapEntries(ctx.root, ctx.yaml).map(([key]) => key);
  return !keys.includes('kind') && keys.includes('clusterCIDR') && keys.filter((key) => KUBE_PROXY_KEYS.includes(key)).length >= 2;
}
