// Helpers that turn facts into findings with consistent placement (SPEC §3 "Placement"): a finding about
// one value sits on that value; a finding about two values sits on each, pointing at the other.

import type { Fact, Finding, Fix, RelatedLocation, RuleId, Severity } from '../model';
import { formatRange } from '../net/prefix';
import type { RangeFact } from '../plan/plan';
import type { RuleContext } from './rule';

export function findingOn(
  fact: Fact,
  rule: RuleId,
  severity: Severity,
  message: string,
  related: readonly RelatedLocation[] = [],
  fixes: readonly Fix[] = [],
): Finding {
  return { rule, severity, message, uri: fact.doc.uri, span: fact.span, related, fixes };
}

/** How a fact is named in a message: `10.96.0.0/12 (kubeadm networking.serviceSubnet, default)`. */
export function describe(fact: Fact): string {
  const value = 'range' in fact.value && fact.value.kind === 'prefix' ? fact.text : 'range' in fact.value ? formatRange(fact.value.range) : fact.text;
  return `${value} (${fact.source}${fact.isDefault ? ', default' : ''})`;
}

/** `describe` plus where the fact is written, for the other side of a pair. */
export function describeAt(fact: RangeFact | Fact, ctx: RuleContext): string {
  const value = 'range' in fact.value && fact.value.kind !== 'prefix' ? formatRange(fact.value.range) : fact.text;
  return `${value} (${fact.source}${fact.isDefault ? ', default' : ''}, ${ctx.locate(fact.doc.uri, fact.span.start)})`;
}

export function relatedTo(fact: Fact, message: string): RelatedLocation {
  return { uri: fact.doc.uri, span: fact.span, message };
}

/**
 * The two findings of a pair, one on each value, each pointing at the other. `message(self, other)`
 * phrases the finding from the side it sits on.
 */
export function pairFindings(
  a: Fact,
  b: Fact,
  rule: RuleId,
  severity: Severity,
  message: (self: Fact, other: Fact) => string,
  fixesFor: (self: Fact, other: Fact) => readonly Fix[] = () => [],
): Finding[] {
  return [
    findingOn(a, rule, severity, message(a, b), [relatedTo(b, message(b, a))], fixesFor(a, b)),
    findingOn(b, rule, severity, message(b, a), [relatedTo(a, message(a, b))], fixesFor(b, a)),
  ];
}
