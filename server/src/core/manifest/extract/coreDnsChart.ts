// Extractor: the values of the CoreDNS Helm chart (coredns/helm `charts/coredns/values.yaml`) and of
// the charts built on it (RKE2's rke2-coredns), wherever they sit (a Flux HelmRelease, a k3s/RKE2
// HelmChartConfig's valuesContent, a values file): `service.clusterIP` and `service.clusterIPs` are
// the ClusterIPs of the cluster's DNS Service, which the kubelet's clusterDNS must name. The chart
// renders that Service only as the cluster DNS when `isClusterService` is true (its default); with
// false it is an ordinary DNS server, and nothing is read.
//
// Recognised by the chart's own shape: a map whose `servers` list holds a server block with `zones`
// or `plugins`, beside a `service` map. No other chart spells its values so.

import { isMap } from 'yaml';
import type { Fact } from '../../model';
import type { ExtractContext, FieldSpec } from './context';
import type { Extractor } from './extractor';
import { clusterIpFacts } from './kubernetesService';
import { parseGoBool } from './flags';
import { K8S_IP } from './syntax';
import { FoundMap, findValueMaps } from './valueMaps';
import { Node, scalarString } from '../yamlNode';

const MARKERS = ['servers'];

export const coreDnsChart: Extractor = {
  name: 'coredns-chart',
  triggers: MARKERS,
  extract(ctx) {
    if (ctx.ref.kind === 'Service') return [];
    return findValueMaps(ctx, isCoreDnsValues, MARKERS).flatMap((found, index) => valuesFacts(found, `coredns-values[${index}]`));
  },
};

function isCoreDnsValues(ctx: ExtractContext, map: Node): boolean {
  if (!isMap(ctx.get(['service'], map))) return false;
  return ctx.items(ctx.get(['servers'], map)).some((server) => ctx.get(['zones'], server) !== undefined || ctx.get(['plugins'], server) !== undefined);
}

function valuesFacts(found: FoundMap, group: string): Fact[] {
  const { ctx, map } = found;
  if (parseGoBool(scalarString(ctx.get(['isClusterService'], map))?.trim() ?? 'true') === false) return [];
  const service = ctx.get(['service'], map);
  const spec = (source: string): FieldSpec => ({ role: 'cluster-ip', component: 'kubernetes', source, syntax: K8S_IP, group, attributes: { type: 'ClusterIP', dnsService: true } });
  return clusterIpFacts(ctx, service, spec('CoreDNS chart service.clusterIP'), spec('CoreDNS chart service.clusterIPs'));
}
