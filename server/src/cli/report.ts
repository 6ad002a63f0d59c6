// The CLI's view of an analysis: findings with line/character positions and display paths, shared by
// every output format so that text, JSON, SARIF and GitHub annotations always agree.

import { AnalysisResult, Finding, LineIndex, Severity, Span, lineIndexOf, positionAt } from '../core';
import { displayPath } from './workspace';

export interface Position {
  readonly line: number;
  readonly character: number;
}
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

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

export function buildReport(
  result: AnalysisResult,
  texts: ReadonlyMap<string, string>,
  skipped: ReadonlyArray<{ file: string; reason: string }>,
  counts: { files: number; documents: number; facts: number },
): Report {
  const indexes = new Map<string, LineIndex>();
  const rangeOf = (uri: string, span: Span): Range => {
    let index = indexes.get(uri);
    if (!index) indexes.set(uri, (index = lineIndexOf(texts.get(uri) ?? '')));
    return { start: positionAt(index, span.start), end: positionAt(index, span.end) };
  };
  const clusterOf = new Map<string, string>();
  for (const s of result.scopes) for (const f of s.scope.files) clusterOf.set(f.uri, s.scope.name);
  const clusterFor = (finding: Finding) => clusterOf.get(finding.uri) ?? result.scopes.find((s) => s.scope.configUri === finding.uri)?.scope.name ?? '';
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
      ...counts,
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
      skipped: skipped.map((s) => ({ file: displayPath(s.file), reason: s.reason })),
    },
  };
}
