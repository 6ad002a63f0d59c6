// One `check()` per feature: run the core on an annotated fixture, render what it produced as
// annotations, and compare with what the fixture expects. A failure shows the fixture as it should
// read. With UPDATE_EXPECT=1 the fixture is rewritten from the actual output (review the git diff).

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { analyze, parseConfigFile, readManifestFile, type Fact, type Finding, type Fix, type ManifestFile, type ConfigFile, type RuleId } from '../../server/src/core';
import { lineIndexOf, positionAt } from '../../server/src/core/text/lineIndex';
import { Annotation, FixtureFile, compareAnnotations, parseFixture, renderAnnotated } from './annotations';

/** Fixture files live under this virtual workspace root. */
export const FIXTURE_ROOT = '/fixture';

export interface LoadedFixture {
  readonly files: readonly FixtureFile[];
  readonly manifests: readonly ManifestFile[];
  readonly configs: readonly ConfigFile[];
}

export function loadFixture(text: string, options: { prescan?: boolean } = {}): LoadedFixture {
  const files = parseFixture(text);
  const manifests: ManifestFile[] = [];
  const configs: ConfigFile[] = [];
  for (const f of files) {
    const uri = `${FIXTURE_ROOT}/${f.path}`;
    if (f.path.endsWith('.cidr-lens.yaml')) configs.push(parseConfigFile(uri, f.text));
    else manifests.push(readManifestFile(uri, f.text, options));
  }
  return { files, manifests, configs };
}

export function analyzeFixture(fixture: LoadedFixture) {
  return analyze({ folders: [FIXTURE_ROOT], files: fixture.manifests, configs: fixture.configs });
}

function toAnnotation(text: string, span: { start: number; end: number }, kind: string, tag: string, message: string): Annotation {
  const index = lineIndexOf(text);
  const start = positionAt(index, span.start);
  const end = positionAt(index, span.end);
  const endCharacter = end.line === start.line ? end.character : text.indexOf('\n', span.start) - index.lineStarts[start.line];
  return { line: start.line, startCharacter: start.character, endCharacter: Math.max(endCharacter, start.character + 1), kind, tag, message };
}

/**
 * Compares actual annotations with expected ones. An expected message matches when it occurs in the
 * actual message; unmatched expectations and unexpected results both fail.
 */
function compare(fixturePath: string, files: readonly FixtureFile[], actualByFile: Map<string, Annotation[]>): void {
  const rendered: string[] = [];
  const expectedRendered: string[] = [];
  let ok = true;
  for (const file of files) {
    const actual = (actualByFile.get(file.path) ?? []).sort(compareAnnotations);
    const expected = [...file.annotations].sort(compareAnnotations);
    const remaining = [...actual];
    const shown: Annotation[] = [];
    for (const e of expected) {
      const i = remaining.findIndex((a) => a.line === e.line && a.startCharacter === e.startCharacter && a.endCharacter === e.endCharacter && a.kind === e.kind && a.tag === e.tag && a.message.includes(e.message));
      if (i < 0) ok = false;
      else shown.push({ ...remaining.splice(i, 1)[0], message: e.message });
    }
    if (remaining.length > 0) ok = false;
    const header = files.length > 1 || file.path !== 'fixture.yaml' ? `#- file: ${file.path}\n` : '';
    rendered.push(header + renderAnnotated({ text: file.text, annotations: [...shown, ...remaining] }));
    expectedRendered.push(header + renderAnnotated({ text: file.text, annotations: expected }));
  }
  if (ok) return;
  if (process.env.UPDATE_EXPECT === '1') {
    writeFileSync(fixturePath, rendered.join(''));
    return;
  }
  assert.equal(rendered.join(''), expectedRendered.join(''), `${fixturePath}: actual (left) differs from expected (right)`);
}

/**
 * Checks the findings of a rule fixture. Only findings of `rule` are compared, unless the fixture's
 * first line is `# check: all`, which compares every finding (use it to prove the absence of noise).
 */
export function checkFindings(fixturePath: string, rule: string): void {
  const text = readFileSync(fixturePath, 'utf8');
  const fixture = loadFixture(text);
  const all = text.startsWith('# check: all');
  const result = analyzeFixture(fixture);
  const actual = new Map<string, Annotation[]>();
  const textOf = new Map(fixture.files.map((f) => [`${FIXTURE_ROOT}/${f.path}`, f]));
  for (const finding of result.findings as readonly Finding[]) {
    if (!all && finding.rule !== rule) continue;
    const file = textOf.get(finding.uri);
    if (!file) continue;
    const list = actual.get(file.path) ?? [];
    list.push(toAnnotation(file.text, finding.span, finding.severity, finding.rule, finding.message));
    actual.set(file.path, list);
  }
  assert.deepEqual(result.internalErrors, []);
  compare(fixturePath, fixture.files, actual);
}

