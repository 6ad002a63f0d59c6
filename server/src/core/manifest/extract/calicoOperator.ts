// Extractor: the tigera operator's `Installation` (operator.tigera.io/v1) and the same spec in the
// tigera-operator chart's Helm values (`installation:`): IP pools with their block sizes, the
// service CIDRs Calico is told about, and the node address autodetection CIDRs (domain-rules.md §9.4).
//
// `serviceCIDRs` mirrors the cluster's service range (the chart comment says it "must match cluster
// service CIDR"), so it is a `service-network` fact read by `calico-operator`: a pool overlapping it
// is caught like any pod pool overlapping the service range, and a value differing from kubeadm's or
// the apiserver's shows up as conflicting definitions. When the operator is given no pools it picks
// one from kubeadm's podSubnet or 192.168.0.0/16; that choice belongs to the plan, so no fact is made.

import type { Fact } from '../../model';
import type { ExtractContext } from './context';
import type { Extractor } from './extractor';
import { allowedUsesOf, blockSizeFacts, familyOf, poolRole } from './calicoIpPool';
import { CALICO_STRICT_CIDR, GO_MASKING_CIDR, withFamily } from './syntax';
import { findValueMaps } from './valueMaps';
import { below } from './tree';
import { Node, getKey, getKeyNode, scalarString } from '../yamlNode';

const SPEC_KEYS = ['calicoNetwork', 'serviceCIDRs'];

export const calicoOperator: Extractor = {
  name: 'calico-operator',
  triggers: SPEC_KEYS,
  extract(ctx) {
    if (ctx.ref.kind === 'Installation' && (ctx.ref.apiVersion ?? '').startsWith('operator.tigera.io/')) {
      return installationFacts(ctx, ctx.get(['spec']), 'installation');
    }
    return findValueMaps(ctx, isChartValues, SPEC_KEYS).flatMap((found, index) =>
      installationFacts(found.ctx, found.ctx.get(['installation'], found.map), `values[${index}]`),
    );
  },
};

/** The chart's values hold an `InstallationSpec` under `installation`. */
function isChartValues(ctx: ExtractContext, map: Node): boolean {
  const installation = getKey(map, 'installation', ctx.yaml);
  return SPEC_KEYS.some((key) => getKey(installation, key, ctx.yaml) !== undefined);
}

function installationFacts(ctx: ExtractContext, spec: Node | undefined, group: string): Fact[] {
  const network = below(ctx, spec, ['calicoNetwork']);
  return [
    ...ctx.items(below(ctx, network, ['ipPools'])).flatMap((pool, index) => poolFacts(ctx, pool, `${group}:ipPools[${index}]`)),
    ...autodetectionFacts(ctx, network, group),
    ...ctx.list(below(ctx, spec, ['serviceCIDRs']), {
      role: 'service-network',
      component: 'calico-operator',
      source: 'tigera Installation serviceCIDRs',
      syntax: GO_MASKING_CIDR,
      group,
      attributes: { calico: 'operator' },
    }),
  ];
}

function poolFacts(ctx: ExtractContext, pool: Node, group: string): Fact[] {
  const allowedUses = allowedUsesOf(ctx, ctx.get(['allowedUses'], pool));
  const role = poolRole(allowedUses);
  const name = scalarString(ctx.get(['name'], pool));
  const identity = { calico: 'operator', ...(name !== undefined ? { pool: name } : {}) };
  const cidr = ctx.scalar(ctx.get(['cidr'], pool), {
    role,
    component: 'calico-operator',
    source: 'tigera Installation ipPools[].cidr',
    syntax: CALICO_STRICT_CIDR,
    group,
    attributes: {
      ...identity,
      disabled: scalarString(ctx.get(['disableNewAllocations'], pool)) === 'true',
      allowedUses: allowedUses.join(','),
      ...(role === 'lb-pool' ? { lb: 'calico' } : {}),
    },
  });
  const blockSize = blockSizeFacts(ctx, ctx.get(['blockSize'], pool), familyOf(cidr[0]), {
    source: 'tigera Installation ipPools[].blockSize',
    component: 'calico-operator',
    group,
    attributes: identity,
    at: getKeyNode(pool, 'cidr', ctx.yaml),
  });
  return [...cidr, ...blockSize];
}

function autodetectionFacts(ctx: ExtractContext, network: Node | undefined, group: string): Fact[] {
  return ([4, 6] as const).flatMap((family) =>
    ctx.each(below(ctx, network, [`nodeAddressAutodetectionV${family}`, 'cidrs']), {
      role: 'node-address',
      component: 'calico-operator',
      source: `tigera Installation nodeAddressAutodetectionV${family}.cidrs`,
      syntax: withFamily(GO_MASKING_CIDR, family),
      group: `${group}:autodetection`,
      attributes: { calico: 'operator', family },
    }),
  );
}
