// Inlay hints after range values (SPEC §4): how many addresses, and what that means for the cluster
// (`65,536 · 256 nodes × /24`), so the size of a range reads at a glance without a hover.

import type { Span } from '../model';
import { rangeSize } from '../net/prefix';
import { isRangeFact } from '../plan/plan';
import { formatCount } from '../text/format';
import { capacitySummary } from './capacityCard';
import type { ScopeIndex } from './scopeIndex';

export interface InlayHint {
  /** Where the hint stands: just after the value, past its closing quote. */
  readonly offset: number;
  readonly label: string;
}

/** The hints of the values of one file that start inside `within`. */
export function inlayHintsIn(index: ScopeIndex, uri: string, text: string, within: Span): InlayHint[] {
  const hints: InlayHint[] = [];
  for (const fact of index.factsIn(uri)) {
    if (fact.span.start < within.start || fact.span.start > within.end) continue;
    // Defaults are written nowhere, and a lone address has no size worth stating.
    if (fact.isDefault || !isRangeFact(fact) || fact.value.kind === 'address') continue;
    const summary = capacitySummary(fact, index.plan);
    hints.push({ offset: afterClosingQuote(text, fact.span.end), label: `${formatCount(rangeSize(fact.value.range))}${summary ? ` · ${summary}` : ''}` });
  }
  return hints;
}

function afterClosingQuote(text: string, end: number): number {
  return text[end] === '"' || text[end] === "'" ? end + 1 : end;
}