/** How a fact reads in an extraction fixture: `source`, `(default)`, and its parsed value when that differs from the text. */
export function describeFact(fact: Fact): string {
  return `${fact.source}${fact.isDefault ? ` (default ${fact.text})` : ''}${fact.value.kind === 'invalid' ? ' (invalid)' : fact.value.kind === 'template' ? ' (template)' : ''}`;
}

/** Checks the facts extracted from an extraction fixture: role on the span, source label as message. */
export function checkFacts(fixturePath: string): void {
  const text = readFileSync(fixturePath, 'utf8');
  const fixture = loadFixture(text);
  const actual = new Map<string, Annotation[]>();
  for (const manifest of fixture.manifests) {
    const file = fixture.files.find((f) => `${FIXTURE_ROOT}/${f.path}` === manifest.uri)!;
    actual.set(file.path, manifest.facts.map((fact) => toAnnotation(file.text, fact.span, 'fact', fact.role, describeFact(fact))));
  }
  compare(fixturePath, fixture.files, actual);
}

/**
 * Checks what Flux substitution made of a fixture's placeholders: every fact that was or still is a
 * `${VAR}` placeholder, after the whole fixture is analysed, with its value and where it was set.
 */
export function checkSubstitutions(fixturePath: string): void {
  const text = readFileSync(fixturePath, 'utf8');
  const fixture = loadFixture(text);
  const result = analyzeFixture(fixture);
  const fileOf = new Map(fixture.files.map((f) => [`${FIXTURE_ROOT}/${f.path}`, f]));
  const actual = new Map<string, Annotation[]>();
  for (const manifest of result.scopes.flatMap((scope) => scope.scope.files)) {
    const file = fileOf.get(manifest.uri)!;
    const placeholders = manifest.facts.filter((fact) => fact.substitution || (fact.value.kind === 'template' && file.text.slice(fact.span.start, fact.span.end).includes('${')));
    actual.set(file.path, placeholders.map((fact) => toAnnotation(file.text, fact.span, 'fact', fact.role, describeSubstitution(fact, fileOf))));
  }
  assert.deepEqual(result.internalErrors, []);
  compare(fixturePath, fixture.files, actual);
}

function describeSubstitution(fact: Fact, fileOf: Map<string, FixtureFile>): string {
  const substitution = fact.substitution;
  if (!substitution) return `${fact.source} (template)`;
  const definedAt = substitution.definedAt;
  const where = definedAt ? `${definedAt.owner}, ${fileOf.get(definedAt.uri)?.path}:${positionAt(lineIndexOf(fileOf.get(definedAt.uri)?.text ?? ''), definedAt.span.start).line + 1}` : 'default';
  return `${fact.source} = ${fact.text} from \${${substitution.variable}} (${where})`;
}

/** Analyses an annotated fixture's text and returns its findings; an internal error fails the test. */
export function fixtureFindings(text: string): { fixture: LoadedFixture; findings: readonly Finding[] } {
  const fixture = loadFixture(text);
  const result = analyzeFixture(fixture);
  assert.deepEqual(result.internalErrors, []);
  return { fixture, findings: result.findings };
}

/** The fix titled `title` on a finding of `rule`; fails with the titles there are when none is. */
export function fixOf(findings: readonly Finding[], rule: RuleId, title: string): { finding: Finding; fix: Fix } {
  for (const finding of findings) {
    if (finding.rule !== rule) continue;
    const fix = finding.fixes.find((f) => f.title === title);
    if (fix) return { finding, fix };
  }
  const titles = findings.filter((f) => f.rule === rule).flatMap((f) => f.fixes.map((x) => x.title));
  assert.fail(`no ${rule} fix titled "${title}"; found: ${JSON.stringify(titles)}`);
}

/** A file's text after a fix's edits to it, applied last edit first so earlier offsets stay valid. */
export function applyFixTo(text: string, fix: Fix, uri: string): string {
  let out = text;
  for (const edit of fix.edits.filter((e) => e.uri === uri).sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, edit.span.start) + edit.newText + out.slice(edit.span.end);
  return out;
}
