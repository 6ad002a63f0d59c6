// Extractor: Kubernetes `Service` (core/v1), domain-rules.md §1.2: spec.clusterIP(s), loadBalancerIP,
// externalIPs, loadBalancerSourceRanges and the legacy source-ranges annotation.

import type { Fact, Role } from '../../model';
import type { ExtractContext, FieldSpec } from './context';
import { splitCommaList } from './context';
import type { Extractor } from './extractor';
import { K8S_IP, K8S_LEGACY_CIDR } from './syntax';
import { below } from './tree';
import { Node, scalarString } from '../yamlNode';

/** Only honoured while `spec.loadBalancerSourceRanges` is empty. */
const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';

export const kubernetesService: Extractor = {
  name: 'kubernetes-service',
  triggers: ['clusterIP', 'loadBalancerIP', 'externalIPs', 'loadBalancerSourceRanges', 'load-balancer-source-ranges'],
  extract(ctx) {
    if (ctx.ref.kind !== 'Service') return [];
    const spec = ctx.get(['spec']);
    const attributes = { type: scalarString(below(ctx, spec, ['type'])) ?? 'ClusterIP', ...(ctx.ref.name ? { service: ctx.ref.name } : {}) };
    const field = (role: Role, source: string, syntax: FieldSpec['syntax']): FieldSpec => ({ role, component: 'kubernetes', source, syntax, group: 'service', attributes });
    return [
      ...clusterIpFacts(ctx, spec, field('cluster-ip', 'Service spec.clusterIP', K8S_IP), field('cluster-ip', 'Service spec.clusterIPs', K8S_IP)),
      ...ctx.scalar(below(ctx, spec, ['loadBalancerIP']), field('lb-ip', 'Service spec.loadBalancerIP', K8S_IP)),
      ...ctx.each(below(ctx, spec, ['externalIPs']), field('external-ip', 'Service spec.externalIPs', K8S_IP)),
      ...sourceRangeFacts(ctx, spec, field),
    ];
  },
};

/**
 * `clusterIP` restates `clusterIPs[0]`; both are facts, because a wrong address must be changed in
 * both places (rules treat the two as one Service). `None` (headless) is no address.
 */
export function clusterIpFacts(ctx: ExtractContext, spec: Node | undefined, single: FieldSpec, plural: FieldSpec): Fact[] {
  const clusterIp = ctx.scalar(below(ctx, spec, ['clusterIP']), single);
  const list = ctx.list(below(ctx, spec, ['clusterIPs']), plural);
  return [...clusterIp, ...list].filter((fact) => !isHeadless(fact));
}

function isHeadless(fact: Fact): boolean {
  return fact.text === 'None';
}

/** Client ranges are a plain collection, not a dual-stack pair: their facts carry no list position. */
function sourceRangeFacts(ctx: ExtractContext, spec: Node | undefined, field: (role: Role, source: string, syntax: FieldSpec['syntax']) => FieldSpec): Fact[] {
  const ranges = ctx.each(below(ctx, spec, ['loadBalancerSourceRanges']), field('source-range', 'Service spec.loadBalancerSourceRanges', K8S_LEGACY_CIDR));
  if (ranges.length > 0) return ranges;
  const annotation = below(ctx, ctx.get(['metadata', 'annotations']), [SOURCE_RANGES_ANNOTATION]);
  const text = ctx.text(annotation);
  if (!annotation || !text) return [];
  const annotationSpec = field('source-range', `Service annotation ${SOURCE_RANGES_ANNOTATION}`, K8S_LEGACY_CIDR);
  return splitCommaList(text.text).flatMap(([start, end]) => ctx.slice(annotation, start, end, annotationSpec));
}
