// Extractor: Kubernetes `NetworkPolicy` (networking.k8s.io/v1) ipBlock peers, domain-rules.md §1.2:
// spec.ingress[].from[].ipBlock and spec.egress[].to[].ipBlock, `cidr` and its `except` holes. The
// facts of one ipBlock share a group, so a rule can check each `except` against its own `cidr`.

import type { Fact, Role } from '../../model';
import type { ExtractContext, FieldSpec } from './context';
import type { Extractor } from './extractor';
import { K8S_LEGACY_CIDR } from './syntax';
import { below } from './tree';
import type { Node } from '../yamlNode';

const DIRECTIONS = [
  { rules: 'ingress', peers: 'from' },
  { rules: 'egress', peers: 'to' },
] as const;

export const networkPolicy: Extractor = {
  name: 'network-policy',
  triggers: ['ipBlock'],
  extract(ctx) {
    if (ctx.ref.kind !== 'NetworkPolicy') return [];
    return DIRECTIONS.flatMap(({ rules, peers }) =>
      ctx.items(ctx.get(['spec', rules])).flatMap((rule, r) =>
        ctx.items(below(ctx, rule, [peers])).flatMap((peer, p) => ipBlockFacts(ctx, peer, `ipBlock:${rules}[${r}].${peers}[${p}]`)),
      ),
    );
  },
};

function ipBlockFacts(ctx: ExtractContext, peer: Node, group: string): Fact[] {
  const ipBlock = below(ctx, peer, ['ipBlock']);
  const field = (role: Role, source: string): FieldSpec => ({ role, component: 'kubernetes', source, syntax: K8S_LEGACY_CIDR, group });
  return [
    ...ctx.scalar(below(ctx, ipBlock, ['cidr']), field('policy-cidr', 'NetworkPolicy ipBlock.cidr')),
    ...ctx.each(below(ctx, ipBlock, ['except']), field('policy-except', 'NetworkPolicy ipBlock.except')),
  ];
}
