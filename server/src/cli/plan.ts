// `cidr-lens plan`: every cluster scope with its ranges, roles, sources and locations.

import { AnalysisResult, Fact, LineIndex, lineIndexOf, positionAt } from '../core';
import { UsageError } from './args';
import { LoadedWorkspace, displayPath } from './workspace';

export function formatPlan(result: AnalysisResult, workspace: LoadedWorkspace, format: string): string {
  const texts = new Map(workspace.files.map((f) => [f.uri, f.text]));
  const indexes = new Map<string, LineIndex>();
  const locate = (fact: Fact) => {
    let index = indexes.get(fact.doc.uri);
    if (!index) indexes.set(fact.doc.uri, (index = lineIndexOf(texts.get(fact.doc.uri) ?? '')));
    const p = positionAt(index, fact.span.start);
    return { file: displayPath(fact.doc.uri), line: p.line + 1, character: p.character + 1 };
  };
  const clusters = result.scopes.map((s) => ({
    cluster: s.scope.name,
    root: displayPath(s.scope.root),
    ranges: s.plan.facts.map((fact) => ({
      role: fact.role,
      value: fact.text,
      source: fact.source,
      isDefault: fact.isDefault,
      location: locate(fact),
    })),
  }));
  if (format === 'json') return JSON.stringify({ version: 1, clusters }, null, 2) + '\n';
  if (format !== 'text') throw new UsageError(`plan format "${format}" is not available yet`);
  return clusters
    .map((c) => {
      const lines = c.ranges.map((r) => `  ${r.role.padEnd(20)} ${r.value.padEnd(28)} ${r.source}${r.isDefault ? ' (default)' : ''}  ${r.location.file}:${r.location.line}`);
      return `cluster ${c.cluster} (${c.root})\n${lines.join('\n')}\n`;
    })
    .join('\n');
}
