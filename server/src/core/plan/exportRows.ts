// The cluster's ranges as an IPAM should register them (`cidr-lens plan --format netbox-csv` and
// `--format ipam-json`): each range the cluster takes from the address space, once, as prefixes.
// Allocations carved out of those ranges (Node podCIDRs, Calico blocks), single addresses, and
// ranges that only repeat another (kube-proxy's clusterCIDR, Cilium's native-routing CIDR) are left
// out: the IPAM holds the space, the cluster hands it out.

import type { Role, Span } from '../model';
import type { Family } from '../net/addr';
import { IpRange, Prefix, formatPrefix, prefixToRange, rangeAsPrefix } from '../net/prefix';
import { rangeToPrefixes } from '../net/rangeSet';
import { AddressPlan, RangeFact, isRangeFact } from './plan';

/** The roles an IPAM registers, in the order they are listed. */
const EXPORTED_ROLES: readonly Role[] = ['pod-network', 'service-network', 'cni-pod-pool', 'lb-pool', 'node-network', 'internal-network', 'secondary-network'];

/** How each role reads in an IPAM's description and role columns. */
export const EXPORT_ROLE_NAMES: Readonly<Partial<Record<Role, string>>> = {
  'pod-network': 'Kubernetes pods',
  'service-network': 'Kubernetes services',
  'cni-pod-pool': 'Kubernetes pods',
  'lb-pool': 'Kubernetes load balancers',
  'node-network': 'Kubernetes nodes',
  'internal-network': 'Kubernetes CNI internal',
  'secondary-network': 'Kubernetes secondary networks',
};

export interface ExportRow {
  /** Canonical CIDR: an IPAM refuses host bits. */
  readonly prefix: string;
  readonly family: Family;
  readonly role: Role;
  /** `prod-eu pod network (kubeadm networking.podSubnet)`. */
  readonly description: string;
  readonly source: string;
  readonly isDefault: boolean;
  readonly uri: string;
  readonly span: Span;
}

/** One row per prefix, the first role in EXPORTED_ROLES order winning when two facts name the same range. */
export function exportRows(plan: AddressPlan, clusterName: string): ExportRow[] {
  const rows: ExportRow[] = [];
  const seen = new Set<string>();
  for (const role of EXPORTED_ROLES) {
    for (const fact of plan.facts.filter(isRangeFact)) {
      if (fact.role !== role || fact.value.kind === 'address') continue;
      for (const prefix of prefixesOf(fact.value.range)) {
        const text = formatPrefix(prefix);
        if (seen.has(text)) continue;
        seen.add(text);
        rows.push(rowOf(fact, text, prefix, clusterName));
      }
    }
  }
  return rows;
}

/** A prefix as itself (masked); an `a-b` range as the fewest prefixes that cover exactly it. */
function prefixesOf(range: IpRange): Prefix[] {
  const whole = rangeAsPrefix(range);
  return whole ? [whole] : rangeToPrefixes(range);
}

function rowOf(fact: RangeFact, text: string, prefix: Prefix, clusterName: string): ExportRow {
  const what = EXPORT_ROLE_NAMES[fact.role] ?? fact.role;
  return {
    prefix: text,
    family: prefixToRange(prefix).family,
    role: fact.role,
    description: `${clusterName}: ${what} (${fact.source}${fact.isDefault ? ', default' : ''})`,
    source: fact.source,
    isDefault: fact.isDefault,
    uri: fact.doc.uri,
    span: fact.span,
  };
}
