// The registry of rules: one file per rule, listed here once (SPEC §3).

import type { Rule } from './rule';
import { rangeOverlap } from './rangeOverlap';

export type { Rule, RuleContext } from './rule';

export const rules: readonly Rule[] = [rangeOverlap];
