// The registry of rules: one file per rule, listed here once, in catalogue order (SPEC §3).

import type { Rule } from './rule';
import { rangeOverlap } from './rangeOverlap';

export type { Rule, RuleContext } from './rule';

export const rules: readonly Rule[] = [
  // Parse and notation.
  // Sizes.
  // Overlap and consistency.
  rangeOverlap,
  // Capacity.
];
