// Extractor: k3d `Simple` config (k3d.io/v1alpha4, v1alpha5): the docker network's `subnet` (where the
// node containers live: a node network), the k3s server flags of options.k3s.extraArgs[].arg
// (`--cluster-cidr`, `--service-cidr`, `--cluster-dns`), and `servers` + `agents` as the nodes the
// cluster creates (k3d's defaults: one server, no agents). k3d runs k3s, so k3s' defaults apply
// (pkg/config/v1alpha5 and k3s' own: 10.42.0.0/16, 10.43.0.0/16, DNS the tenth service address) and
// KCM's default node masks.

import type { Fact, Role } from '../../model';
import { apiGroupOf, kindNode } from './componentConfig';
import type { ExtractContext, FieldSpec } from './context';
import type { Extractor } from './extractor';
import { KeyValueArg, flagValueFacts, keyValueArg } from './flags';
import { dnsServiceAddress } from './clusterDns';
import { NodeMaskOwner, defaultNodeMasks } from './nodeMask';
import { COMPONENT_CIDR, COMPONENT_IP, GO_MASKING_CIDR } from './syntax';
import { below } from './tree';
import { scalarString } from '../yamlNode';

const K3S_DEFAULTS = { clusterCidr: '10.42.0.0/16', serviceCidr: '10.43.0.0/16' } as const;

export const k3d: Extractor = {
  name: 'k3d',
  triggers: ['k3d.io'],
  extract(ctx) {
    if (ctx.ref.kind !== 'Simple' || apiGroupOf(ctx) !== 'k3d.io') return [];
    const args = serverArgs(ctx);
    const count = (key: string, fallback: number) => {
      const value = Number(scalarString(ctx.get([key]))?.trim());
      return Number.isInteger(value) && value >= 0 ? value : fallback;
    };
    const nodes = count('servers', 1) + count('agents', 0);
    const at = kindNode(ctx);
    const field = (role: Role, flag: string, syntax: FieldSpec['syntax'], attributes?: FieldSpec['attributes']): FieldSpec => ({ role, component: 'k3d', source: `k3d options.k3s.extraArgs --${flag}`, syntax, group: 'cluster', ...(attributes ? { attributes } : {}) });
    const fromArg = (flag: string, fieldSpec: FieldSpec, fallback: string | undefined): Fact[] => {
      const arg = args.get(flag);
      if (arg) return flagValueFacts(ctx, arg.value, fieldSpec, 'dual-stack');
      return fallback ? [ctx.defaulted(fallback, fieldSpec, at)] : [];
    };
    const pods = fromArg('cluster-cidr', field('pod-network', 'cluster-cidr', COMPONENT_CIDR, { nodes }), K3S_DEFAULTS.clusterCidr);
    const services = fromArg('service-cidr', field('service-network', 'service-cidr', COMPONENT_CIDR), K3S_DEFAULTS.serviceCidr);
    const firstService = services[0];
    const dnsDefault = firstService ? dnsServiceAddress(firstService) : undefined;
    const dns = fromArg('cluster-dns', field('cluster-dns', 'cluster-dns', COMPONENT_IP), dnsDefault);
    const owner: NodeMaskOwner = { component: 'k3d', group: 'cluster', label: (flag) => `k3s kube-controller-manager-arg ${flag}` };
    const subnet = ctx.scalar(ctx.get(['subnet']), { role: 'node-network', component: 'k3d', source: 'k3d subnet', syntax: GO_MASKING_CIDR, group: 'cluster' });
    return [...pods, ...services, ...dns, ...defaultNodeMasks(ctx, owner, pods, new Set(), at), ...subnet];
  },
};

/** The `--flag=value` entries of options.k3s.extraArgs[].arg; a later entry wins, as on a command line. */
function serverArgs(ctx: ExtractContext): Map<string, KeyValueArg> {
  const args = new Map<string, KeyValueArg>();
  for (const entry of ctx.items(ctx.get(['options', 'k3s', 'extraArgs']))) {
    const node = below(ctx, entry, ['arg']);
    const arg = node ? keyValueArg(ctx, node) : undefined;
    if (arg) args.set(arg.name, arg);
  }
  return args;
}
