// How an imported network is named in messages (`NetBox prefix "Payments platform" · Active · tenant
// payments`) and what a hover card adds about it.

import type { ImportedNetwork } from './types';

/** The kind and name, then its status and tenant: short enough for a diagnostic's message. */
export function describeImported(network: ImportedNetwork): string {
  const name = network.name !== network.text ? ` "${network.name}"` : '';
  const owner = network.tenant ? [`tenant ${network.tenant}`] : [];
  return [`${network.kind}${name}`, ...(network.status ? [network.status] : []), ...owner].join(' · ');
}

/** Status, tenant, VRF, role, site and utilization, as far as the export gives them. */
export function importedDetails(network: ImportedNetwork): string[] {
  const details: string[] = [];
  if (network.status) details.push(network.status);
  if (network.tenant) details.push(`tenant ${network.tenant}`);
  if (network.vrf) details.push(`VRF ${network.vrf}`);
  if (network.role) details.push(`role ${network.role}`);
  if (network.site) details.push(network.site);
  if (network.utilization !== undefined) details.push(`${Math.round(network.utilization * 100)} % used`);
  return details;
}
