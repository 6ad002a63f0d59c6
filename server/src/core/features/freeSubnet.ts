// `CIDR Lens: Insert Free Subnet…`: the nearest free subnets of a chosen length in the cluster of the
// file being edited, and the characters the chosen one replaces.

import type { Span } from '../model';
import type { Family } from '../net/addr';
import type { ScopeAnalysis } from '../analyze';
import { SuggestedSubnet, suggestSubnets } from '../plan/suggestSubnets';
import { literalAt } from './calculator';

export interface FreeSubnetRequest {
  /** The text of the file being edited and the cursor in it. */
  readonly text: string;
  readonly offset: number;
  /** The prefix length wanted. */
  readonly bits: number;
  /** The address family; IPv6 when absent and `bits` exceeds 32, else IPv4. */
  readonly family?: Family;
  readonly count: number;
}

export interface FreeSubnetAnswer {
  /**
   * What an inserted subnet replaces: the address or CIDR under the cursor (so running the command on
   * `podSubnet: 10.96.0.0/16` swaps the value), or the empty span at the cursor.
   */
  readonly replace: Span;
  readonly family: Family;
  readonly subnets: readonly SuggestedSubnet[];
}

/** Searches the scope's free space, clear of its connected clusters' pod and service networks too. */
export function freeSubnetsAt(scope: Pick<ScopeAnalysis, 'plan' | 'connected'>, request: FreeSubnetRequest): FreeSubnetAnswer {
  const family = request.family ?? (request.bits > 32 ? 6 : 4);
  const subnets = suggestSubnets(scope.plan, scope.connected, { family, bits: request.bits, count: request.count });
  return { replace: addressUnderCursor(request.text, request.offset) ?? { start: request.offset, end: request.offset }, family, subnets };
}

/** An address-like word with at least one digit and one separator: never a plain number or a key's colon. */
function addressUnderCursor(text: string, offset: number): Span | undefined {
  const span = literalAt(text, offset);
  if (!span) return undefined;
  const word = text.slice(span.start, span.end);
  return /\d/.test(word) && /[.:/]/.test(word) ? span : undefined;
}
