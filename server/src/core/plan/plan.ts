// The address plan of one cluster scope: its facts indexed by role, ready for rules, hovers and reports.
// What the plan provides (node subnets, blocks, ClusterIPs) is derived from it: `capacityOf(plan)`.

import type { Fact, Role } from '../model';
import type { IpRange } from '../net/prefix';
import type { Scope } from './scopes';

/** A fact whose value is an address range (a prefix, an `a-b` range, or a single address). */
export type RangeFact = Fact & { readonly value: { readonly kind: 'prefix' | 'range' | 'address'; readonly range: IpRange } };

export function isRangeFact(fact: Fact): fact is RangeFact {
  return fact.value.kind === 'prefix' || fact.value.kind === 'range' || fact.value.kind === 'address';
}

export interface AddressPlan {
  readonly scope: Scope;
  readonly facts: readonly Fact[];
  /** Facts of a role whose values parsed to ranges, in file order. */
  rangesOf(role: Role): readonly RangeFact[];
  /** All facts of a role, whatever their value. */
  factsOf(role: Role): readonly Fact[];
}

export function buildPlan(scope: Scope): AddressPlan {
  const facts = withoutShadowedDefaults(scope.files.flatMap((f) => f.facts));
  const byRole = new Map<Role, Fact[]>();
  for (const fact of facts) {
    let list = byRole.get(fact.role);
    if (!list) byRole.set(fact.role, (list = []));
    list.push(fact);
  }
  const rangesByRole = new Map<Role, RangeFact[]>();
  for (const [role, list] of byRole) rangesByRole.set(role, list.filter(isRangeFact));
  const plan: AddressPlan = {
    scope,
    facts,
    rangesOf: (role) => rangesByRole.get(role) ?? [],
    factsOf: (role) => byRole.get(role) ?? [],
  };
  return plan;
}

/**
 * Components whose configuration comes in layers that the component merges before reading it:
 * - Cilium's chart values (`helm upgrade -f values.yaml -f values-prod.yaml`, a base values file and a
 *   HelmRelease's overrides): a values map that leaves the cluster pool or its mask out inherits them
 *   from the other layers, not from the chart's defaults;
 * - k3s and RKE2 config files (`config.yaml` plus the drop-ins of `config.yaml.d/`): a file without
 *   `cluster-cidr` takes the one another file sets, not k3s' default.
 * - Talos machine configs and their patches (`talosctl gen config --config-patch`, talhelper's
 *   talconfig with patch files): a patch that sets podSubnets replaces the default of the config it
 *   patches.
 * So a default of such a component yields to an explicit statement of the same setting (role and
 * family) by that component anywhere in the scope. k3s and Talos derive their default cluster DNS from
 * the service range of the same file: when that default service range yields, so does the DNS address
 * derived from it (the file that states the range derives the right one).
 */
const LAYERED: ReadonlySet<Fact['component']> = new Set<Fact['component']>(['cilium', 'k3s', 'talos']);
/** Layered components whose default cluster DNS follows the service range of its own file. */
const DNS_FROM_OWN_SERVICE_RANGE: ReadonlySet<Fact['component']> = new Set<Fact['component']>(['k3s', 'talos']);

function withoutShadowedDefaults(facts: Fact[]): Fact[] {
  const key = (f: Fact) => {
    const family = f.attributes?.family ?? (isRangeFact(f) ? f.value.range.family : '');
    return `${f.component}\u0000${f.role}\u0000${family}`;
  };
  const explicit = new Set<string>();
  for (const f of facts) if (LAYERED.has(f.component) && !f.isDefault) explicit.add(key(f));
  if (explicit.size === 0) return facts;
  const shadowed = (f: Fact) => LAYERED.has(f.component) && f.isDefault && explicit.has(key(f));
  const derivesDns = (f: Fact) => DNS_FROM_OWN_SERVICE_RANGE.has(f.component);
  const groupsWithoutServiceDefault = new Set(facts.filter((f) => derivesDns(f) && f.role === 'service-network' && shadowed(f)).map((f) => f.group));
  return facts.filter((f) => !shadowed(f) && !(derivesDns(f) && f.role === 'cluster-dns' && f.isDefault && groupsWithoutServiceDefault.has(f.group)));
}
