// The address plan of one cluster scope: its facts indexed by role, ready for rules, hovers and reports.

import type { Fact, Role } from '../model';
import type { IpRange } from '../net/prefix';
import type { Scope } from './scopes';
import { type CapacityModel, capacityOf } from './capacity';

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
  /** Node subnets, pods per node, Calico blocks, service and LB capacity, utilization: computed on first use. */
  readonly capacity: CapacityModel;
}

export function buildPlan(scope: Scope): AddressPlan {
  const facts = scope.files.flatMap((f) => f.facts);
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
    get capacity() {
      return capacityOf(plan);
    },
  };
  return plan;
}
