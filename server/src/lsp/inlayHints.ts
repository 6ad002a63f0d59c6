// `textDocument/inlayHint`: address counts and capacity after range values, unless
// `cidrLens.inlayHints.enable` is off.

import { Connection, InlayHint } from 'vscode-languageserver/node';
import { inlayHintsIn } from '../core';
import { analysedDocument, FeatureContext } from './context';
import { toOffset, toPosition } from './convert';
import { answer } from './requests';
import { inlayHintsEnabled } from './settings';
import { normaliseUri } from './uris';

export function registerInlayHints(connection: Connection, ctx: FeatureContext): void {
  connection.languages.inlayHint.on((params, token) =>
    answer(ctx, 'inlay hints', token, [], (): InlayHint[] => {
      if (!inlayHintsEnabled(ctx.settings())) return [];
      const doc = analysedDocument(ctx, normaliseUri(params.textDocument.uri));
      if (!doc?.index) return [];
      const start = toOffset(doc.positions, params.range.start) ?? 0;
      const end = toOffset(doc.positions, params.range.end) ?? doc.positions.text.length;
      return inlayHintsIn(doc.index, doc.uri, doc.positions.text, { start, end }).map((hint) => ({
        position: toPosition(doc.positions, hint.offset),
        label: hint.label,
        paddingLeft: true,
      }));
    }),
  );
}
