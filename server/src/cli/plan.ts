// `cidr-lens plan`: every cluster scope with its ranges (role, value, family, size, where it is
// written, whether it is a default, the capacity it provides), its size settings, the networks its
// config names, and its pods per node and node counts.

import { Span, capacityOf, planRows } from '../core';
import type { CliOptions } from './args';
import type { WorkspaceAnalysis } from './analysis';
import type { CommandOutput } from './command';
import { formatPlanJson, formatPlanMarkdown, formatPlanText } from './format/plan';
import { formatPlanSvg } from './format/svg';
import { formatIpamJson, formatNetboxCsv } from './format/ipamExport';
import { locator } from './locate';
import { clusterCapacityJson, rangeCapacityJson } from './planCapacity';
import type { ClusterPlan, Location } from './planJson';
import { displayPath } from './workspace';

export function plan(options: CliOptions, analysis: WorkspaceAnalysis): CommandOutput {
  if (options.format === 'svg') return { stdout: formatPlanSvg(analysis.result, locator(analysis.workspace.texts)), exitCode: 0 };
  if (options.format === 'netbox-csv') return { stdout: formatNetboxCsv(analysis), exitCode: 0 };
  if (options.format === 'ipam-json') return { stdout: formatIpamJson(analysis), exitCode: 0 };
  const clusters = clusterPlans(analysis);
  const stdout = options.format === 'json' ? formatPlanJson(clusters) : options.format === 'markdown' ? formatPlanMarkdown(clusters) : formatPlanText(clusters);
  return { stdout, exitCode: 0 };
}

function clusterPlans({ result, workspace }: WorkspaceAnalysis): ClusterPlan[] {
  const locate = locator(workspace.texts);
  const at = (uri: string, span: Span): Location => ({ file: displayPath(uri), range: locate(uri, span) });
  return result.scopes.map(({ scope, plan: addressPlan }) => {
    const rows = planRows(addressPlan);
    const configUri = scope.configUri !== undefined && workspace.texts.has(scope.configUri) ? scope.configUri : undefined;
    return {
      cluster: scope.name,
      root: displayPath(scope.root),
      ...(configUri !== undefined ? { config: displayPath(configUri) } : {}),
      ranges: rows.ranges.map((r) => ({
        role: r.role,
        value: r.value,
        family: r.family,
        addresses: r.addresses.toString(),
        source: r.source,
        default: r.isDefault,
        location: at(r.uri, r.span),
        capacity: rangeCapacityJson(r.capacity),
      })),
      settings: rows.settings.map((s) => ({ role: s.role, value: s.value, source: s.source, default: s.isDefault, location: at(s.uri, s.span) })),
      networks: rows.networks.map((n) => ({
        kind: n.kind,
        name: n.name,
        value: n.value,
        family: n.family,
        addresses: n.addresses.toString(),
        ...(n.location ? { location: at(n.location.uri, n.location.span) } : {}),
      })),
      capacity: clusterCapacityJson(capacityOf(addressPlan)),
    };
  });
}
