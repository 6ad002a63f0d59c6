// `textDocument/hover`: the core's card rendered as compact Markdown, with each place it names as a
// link (`kubeadm.yaml:5`) that opens the file at that line.

import { Connection, Hover, MarkupKind } from 'vscode-languageserver/node';
import { CardLine, HoverCard, SourceLocation, hoverAt } from '../core';
import { baseName } from '../core/text/format';
import { analysedDocument, FeatureContext } from './context';
import { toPosition, toOffset, toRange } from './convert';
import { answer } from './requests';
import { normaliseUri } from './uris';

export function registerHover(connection: Connection, ctx: FeatureContext): void {
  connection.onHover((params, token) =>
    answer(ctx, 'hover', token, null, (): Hover | null => {
      const doc = analysedDocument(ctx, normaliseUri(params.textDocument.uri));
      const offset = doc && toOffset(doc.positions, params.position);
      if (!doc || offset === undefined) return null;
      const card = hoverAt({ uri: doc.uri, text: doc.positions.text, offset, ...(doc.index ? { index: doc.index } : {}) });
      if (!card) return null;
      return { contents: { kind: MarkupKind.Markdown, value: toMarkdown(card, ctx) }, range: toRange(doc.positions, card.span) };
    }),
  );
}

export function toMarkdown(card: HoverCard, ctx: Pick<FeatureContext, 'positionsOf'>): string {
  const lines = card.lines.map((line) => lineMarkdown(line, ctx));
  // Two trailing spaces end a Markdown line without starting a paragraph: the card stays compact.
  return [`**${escapeMarkdown(card.title)}**`, '', lines.join('  \n')].join('\n');
}

function lineMarkdown(line: CardLine, ctx: Pick<FeatureContext, 'positionsOf'>): string {
  const label = line.label ? `*${escapeMarkdown(line.label)}:* ` : '';
  const link = line.at ? ` — ${locationLink(line.at, ctx)}` : '';
  return `${label}${escapeMarkdown(line.text)}${link}`;
}

function locationLink(at: SourceLocation, ctx: Pick<FeatureContext, 'positionsOf'>): string {
  const line = toPosition(ctx.positionsOf(at.uri), at.span.start).line + 1;
  // VS Code opens `file:…#L5` at line 5; other editors show the text.
  return `[${escapeMarkdown(baseName(at.uri))}:${line}](${at.uri}#L${line})`;
}

/** Escapes what would format inline text; the rest (`#`, `-`, `(`) only means something at line starts or after links. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, '\\$&');
}
