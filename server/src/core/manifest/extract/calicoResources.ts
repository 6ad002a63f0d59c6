// Extractor: the Calico resources other than IPPool that hold addresses (domain-rules.md §9.2):
// `IPReservation` reserved CIDRs, `BGPConfiguration` advertised service CIDRs, `IPAMBlock` CIDRs,
// `NetworkPolicy`/`GlobalNetworkPolicy` rule `nets`/`notNets`, and the `nets` of
// `NetworkSet`/`GlobalNetworkSet`, which policies select. `IPAMConfiguration` holds no address
// (`strictAffinity` and `maxBlocksPerHost` only change how blocks are handed out), so it yields no fact.

import type { Fact } from '../../model';
import type { ExtractContext } from './context';
import type { Extractor } from './extractor';
import { isCalicoResource } from './calicoIpPool';
import { CALICO_CIDR_OR_IP, CALICO_NET, CALICO_STRICT_CIDR } from './syntax';
import { below } from './tree';
import { scalarString } from '../yamlNode';

const BGP_SERVICE_FIELDS = ['serviceClusterIPs', 'serviceExternalIPs', 'serviceLoadBalancerIPs'] as const;
const POLICY_KINDS = ['NetworkPolicy', 'GlobalNetworkPolicy'] as const;
const NETWORK_SET_KINDS = ['NetworkSet', 'GlobalNetworkSet'] as const;

export const calicoResources: Extractor = {
  name: 'calico-resources',
  triggers: ['IPReservation', 'BGPConfiguration', 'IPAMBlock', 'NetworkPolicy', 'NetworkSet'],
  extract(ctx) {
    if (isCalicoResource(ctx, 'IPReservation')) return reservationFacts(ctx);
    if (isCalicoResource(ctx, 'BGPConfiguration')) return bgpFacts(ctx);
    if (isCalicoResource(ctx, 'IPAMBlock')) return ipamBlockFacts(ctx);
    const policyKind = POLICY_KINDS.find((kind) => isCalicoResource(ctx, kind));
    if (policyKind) return policyFacts(ctx, policyKind);
    const setKind = NETWORK_SET_KINDS.find((kind) => isCalicoResource(ctx, kind));
    if (setKind) return networkSetFacts(ctx, setKind);
    return [];
  },
};

function reservationFacts(ctx: ExtractContext): Fact[] {
  return ctx.each(ctx.get(['spec', 'reservedCIDRs']), {
    role: 'ip-reservation',
    component: 'calico',
    source: 'calico IPReservation spec.reservedCIDRs',
    syntax: CALICO_CIDR_OR_IP,
    group: 'ipreservation',
    attributes: { calico: 'IPReservation', reservation: ctx.ref.name ?? '' },
  });
}

function bgpFacts(ctx: ExtractContext): Fact[] {
  const spec = ctx.get(['spec']);
  return BGP_SERVICE_FIELDS.flatMap((field) =>
    ctx.items(below(ctx, spec, [field])).flatMap((entry) =>
      ctx.scalar(ctx.get(['cidr'], entry), {
        role: 'bgp-advertised',
        component: 'calico',
        source: `calico BGPConfiguration spec.${field}`,
        syntax: CALICO_NET,
        group: `bgp:${field}`,
        attributes: { calico: 'BGPConfiguration', advertises: field },
      }),
    ),
  );
}

function ipamBlockFacts(ctx: ExtractContext): Fact[] {
  const spec = ctx.get(['spec']);
  const affinity = scalarString(below(ctx, spec, ['affinity']));
  return ctx.scalar(below(ctx, spec, ['cidr']), {
    role: 'ipam-block',
    component: 'calico',
    source: 'calico IPAMBlock spec.cidr',
    syntax: CALICO_STRICT_CIDR,
    group: 'ipamblock',
    attributes: { calico: 'IPAMBlock', ...(affinity !== undefined ? { affinity } : {}) },
  });
}

/** Each rule's CIDRs form one group, since Calico rejects a rule that mixes families (§9.2). */
function policyFacts(ctx: ExtractContext, kind: string): Fact[] {
  const spec = ctx.get(['spec']);
  return (['ingress', 'egress'] as const).flatMap((direction) =>
    ctx.items(below(ctx, spec, [direction])).flatMap((rule, index) =>
      (['source', 'destination'] as const).flatMap((side) =>
        (['nets', 'notNets'] as const).flatMap((field) =>
          ctx.each(ctx.get([side, field], rule), {
            role: 'policy-cidr',
            component: 'calico',
            source: `calico ${kind} ${direction}.${side}.${field}`,
            syntax: CALICO_STRICT_CIDR,
            group: `policy:${direction}[${index}]`,
            attributes: { calico: kind, policy: ctx.ref.name ?? '', direction, side, negated: field === 'notNets' },
          }),
        ),
      ),
    ),
  );
}

function networkSetFacts(ctx: ExtractContext, kind: string): Fact[] {
  return ctx.each(ctx.get(['spec', 'nets']), {
    role: 'policy-cidr',
    component: 'calico',
    source: `calico ${kind} spec.nets`,
    syntax: CALICO_CIDR_OR_IP,
    group: 'networkset',
    attributes: { calico: kind, networkSet: ctx.ref.name ?? '' },
  });
}
