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
import { nodeMaskInvalid } from './nodeMaskInvalid';
import { blockSizeInvalid } from './blockSizeInvalid';
import { flannelSubnetLenInvalid } from './flannelSubnetLenInvalid';
import { tooFewNodeSubnets } from './tooFewNodeSubnets';
import { nodeSubnetTooSmall } from './nodeSubnetTooSmall';
import { tooFewBlocks } from './tooFewBlocks';
import { serviceRangeFull } from './serviceRangeFull';
import { highUtilization } from './highUtilization';

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
  nodeMaskInvalid,
  blockSizeInvalid,
  flannelSubnetLenInvalid,
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
  tooFewNodeSubnets,
  nodeSubnetTooSmall,
  tooFewBlocks,
  serviceRangeFull,
  highUtilization,
];
