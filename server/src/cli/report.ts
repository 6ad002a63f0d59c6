// The CLI's view of an analysis: findings with line/character positions and display paths, shared by
// every output format so that text, JSON, SARIF and GitHub annotations always agree.

import { AnalysisResult, Finding, Severity } from '../core';
import { Range, locator } from './locate';
import { LoadedWorkspace, displayPath } from './workspace';

export interface ReportedFinding {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly file: string;
  readonly range: Range;
  readonly cluster: string;
  readonly related: ReadonlyArray<{ readonly file: string; readonly range: Range; readonly message: string }>;
  readonly fixes: ReadonlyArray<{ readonly title: string; readonly edits: ReadonlyArray<{ readonly file: string; readonly range: Range; readonly newText: string }> }>;
}

export interface Summary {
  readonly files: number;
  readonly documents: number;
  readonly facts: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly skipped: ReadonlyArray<{ readonly file: string; readonly reason: string }>;
}

export interface Report {
  readonly findings: readonly ReportedFinding[];
  readonly summary: Summary;
}

export function buildReport(result: AnalysisResult, workspace: LoadedWorkspace): Report {
  const rangeOf = locator(workspace.texts);
  const clusterOf = new Map<string, string>();
  for (const s of result.scopes) for (const f of s.scope.files) clusterOf.set(f.uri, s.scope.name);
  // An IPAM export may serve several clusters: a finding on one of its rows names the cluster that produced it.
  const producedBy = new Map<Finding, string>();
  for (const s of result.scopes) for (const f of s.findings) producedBy.set(f, s.scope.name);
  for (const s of result.scopes) for (const file of s.inputs.configFile?.imports ?? []) if (!clusterOf.has(file.uri)) clusterOf.set(file.uri, s.scope.name);
  const clusterFor = (finding: Finding) => producedBy.get(finding) ?? clusterOf.get(finding.uri) ?? result.scopes.find((s) => s.scope.configUri === finding.uri)?.scope.name ?? '';
  const findings = result.findings.map(
    (f): ReportedFinding => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      file: displayPath(f.uri),
      range: rangeOf(f.uri, f.span),
      cluster: clusterFor(f),
      related: f.related.map((r) => ({ file: displayPath(r.uri), range: rangeOf(r.uri, r.span), message: r.message })),
      fixes: f.fixes.map((fix) => ({ title: fix.title, edits: fix.edits.map((e) => ({ file: displayPath(e.uri), range: rangeOf(e.uri, e.span), newText: e.newText })) })),
    }),
  );
  const count = (severity: Severity) => findings.filter((f) => f.severity === severity).length;
  return {
    findings,
    summary: {
      files: workspace.files.length + workspace.configs.filter((c) => c.text.length > 0).length + workspace.imports.length,
      documents: workspace.files.reduce((n, f) => n + f.documents, 0),
      facts: workspace.files.reduce((n, f) => n + f.facts.length, 0),
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
      skipped: workspace.skipped.map((s) => ({ file: displayPath(s.file), reason: s.reason })),
    },
  };
}
