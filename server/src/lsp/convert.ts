// The one place where core data becomes LSP data: offsets to positions, findings to diagnostics,
// fixes to workspace edits (model-codebases.md §7.1, rust-analyzer's `to_proto`).

import {
  CodeAction,
  CodeActionKind,
  Diagnostic,
  DiagnosticRelatedInformation,
  DiagnosticSeverity,
  Position,
  Range,
  TextDocumentEdit,
  TextEdit as LspTextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import { Finding, Fix, LineIndex, Severity, Span, TextEdit, lineIndexOf, positionAt } from '../core';

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

export function toPosition(positions: TextPositions, offset: number): Position {
  return positionAt(positions.index, offset);
}

export function toRange(positions: TextPositions, span: Span): Range {
  return { start: toPosition(positions, span.start), end: toPosition(positions, span.end) };
}

/** The offset of a position, or undefined when the position lies beyond the last line (a stale or malformed request). */
export function toOffset(positions: TextPositions, position: Position): number | undefined {
  const starts = positions.index.lineStarts;
  if (!Number.isInteger(position.line) || position.line < 0 || position.line >= starts.length) return undefined;
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

export interface EditTarget {
  positionsOf(uri: string): TextPositions;
  /**
   * When set, edits become versioned `documentChanges`: the version of an open document (the client
   * refuses the edit if the document changed since), or null for a closed file, edited as on disk.
   */
  readonly versionOf?: (uri: string) => number | null;
}

export function toWorkspaceEdit(edits: readonly TextEdit[], target: EditTarget): WorkspaceEdit {
  const byUri = new Map<string, LspTextEdit[]>();
  for (const edit of edits) {
    let list = byUri.get(edit.uri);
    if (!list) byUri.set(edit.uri, (list = []));
    list.push({ range: toRange(target.positionsOf(edit.uri), edit.span), newText: edit.newText });
  }
  const versionOf = target.versionOf;
  if (versionOf) return { documentChanges: [...byUri].map(([uri, list]) => TextDocumentEdit.create({ uri, version: versionOf(uri) }, list)) };
  return { changes: Object.fromEntries(byUri) };
}

export function toQuickFix(fix: Fix, diagnostic: Diagnostic, target: EditTarget): CodeAction {
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: fix.isPreferred === true,
    edit: toWorkspaceEdit(fix.edits, target),
  };
}
