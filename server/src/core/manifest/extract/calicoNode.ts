// Extractor: the calico-node container's environment (domain-rules.md §9.3): the default pools it
// creates at startup (`CALICO_IPV4POOL_CIDR`, `CALICO_IPV6POOL_CIDR`), their block sizes, and the
// CIDRs used to autodetect node addresses (`IP_AUTODETECTION_METHOD=cidr=…`).
//
// The stock calico.yaml ships `CALICO_IPV4POOL_CIDR` commented out; calico-node then takes kubeadm's
// podSubnet or 192.168.0.0/16. Which one applies depends on the rest of the cluster, so that choice is
// left to the plan: no pool fact is invented for an absent variable.

import type { Fact } from '../../model';
import type { Family } from '../../net/addr';
import { ExtractContext, splitCommaList } from './context';
import type { Extractor } from './extractor';
import { blockSizeFacts, familyOf } from './calicoIpPool';
import { Container, containersOf, envVar } from './containers';
import { GO_MASKING_CIDR, withFamily } from './syntax';
import { documentMentions } from './valueMaps';
import { scalarString } from '../yamlNode';

/** The value that tells calico-node not to create the pool of that family. */
const NO_POOL = 'none';
const AUTODETECT_CIDR = 'cidr=';

const ENV_MARKERS = ['CALICO_IPV4POOL_', 'CALICO_IPV6POOL_', '_AUTODETECTION_METHOD'];

export const calicoNode: Extractor = {
  name: 'calico-node',
  triggers: ENV_MARKERS,
  extract(ctx) {
    if (!documentMentions(ctx, ENV_MARKERS)) return [];
    return containersOf(ctx).flatMap((container) => [
      ...poolFacts(ctx, container, 4),
      ...poolFacts(ctx, container, 6),
      ...autodetectionFacts(ctx, container, 4),
      ...autodetectionFacts(ctx, container, 6),
    ]);
  },
};

function poolFacts(ctx: ExtractContext, container: Container, family: Family): Fact[] {
  const cidrVar = `CALICO_IPV${family}POOL_CIDR`;
  const blockVar = `CALICO_IPV${family}POOL_BLOCK_SIZE`;
  const group = `calico-node[${container.index}]:ipv${family}`;
  const cidrEnv = envVar(container, cidrVar);
  const cidrNode = cidrEnv?.value;
  const skipped = scalarString(cidrNode)?.trim().toLowerCase() === NO_POOL;
  const noDefaultPools = scalarString(envVar(container, 'NO_DEFAULT_POOLS')?.value) === 'true';
  const identity = { calico: 'env', ...(container.name !== undefined ? { container: container.name } : {}) };
  const cidr = skipped
    ? []
    : ctx.scalar(cidrNode, {
        role: 'cni-pod-pool',
        component: 'calico-node',
        source: `calico-node ${cidrVar}`,
        // calico-node creates the pool from the network `cnet.ParseCIDR` returns, so host bits are masked silently.
        syntax: withFamily(GO_MASKING_CIDR, family),
        group,
        attributes: { ...identity, family, ...(noDefaultPools ? { noDefaultPools } : {}) },
      });
  const blockNode = envVar(container, blockVar)?.value;
  // A default block size only means something for a pool this container declares.
  const defaultFamily = cidr.length > 0 && familyOf(cidr[0]) === family ? family : undefined;
  return [
    ...cidr,
    ...blockSizeFacts(ctx, blockNode, blockNode ? family : defaultFamily, {
      source: `calico-node ${blockVar}`,
      component: 'calico-node',
      group,
      attributes: identity,
      ...(cidrEnv ? { at: cidrEnv.nameNode } : {}),
    }),
  ];
}

/** `IP_AUTODETECTION_METHOD=cidr=10.0.1.0/24,10.0.2.0/24`: one node-address fact per listed CIDR. */
function autodetectionFacts(ctx: ExtractContext, container: Container, family: Family): Fact[] {
  const name = family === 4 ? 'IP_AUTODETECTION_METHOD' : 'IP6_AUTODETECTION_METHOD';
  const node = envVar(container, name)?.value;
  const method = ctx.text(node)?.text;
  if (!node || method === undefined) return [];
  const at = method.indexOf(AUTODETECT_CIDR);
  if (at < 0 || method.slice(0, at).trim() !== '') return [];
  const start = at + AUTODETECT_CIDR.length;
  return splitCommaList(method.slice(start)).flatMap(([s, e]) =>
    ctx.slice(node, start + s, start + e, {
      role: 'node-address',
      component: 'calico-node',
      source: `calico-node ${name}`,
      syntax: withFamily(GO_MASKING_CIDR, family),
      group: `calico-node[${container.index}]:autodetection`,
      attributes: { calico: 'env', family },
    }),
  );
}
