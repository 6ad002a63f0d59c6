// One check per editor feature (model-codebases.md §7.8): a fixture is a workspace of annotated-style
// files with a `$0` cursor where one is needed; the feature's output, rendered as text, is expected
// in `#> ` comment lines at the end. With UPDATE_EXPECT=1 those lines are rewritten from the actual
// output (review the diff).

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { AnalysisResult, ScopeAnalysis, ScopeIndex, buildScopeIndex } from '../../../server/src/core';
import { lineIndexOf, positionAt } from '../../../server/src/core/text/lineIndex';
import { baseName } from '../../../server/src/core/text/format';
import { FixtureFile, parseFixture } from '../../support/annotations';
import { FIXTURE_ROOT, analyzeFixture, loadFixture } from '../../support/check';

const CURSOR = '$0';
const EXPECTATION = /^#> ?(.*)$/;

export interface FeatureFixture {
  readonly files: readonly FixtureFile[];
  readonly result: AnalysisResult;
  /** The file that holds the cursor (or the first file), its URI, text and scope. */
  readonly uri: string;
  readonly text: string;
  readonly offset: number;
  readonly scope?: ScopeAnalysis;
  readonly index?: ScopeIndex;
  /** `file:line` (1-based) of an offset in a fixture file, as the rendered output names places. */
  locate(uri: string, offset: number): string;
}

/** Loads a fixture, runs `render` on it, and compares the output with the `#> ` lines. */
export function checkFeature(fixturePath: string, render: (fixture: FeatureFixture) => string[]): void {
  const source = readFileSync(fixturePath, 'utf8');
  const lines = source.split('\n');
  const expected = lines.flatMap((line) => EXPECTATION.exec(line)?.[1] ?? []);
  const body = lines.filter((line) => !EXPECTATION.test(line)).join('\n').replace(/\n+$/, '\n');
  const actual = render(loadFeatureFixture(body));
  if (process.env.UPDATE_EXPECT === '1' && actual.join('\n') !== expected.join('\n')) {
    writeFileSync(fixturePath, body + actual.map((line) => `#> ${line}`.trimEnd()).join('\n') + '\n');
    return;
  }
  assert.equal(actual.join('\n'), expected.join('\n'), `${fixturePath}: actual (left) differs from expected (right)`);
}

function loadFeatureFixture(body: string): FeatureFixture {
  const marked = parseFixture(body).find((f) => f.text.includes(CURSOR));
  const fixture = loadFixture(body.replace(CURSOR, ''));
  const file = fixture.files.find((f) => f.path === marked?.path) ?? fixture.files[0];
  const uri = `${FIXTURE_ROOT}/${file.path}`;
  const result = analyzeFixture(fixture);
  const scope = result.scopes.find((s) => s.scope.files.some((f) => f.uri === uri));
  const texts = new Map(fixture.files.map((f) => [`${FIXTURE_ROOT}/${f.path}`, f.text]));
  return {
    files: fixture.files,
    result,
    uri,
    text: file.text,
    offset: marked ? marked.text.indexOf(CURSOR) : 0,
    ...(scope ? { scope, index: buildScopeIndex(scope.plan) } : {}),
    locate: (target, offset) => `${baseName(target)}:${positionAt(lineIndexOf(texts.get(target) ?? ''), offset).line + 1}`,
  };
}
