// Extractor: the annotations that request load-balancer addresses from an LB IPAM — Cilium LB-IPAM's
// `lbipam.cilium.io/ips` (and its older name `io.cilium/lb-ipam-ips`), MetalLB's
// `metallb.io/loadBalancerIPs` (and the older `metallb.universe.tf/loadBalancerIPs`). Each holds a
// comma-separated list of addresses, parsed with Go's strict parsers; one fact per element, with the
// element's exact span (no list position: how many of each family an IPAM takes is its own matter).
//
// They sit on a Service's `metadata.annotations`, and wherever a Service is described for someone
// else to create it: a Gateway's `spec.infrastructure.annotations` (Gateway API copies them onto the
// Service it makes), an EnvoyProxy's `envoyService.annotations`, a chart's `service.annotations`
// values. The annotation names are unique, so they are read wherever they are a key; outside a
// Service the Service they end up on is a LoadBalancer one, since nothing else reads them.

import type { Component, Fact } from '../../model';
import type { ExtractContext, FieldSpec } from './context';
import { splitCommaList } from './context';
import type { Extractor } from './extractor';
import { GO_IP } from './syntax';
import { findValues } from './tree';
import { documentMentions } from './valueMaps';
import { Node, scalarString } from '../yamlNode';

const ANNOTATIONS: ReadonlyArray<{ key: string; component: Component; lb: string }> = [
  { key: 'lbipam.cilium.io/ips', component: 'cilium', lb: 'cilium' },
  { key: 'io.cilium/lb-ipam-ips', component: 'cilium', lb: 'cilium' },
  { key: 'metallb.io/loadBalancerIPs', component: 'metallb', lb: 'metallb' },
  { key: 'metallb.universe.tf/loadBalancerIPs', component: 'metallb', lb: 'metallb' },
];
const KEYS = ANNOTATIONS.map((a) => a.key);

export const loadBalancerAnnotations: Extractor = {
  name: 'load-balancer-annotations',
  triggers: KEYS,
  extract(ctx) {
    // Only documents whose text names an annotation are walked.
    if (ctx.ref.kind === 'CustomResourceDefinition' || !documentMentions(ctx, KEYS)) return [];
    const type = ctx.ref.kind === 'Service' ? (scalarString(ctx.get(['spec', 'type'])) ?? 'ClusterIP') : 'LoadBalancer';
    const owner: Record<string, string> = ctx.ref.kind ? { [lowerFirst(ctx.ref.kind)]: ctx.ref.name ?? '' } : {};
    return findValues(ctx, KEYS).flatMap(({ node, path }, index) => {
      const annotation = ANNOTATIONS.find((a) => path === a.key || path.endsWith(`.${a.key}`))!;
      const spec: FieldSpec = { role: 'lb-ip', component: annotation.component, source: `annotation ${annotation.key}`, syntax: GO_IP, group: `lb-ip[${index}]`, attributes: { type, lb: annotation.lb, ...owner } };
      return elementFacts(ctx, node, spec);
    });
  },
};

function elementFacts(ctx: ExtractContext, node: Node, spec: FieldSpec): Fact[] {
  const text = ctx.text(node);
  if (!text) return [];
  return splitCommaList(text.text).flatMap(([start, end]) => ctx.slice(node, start, end, spec));
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
