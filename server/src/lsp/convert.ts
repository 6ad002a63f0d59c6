// The one place where core data becomes LSP data: offsets to positions, findings to diagnostics,
// fixes to workspace edits (model-codebases.md §7.1, rust-analyzer's `to_proto`).

import {
  CodeAction,
  CodeActionKind,
  Diagnostic,
  DiagnosticRelatedInformation,
  DiagnosticSeverity,
  Range,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver';
import { Finding, Fix, LineIndex, Severity, Span, lineIndexOf, positionAt } from '../core';

export const DIAGNOSTIC_SOURCE = 'cidr-lens';
export const RULE_DOCS_BASE = 'https://github.com/cidr-lens/cidr-lens/blob/main/docs/rules/';
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.cidrLens`;

/** Offset ↔ position for one text; built once per analysed text. */
export interface TextPositions {
  readonly text: string;
  readonly index: LineIndex;
}

export function textPositions(text: string): TextPositions {
  return { text, index: lineIndexOf(text) };
}

export function toRange(positions: TextPositions, span: Span): Range {
  return { start: positionAt(positions.index, span.start), end: positionAt(positions.index, span.end) };
}

export function toOffset(positions: TextPositions, position: { line: number; character: number }): number {
  const starts = positions.index.lineStarts;
  if (position.line >= starts.length) return positions.text.length;
  const lineStart = starts[position.line];
  const lineEnd = position.line + 1 < starts.length ? starts[position.line + 1] : positions.text.length;
  return Math.min(lineStart + Math.max(0, position.character), lineEnd);
}

const SEVERITIES: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toDiagnostic(finding: Finding, positionsOf: (uri: string) => TextPositions, relatedSupported: boolean): Diagnostic {
  const positions = positionsOf(finding.uri);
  const related: DiagnosticRelatedInformation[] = finding.related.map((r) => ({
    location: { uri: r.uri, range: toRange(positionsOf(r.uri), r.span) },
    message: r.message,
  }));
  const diagnostic: Diagnostic = {
    range: toRange(positions, finding.span),
    severity: SEVERITIES[finding.severity],
    code: finding.rule,
    codeDescription: { href: `${RULE_DOCS_BASE}${finding.rule}.md` },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data: { key: findingKey(finding) },
  };
  if (related.length > 0) {
    if (relatedSupported) diagnostic.relatedInformation = related;
    else diagnostic.message += related.map((r) => `\n  ↳ ${r.message}`).join('');
  }
  return diagnostic;
}

/** Identifies a finding within its file; diagnostics carry it so code actions find their fixes. */
export function findingKey(finding: Finding): string {
  return `${finding.rule}|${finding.span.start}|${finding.span.end}|${finding.message}`;
}

export function toWorkspaceEdit(fix: Fix, positionsOf: (uri: string) => TextPositions): WorkspaceEdit {
  const changes: Record<string, TextEdit[]> = {};
  for (const edit of fix.edits) {
    (changes[edit.uri] ??= []).push({ range: toRange(positionsOf(edit.uri), edit.span), newText: edit.newText });
  }
  return { changes };
}

export function toQuickFix(fix: Fix, diagnostic: Diagnostic, positionsOf: (uri: string) => TextPositions): CodeAction {
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: fix.isPreferred === true,
    edit: toWorkspaceEdit(fix, positionsOf),
  };
}
