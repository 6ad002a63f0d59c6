// `cidr-lens plan --format netbox-csv` and `--format ipam-json`: the cluster's ranges as an IPAM
// registers them. The CSV has the columns of NetBox's bulk import of prefixes; the JSON follows
// schemas/ipam-export.schema.json, a stable schema for any IPAM's import script.

import { EXPORT_ROLE_NAMES, ExportRow, Role, Span, exportRows } from '../../core';
import type { WorkspaceAnalysis } from '../analysis';
import { locator } from '../locate';
import type { Location } from '../planJson';
import { TOOL_NAME, TOOL_VERSION } from '../version';
import { displayPath } from '../workspace';

/** NetBox's bulk-import columns for prefixes; `role` and `tenant` name objects that must exist in NetBox. */
const NETBOX_COLUMNS = ['prefix', 'status', 'role', 'tenant', 'description'] as const;

export function formatNetboxCsv(analysis: WorkspaceAnalysis): string {
  const lines = [NETBOX_COLUMNS.join(',')];
  for (const { scope, plan } of analysis.result.scopes) {
    for (const row of exportRows(plan, scope.name)) lines.push([row.prefix, 'active', roleName(row.role), '', row.description].map(csvField).join(','));
  }
  return lines.join('\n') + '\n';
}

/** RFC 4180: a field holding a delimiter, a quote or a line end is quoted, its quotes doubled. */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function roleName(role: Role): string {
  return EXPORT_ROLE_NAMES[role] ?? role;
}

interface IpamJsonNetwork {
  readonly prefix: string;
  readonly family: 4 | 6;
  readonly role: Role;
  readonly roleName: string;
  readonly status: 'active';
  readonly description: string;
  readonly source: string;
  readonly default: boolean;
  readonly location: Location;
}

export function formatIpamJson(analysis: WorkspaceAnalysis): string {
  const locate = locator(analysis.workspace.texts);
  const at = (uri: string, span: Span): Location => ({ file: displayPath(uri), range: locate(uri, span) });
  const clusters = analysis.result.scopes.map(({ scope, plan }) => ({
    cluster: scope.name,
    root: displayPath(scope.root),
    networks: exportRows(plan, scope.name).map((row: ExportRow): IpamJsonNetwork => ({
      prefix: row.prefix,
      family: row.family,
      role: row.role,
      roleName: roleName(row.role),
      status: 'active',
      description: row.description,
      source: row.source,
      default: row.isDefault,
      location: at(row.uri, row.span),
    })),
  }));
  return JSON.stringify({ version: 1, tool: { name: TOOL_NAME, version: TOOL_VERSION }, clusters }, null, 2) + '\n';
}
