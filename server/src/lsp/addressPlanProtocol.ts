// `cidrLens/addressPlan` and `cidrLens/addressPlanChanged`: the address map of every cluster, as drawn
// by `CIDR Lens: Show Address Plan` and listed by the Explorer's Address Plan tree. Plain shapes without
// imports, so the VS Code client and other editors' configurations can use them as they are.

/** Request, no parameters: the address map of every cluster scope of the workspace. */
export const ADDRESS_PLAN_REQUEST = 'cidrLens/addressPlan';

/**
 * Notification from the server, no parameters: an analysis changed some cluster, so an address plan
 * fetched before is out of date. Sent only to a client that has asked for the plan at least once.
 */
export const ADDRESS_PLAN_CHANGED_NOTIFICATION = 'cidrLens/addressPlanChanged';

export interface AddressPlanResult {
  readonly version: 1;
  /** By name. */
  readonly clusters: readonly AddressPlanCluster[];
}

export interface AddressPlanCluster {
  /** The scope's root folder URI, or the file's for `scope: file`. */
  readonly id: string;
  readonly name: string;
  /** Ranges first, then allocations; each group in lane order, then by address. */
  readonly items: readonly AddressPlanItem[];
}

export type AddressPlanLane = 'pods' | 'cni' | 'services' | 'load-balancers' | 'nodes' | 'external' | 'ipam' | 'secondary';

export interface AddressPlanItem {
  /** Unique in the result: `<cluster>.<item>`. */
  readonly id: string;
  /** A `range` is a bar; an `allocation` (Node podCIDR, IPAM block, clusterIP, LB IP) is handed out of one. */
  readonly kind: 'range' | 'allocation';
  readonly lane: AddressPlanLane;
  /** The row inside the lane; ranges of one lane that overlap go to different rows. */
  readonly row: number;
  readonly range: AddressRange;
  /** The value as written. */
  readonly text: string;
  /** `pod network (cluster CIDR)`, `external network VPC eu-west-1`. */
  readonly what: string;
  /** `kubeadm networking.podSubnet`, `.cidr-lens.yaml externalNetworks`. */
  readonly source: string;
  readonly isDefault: boolean;
  /** Where the value is written; absent for a network from the workspace settings. */
  readonly location?: PlanLocation;
  /** The editor's hover card for the value, followed by the findings on it. */
  readonly card: PlanCard;
  /** Addresses shared with another range, as a rule reported (`with` names that item). */
  readonly conflicts: ReadonlyArray<{ readonly range: AddressRange; readonly rule: string; readonly severity: 'error' | 'warning' | 'info'; readonly message: string; readonly with?: string }>;
  /** Node subnets, Calico blocks, ClusterIPs or load-balancer addresses handed out, of how many. */
  readonly usage?: { readonly allocated: string; readonly capacity: string; readonly unit: string };
  /** The per-node subnets or Calico blocks the range is split into. */
  readonly subnets?: { readonly size: string; readonly bits: number; readonly count: string; readonly unit: 'node subnets' | 'Calico blocks' };
  /** The values that define the range and its capacity: itself, its node mask or block size. */
  readonly definedBy: ReadonlyArray<{ readonly label: string; readonly location?: PlanLocation }>;
}

/** Addresses as decimal strings: IPv6 values do not fit a JSON number. */
export interface AddressRange {
  readonly family: 4 | 6;
  readonly first: string;
  readonly last: string;
}

export interface PlanLocation {
  readonly uri: string;
  readonly range: { readonly start: { line: number; character: number }; readonly end: { line: number; character: number } };
  /** `kubeadm.yaml:12`. */
  readonly label: string;
}

export interface PlanCard {
  readonly title: string;
  readonly lines: ReadonlyArray<{ readonly label?: string; readonly text: string; readonly at?: PlanLocation }>;
}
