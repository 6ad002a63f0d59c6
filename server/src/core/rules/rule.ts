import type { Finding, RuleId, Severity } from '../model';
import type { AddressPlan } from '../plan/plan';
import type { ClusterConfig } from '../plan/config';

export interface RuleContext {
  readonly plan: AddressPlan;
  readonly config: ClusterConfig;
  /** Plans of the clusters listed in `connectedClusters`. */
  readonly connected: readonly AddressPlan[];
  /** `file:line` (1-based) of an offset, for messages that point at the other side. */
  locate(uri: string, offset: number): string;
}

/** One check of the catalogue (SPEC §3). Rules are plain data plus a pure function. */
export interface Rule {
  readonly id: RuleId;
  readonly defaultSeverity: Severity;
  /** One sentence for SARIF and docs. */
  readonly description: string;
  run(ctx: RuleContext): Finding[];
}
