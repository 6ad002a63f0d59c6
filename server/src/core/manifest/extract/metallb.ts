// Extractor: MetalLB address pools (domain-rules.md §13): `IPAddressPool.spec.addresses`
// (metallb.io/v1beta1), and the `address-pools` of the legacy ConfigMap whose `config` key holds
// MetalLB's whole configuration as YAML (MetalLB before 0.13). Each entry is a CIDR or an `a-b` range.

import type { Fact } from '../../model';
import type { ExtractContext } from './context';
import type { Extractor } from './extractor';
import { METALLB_ADDRESSES } from './syntax';
import { below } from './tree';
import { Node, mapEntries, scalarString } from '../yamlNode';

const LEGACY_POOLS_KEY = 'address-pools';

export const metallb: Extractor = {
  name: 'metallb',
  triggers: ['IPAddressPool', LEGACY_POOLS_KEY],
  extract(ctx) {
    if (ctx.ref.kind === 'IPAddressPool' && (ctx.ref.apiVersion ?? '').startsWith('metallb.io/')) return ipAddressPoolFacts(ctx);
    if (ctx.ref.kind === 'ConfigMap') return legacyConfigFacts(ctx);
    return [];
  },
};

function ipAddressPoolFacts(ctx: ExtractContext): Fact[] {
  const spec = ctx.get(['spec']);
  return poolFacts(ctx, below(ctx, spec, ['addresses']), 'MetalLB IPAddressPool spec.addresses', 'ipaddresspool', {
    pool: ctx.ref.name ?? '',
    autoAssign: scalarString(below(ctx, spec, ['autoAssign'])) !== 'false',
    avoidBuggyIPs: scalarString(below(ctx, spec, ['avoidBuggyIPs'])) === 'true',
  });
}

/** Any ConfigMap value that parses to a MetalLB configuration (a map with `address-pools`). */
function legacyConfigFacts(ctx: ExtractContext): Fact[] {
  return mapEntries(ctx.get(['data']), ctx.yaml)
    .filter(([, value]) => scalarString(value)?.includes(LEGACY_POOLS_KEY))
    .flatMap(([, value]) => ctx.embedded(value))
    .flatMap((config) =>
      config.items(config.get([LEGACY_POOLS_KEY])).flatMap((pool, index) =>
        poolFacts(config, config.get(['addresses'], pool), 'MetalLB config address-pools[].addresses', `address-pools[${index}]`, {
          pool: scalarString(config.get(['name'], pool)) ?? '',
          autoAssign: scalarString(config.get(['auto-assign'], pool)) !== 'false',
          avoidBuggyIPs: scalarString(config.get(['avoid-buggy-ips'], pool)) === 'true',
        }),
      ),
    );
}

function poolFacts(ctx: ExtractContext, addresses: Node | undefined, source: string, group: string, attributes: Record<string, string | boolean>): Fact[] {
  return ctx.each(addresses, {
    role: 'lb-pool',
    component: 'metallb',
    source,
    syntax: METALLB_ADDRESSES,
    group,
    attributes: { lb: 'metallb', ...attributes },
  });
}
