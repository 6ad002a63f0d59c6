// `textDocument/codeAction`: every fix of a finding as a quick fix bound to its diagnostic (cross-file
// fixes edit every file they name), and `source.fixAll.cidrLens`, which applies all canonicalisations
// of a file at once (on save, with `editor.codeActionsOnSave`).

import { CodeAction, CodeActionKind, CodeActionParams, Connection, Diagnostic } from 'vscode-languageserver/node';
import { Finding, fixAllEdits } from '../core';
import { FeatureContext } from './context';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND, TextPositions, findingKey, toQuickFix, toRange, toWorkspaceEdit } from './convert';
import { answer } from './requests';
import { normaliseUri } from './uris';

export function registerCodeActions(connection: Connection, ctx: FeatureContext): void {
  connection.onCodeAction((params, token) => answer(ctx, 'code actions', token, [], () => codeActions(params, ctx)));
}

function codeActions(params: CodeActionParams, ctx: FeatureContext): CodeAction[] {
  const uri = normaliseUri(params.textDocument.uri);
  const findings = ctx.state.findingsOf(uri);
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (!only || only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) {
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      for (const finding of findingsBehind(diagnostic, findings, ctx.positionsOf(uri))) {
        for (const fix of finding.fixes) actions.push(toQuickFix(fix, diagnostic, ctx));
      }
    }
  }
  // `only: ['source']` and `only: ['source.fixAll']` ask for our fix-all too; a bare `''` is not a kind.
  if (only?.some((kind) => kind !== '' && FIX_ALL_KIND.startsWith(kind))) {
    const edits = fixAllEdits(findings, uri);
    if (edits.length > 0) actions.push({ title: 'Fix all CIDR canonicalisations in this file', kind: FIX_ALL_KIND, edit: toWorkspaceEdit(edits, ctx) });
  }
  return actions;
}

/**
 * The findings a diagnostic stands for: by the key it carries in `data`, or, for clients that drop
 * `data`, by rule and start position.
 */
function findingsBehind(diagnostic: Diagnostic, findings: readonly Finding[], positions: TextPositions): Finding[] {
  const key = (diagnostic.data as { key?: unknown } | undefined)?.key;
  if (typeof key === 'string') return findings.filter((f) => findingKey(f) === key);
  return findings.filter((f) => {
    const start = toRange(positions, f.span).start;
    return f.rule === diagnostic.code && start.line === diagnostic.range.start.line && start.character === diagnostic.range.start.character;
  });
}
