// The shape of `cidr-lens plan --format json`, one `ClusterPlan` per cluster scope: what `plan.ts`
// builds and every plan formatter reads. Field names are a public contract (SPEC §5).

import type { Range } from './locate';
import type { ClusterCapacityJson, RangeCapacityJson } from './planCapacity';

export interface Location {
  readonly file: string;
  /** 0-based, UTF-16 code units, as in `check --format json`. */
  readonly range: Range;
}

export interface PlannedRange {
  readonly role: string;
  readonly value: string;
  readonly family: 4 | 6;
  /** A decimal string: IPv6 sizes exceed what a JSON number holds exactly. */
  readonly addresses: string;
  readonly source: string;
  readonly default: boolean;
  readonly location: Location;
  readonly capacity: RangeCapacityJson;
}

export interface PlannedSetting {
  readonly role: string;
  readonly value: number;
  readonly source: string;
  readonly default: boolean;
  readonly location: Location;
}

export interface PlannedNetwork {
  /** `ipam`: a network of an IPAM export that the cluster's ranges overlap. */
  readonly kind: 'external' | 'node' | 'ipam';
  readonly name: string;
  readonly value: string;
  readonly family: 4 | 6;
  readonly addresses: string;
  readonly location?: Location;
}

export interface ClusterPlan {
  readonly cluster: string;
  readonly root: string;
  /** The `.cidr-lens.yaml` that makes this folder a cluster, when there is one on disk. */
  readonly config?: string;
  readonly ranges: readonly PlannedRange[];
  readonly settings: readonly PlannedSetting[];
  readonly networks: readonly PlannedNetwork[];
  readonly capacity: ClusterCapacityJson;
}
