// Hover cards and inlay hints of the core, one fixture per behaviour under test/fixtures/features/.

import { describe, it } from 'node:test';
import { hoverAt, inlayHintsIn } from '../../../server/src/core';
import { fixtureFiles } from '../../support/fixtureFiles';
import { FeatureFixture, checkFeature } from './support';

/** A card as plain text: the title, then one line each, with the places it links to as `file:line`. */
function renderHover(fixture: FeatureFixture): string[] {
  const card = hoverAt({ uri: fixture.uri, text: fixture.text, offset: fixture.offset, ...(fixture.index ? { index: fixture.index } : {}) });
  if (!card) return ['(no hover)'];
  const lines = card.lines.map((line) => `${line.label ? `${line.label}: ` : ''}${line.text}${line.at ? ` — ${fixture.locate(line.at.uri, line.at.span.start)}` : ''}`);
  return [`[${fixture.text.slice(card.span.start, card.span.end)}] ${card.title}`, ...lines];
}

/** The lines of the cursor's file that carry hints, each hint inserted where it stands as `‹label›`. */
function renderInlayHints(fixture: FeatureFixture): string[] {
  if (!fixture.index) return ['(no scope)'];
  const hints = inlayHintsIn(fixture.index, fixture.uri, fixture.text, { start: 0, end: fixture.text.length });
  let text = fixture.text;
  for (const hint of [...hints].sort((a, b) => b.offset - a.offset)) text = `${text.slice(0, hint.offset)} ‹${hint.label}›${text.slice(hint.offset)}`;
  return text.split('\n').filter((line) => line.includes('‹'));
}

describe('hover cards', () => {
  for (const path of fixtureFiles('test/fixtures/features/hover')) it(path, () => checkFeature(path, renderHover));
});

describe('inlay hints', () => {
  for (const path of fixtureFiles('test/fixtures/features/inlay-hints')) it(path, () => checkFeature(path, renderInlayHints));
});
