// Hover cards (SPEC §4): on a recognised value, what it is in its cluster — extent, role and source,
// capacity, and how it sits among the cluster's other ranges; on any other CIDR, the calculator card.

import type { Fact } from '../model';
import { addrFrom, formatAddr } from '../net/addr';
import type { RangeFact } from '../plan/plan';
import { isRangeFact } from '../plan/plan';
import { formatCount } from '../text/format';
import { calculatorCard } from './calculator';
import { capacityLines, sizeCard } from './capacityCard';
import { CardLine, HoverCard, extentLine, roleName, sourceLines } from './card';
import type { PlacedRange, ScopeIndex } from './scopeIndex';

export interface HoverRequest {
  readonly uri: string;
  /** The text the index was built from. */
  readonly text: string;
  readonly offset: number;
  /** The index of the scope the file belongs to; absent for a file outside every scope. */
  readonly index?: ScopeIndex;
}

/** A relation lists this many values; the rest are counted, so a pod network with 2,000 nodes stays readable. */
const LISTED_PER_RELATION = 5;

export function hoverAt(request: HoverRequest): HoverCard | undefined {
  const facts = request.index?.factsAt(request.uri, request.offset) ?? [];
  if (facts.length > 0 && request.index) {
    return facts[0].isDefault ? defaultsCard(facts, request.index) : factCard(facts[0], request.index);
  }
  return calculatorCard(request.text, request.offset);
}

function factCard(fact: Fact, index: ScopeIndex): HoverCard {
  if (isRangeFact(fact)) return fact.value.kind === 'address' ? addressCard(fact, index) : rangeCard(fact, index);
  if (fact.value.kind === 'number') return sizeCard(fact, index.plan);
  const lines: CardLine[] = [...sourceLines(fact, index.plan.scope.name)];
  if (fact.value.kind === 'invalid') lines.push({ label: 'Does not parse', text: fact.value.error });
  else lines.push({ text: 'A template placeholder: checked once it is rendered.' });
  return { span: fact.span, title: `${fact.text} · ${roleName(fact.role)}`, lines };
}

function rangeCard(fact: RangeFact, index: ScopeIndex): HoverCard {
  const relations = index.relationsOf(fact);
  const lines: CardLine[] = [
    extentLine(fact.value.range),
    ...sourceLines(fact, index.plan.scope.name),
    ...capacityLines(fact, index.plan),
    ...relationLines('Same range as', relations.same),
    ...relationLines('Inside', relations.inside),
    ...relationLines('Contains', relations.contains),
    ...relationLines('Overlaps', relations.overlaps),
  ];
  return { span: fact.span, title: `${fact.text} · ${roleName(fact.role)}`, lines };
}

/** A bare address: which of the cluster's ranges it belongs to, and where in each. */
function addressCard(fact: RangeFact, index: ScopeIndex): HoverCard {
  const relations = index.relationsOf(fact);
  const address = formatAddr(addrFrom(fact.value.range.family, fact.value.range.first));
  const containers = [...relations.inside, ...relations.same];
  const lines: CardLine[] = [...sourceLines(fact, index.plan.scope.name)];
  for (const container of containers.slice(0, LISTED_PER_RELATION)) {
    const position = fact.value.range.first - container.range.first;
    lines.push({ text: `${address} is address #${formatCount(position)} of ${container.label}`, ...at(container) });
  }
  if (containers.length === 0) lines.push({ text: `${address} lies outside every range of cluster ${index.plan.scope.name}` });
  lines.push(...moreLine(containers.length));
  return { span: fact.span, title: `${address} · ${roleName(fact.role)}`, lines };
}

/** The values a document leaves to their defaults, shown on the anchor they sit on (its `kind`). */
function defaultsCard(facts: readonly Fact[], index: ScopeIndex): HoverCard {
  const lines = facts.map((fact) => ({ label: roleName(fact.role), text: `${fact.text} (default of ${fact.source})` }));
  return { span: facts[0].span, title: `${facts[0].doc.kind || 'document'} · defaults in cluster ${index.plan.scope.name}`, lines };
}

function relationLines(label: string, ranges: readonly PlacedRange[]): CardLine[] {
  return [...ranges.slice(0, LISTED_PER_RELATION).map((range) => ({ label, text: range.label, ...at(range) })), ...moreLine(ranges.length)];
}

function moreLine(total: number): CardLine[] {
  return total > LISTED_PER_RELATION ? [{ text: `… and ${formatCount(total - LISTED_PER_RELATION)} more` }] : [];
}

function at(range: PlacedRange): Pick<CardLine, 'at'> {
  return range.location ? { at: range.location } : {};
}
