// Extractor: Cilium policies (`cilium.io/v2` `CiliumNetworkPolicy`, `CiliumClusterwideNetworkPolicy`):
// the CIDR peers of each rule in `spec` and in `specs[]` — `ingress`/`ingressDeny` `fromCIDR[]` and
// `fromCIDRSet[]`, `egress`/`egressDeny` `toCIDR[]` and `toCIDRSet[]`. A CIDR set entry's `cidr` and
// its `except` holes share a group, as a NetworkPolicy ipBlock's do, so address-outside-range checks
// each `except` against its own `cidr`; Cilium's test is the non-strict one (`CIDRRule.Validate`:
// "allow CIDR prefix … does not contain exclude CIDR prefix …"), which the `cilium` component tells it.
// Entries that select a `CiliumCIDRGroup` (`cidrGroupRef`, `cidrGroupSelector`) name no address.

import type { Fact, Role } from '../../model';
import type { ExtractContext, FieldSpec } from './context';
import type { Extractor } from './extractor';
import { GO_MASKING_CIDR } from './syntax';
import { below } from './tree';
import type { Node } from '../yamlNode';

const KINDS = ['CiliumNetworkPolicy', 'CiliumClusterwideNetworkPolicy'];

/** Each rule list with the fields naming its peers: plain CIDRs and CIDR sets. */
const DIRECTIONS = [
  { rules: 'ingress', cidrs: 'fromCIDR', sets: 'fromCIDRSet' },
  { rules: 'ingressDeny', cidrs: 'fromCIDR', sets: 'fromCIDRSet' },
  { rules: 'egress', cidrs: 'toCIDR', sets: 'toCIDRSet' },
  { rules: 'egressDeny', cidrs: 'toCIDR', sets: 'toCIDRSet' },
] as const;

type Attributes = Readonly<Record<string, string | number | boolean>>;

export const ciliumNetworkPolicy: Extractor = {
  name: 'cilium-network-policy',
  triggers: KINDS,
  extract(ctx) {
    if (!KINDS.includes(ctx.ref.kind) || !(ctx.ref.apiVersion ?? '').startsWith('cilium.io/')) return [];
    const single = ctx.get(['spec']);
    return [
      ...(single ? ruleFacts(ctx, single, 'spec') : []),
      ...ctx.items(ctx.get(['specs'])).flatMap((spec, index) => ruleFacts(ctx, spec, `specs[${index}]`)),
    ];
  },
};

function ruleFacts(ctx: ExtractContext, spec: Node, at: string): Fact[] {
  return DIRECTIONS.flatMap(({ rules, cidrs, sets }) =>
    ctx.items(below(ctx, spec, [rules])).flatMap((rule, r) => {
      const where = `${at}.${rules}[${r}]`;
      const attributes: Attributes = { cilium: ctx.ref.kind, policy: ctx.ref.name ?? '', direction: rules.startsWith('ingress') ? 'ingress' : 'egress', deny: rules.endsWith('Deny') };
      const field = (role: Role, source: string, group: string): FieldSpec => ({ role, component: 'cilium', source: `cilium ${ctx.ref.kind} ${source}`, syntax: GO_MASKING_CIDR, group, attributes });
      return [
        ...ctx.each(below(ctx, rule, [cidrs]), field('policy-cidr', `${rules}.${cidrs}`, `${where}.${cidrs}`)),
        ...ctx.items(below(ctx, rule, [sets])).flatMap((entry, s) => {
          const group = `${where}.${sets}[${s}]`;
          return [
            ...ctx.scalar(ctx.get(['cidr'], entry), field('policy-cidr', `${rules}.${sets}.cidr`, group)),
            ...ctx.each(ctx.get(['except'], entry), field('policy-except', `${rules}.${sets}.except`, group)),
          ];
        }),
      ];
    }),
  );
}
