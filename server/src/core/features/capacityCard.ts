// PROVISIONAL until plan/capacity.ts lands: capacity lines of hover cards and inlay hints.

import type { Fact } from '../model';
import type { AddressPlan, RangeFact } from '../plan/plan';
import type { CardLine, HoverCard } from './card';
import { roleName } from './card';

export function capacityLines(_fact: RangeFact, _plan: AddressPlan): CardLine[] {
  return [];
}

export function capacitySummary(_fact: RangeFact, _plan: AddressPlan): string | undefined {
  return undefined;
}

export function sizeCard(fact: Fact, plan: AddressPlan): HoverCard {
  return { span: fact.span, title: `${fact.text} · ${roleName(fact.role)}`, lines: [{ label: 'Source', text: `${fact.source} · cluster ${plan.scope.name}` }] };
}
