// The registry of rules: one file per rule, listed here once, in catalogue order (SPEC §3).

import type { Rule } from './rule';
import { rangeOverlap } from './rangeOverlap';
import { invalidCidr } from './invalidCidr';
import { nonCanonicalCidr } from './nonCanonicalCidr';
import { nonStandardNotation } from './nonStandardNotation';
import { wrongFamily } from './wrongFamily';
import { wrongValueKind } from './wrongValueKind';
import { serviceRangeTooLarge } from './serviceRangeTooLarge';
import { rangeTooSmall } from './rangeTooSmall';
import { reservedRange } from './reservedRange';
import { dockerBridgeOverlap } from './dockerBridgeOverlap';
import { crossClusterOverlap } from './crossClusterOverlap';
import { podNetworkMismatch } from './podNetworkMismatch';
import { addressOutsideRange } from './addressOutsideRange';
import { duplicateAddress } from './duplicateAddress';
import { conflictingDefinitions } from './conflictingDefinitions';

export type { Rule, RuleContext } from './rule';

export const rules: readonly Rule[] = [
  // Parse and notation.
  invalidCidr,
  nonCanonicalCidr,
  nonStandardNotation,
  wrongFamily,
  wrongValueKind,
  // Sizes.
  serviceRangeTooLarge,
  rangeTooSmall,
  // Overlap and consistency.
  rangeOverlap,
  crossClusterOverlap,
  reservedRange,
  dockerBridgeOverlap,
  podNetworkMismatch,
  addressOutsideRange,
  duplicateAddress,
  conflictingDefinitions,
  // Capacity.
];
