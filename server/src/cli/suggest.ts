// `cidr-lens suggest --prefix N [--family 4|6] [--count K]`: for each cluster, the K nearest free
// prefixes of length N, overlapping nothing the cluster uses or must avoid (see `suggestSubnets`).

import { formatCount, suggestSubnets } from '../core';
import type { CliOptions } from './args';
import type { WorkspaceAnalysis } from './analysis';
import type { CommandOutput } from './command';
import { textTable } from './format/table';
import { TOOL_NAME, TOOL_VERSION } from './version';
import { displayPath } from './workspace';

interface ClusterSuggestions {
  readonly cluster: string;
  readonly root: string;
  readonly prefixes: ReadonlyArray<{ readonly cidr: string; readonly addresses: string; readonly privateBlock: string }>;
}

export function suggest(options: CliOptions, { result }: WorkspaceAnalysis): CommandOutput {
  // parseArgs guarantees --prefix for suggest; IPv4 unless asked otherwise.
  const request = { family: options.family ?? 4, bits: options.prefix ?? 0, count: options.count };
  const clusters: ClusterSuggestions[] = result.scopes.map(({ scope, plan, connected }) => ({
    cluster: scope.name,
    root: displayPath(scope.root),
    prefixes: suggestSubnets(plan, connected, request).map((s) => ({ cidr: s.cidr, addresses: s.addresses.toString(), privateBlock: s.privateBlock })),
  }));
  const stdout =
    options.format === 'json'
      ? JSON.stringify({ version: 1, tool: { name: TOOL_NAME, version: TOOL_VERSION }, family: request.family, prefixLength: request.bits, count: request.count, clusters }, null, 2) + '\n'
      : clusters.map((c) => clusterText(c, request)).join('\n');
  return { stdout, exitCode: 0 };
}

function clusterText(cluster: ClusterSuggestions, request: { family: 4 | 6; bits: number; count: number }): string {
  const wanted = `/${request.bits} (IPv${request.family})`;
  const heading = `cluster ${cluster.cluster} (${cluster.root})`;
  if (cluster.prefixes.length === 0) return `${heading}: no free ${wanted} in private address space\n`;
  const shortfall = cluster.prefixes.length < request.count ? ` (only ${cluster.prefixes.length} of ${request.count} found)` : '';
  const table = textTable(
    [{ header: 'PREFIX' }, { header: 'ADDRESSES', alignRight: true }, { header: 'IN' }],
    cluster.prefixes.map((p) => [p.cidr, formatCount(BigInt(p.addresses)), p.privateBlock]),
    '  ',
  );
  return [`${heading}: free ${wanted}${shortfall}`, ...table].join('\n') + '\n';
}
