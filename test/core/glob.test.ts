// The glob matcher behind `ignore` and `cidrLens.scan.exclude`: its meaning on examples, the globs it
// refuses, two independent oracles on random patterns and paths (a backtracking matcher written here,
// and the regular expressions globs used to become, on the patterns those handled safely), and the
// pattern that used to hang.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as fc from 'fast-check';
import { Glob, MAX_GLOB_LENGTH, compileGlob, globBudgetExhausted, isGlobError, matchesAnyGlob, matchesGlob } from '../../server/src/core/text/glob';

function glob(pattern: string): Glob {
  const compiled = compileGlob(pattern);
  if (isGlobError(compiled)) assert.fail(`${pattern}: ${compiled.error}`);
  return compiled;
}

/** A fixed seed keeps runs reproducible; fast-check prints it with any counterexample anyway. */
const RUNS = { numRuns: 3000, seed: 20261207 };

describe('glob: meaning', () => {
  const cases: ReadonlyArray<[string, string, boolean]> = [
    ['charts/**', 'charts/a/b.yaml', true],
    ['charts/**', 'sub/charts/a.yaml', false],
    ['*.json', 'deep/down/x.json', true],
    ['*.json', 'x.yaml', false],
    ['/top.yaml', 'top.yaml', true],
    ['/top.yaml', 'sub/top.yaml', false],
    ['build/', 'build/out.yaml', true],
    ['build/', 'src/build/out.yaml', false],
    ['**/test/*.yaml', 'a/b/test/x.yaml', true],
    ['**/test/*.yaml', 'test/x.yaml', true],
    ['**/test/*.yaml', 'test/sub/x.yaml', false],
    ['a*b', 'a/b', false],
    ['a?c', 'abc', true],
    ['a?c', 'a/c', false],
    ['{dev,prod}/*.yaml', 'prod/x.yaml', true],
    ['{dev,prod}/*.yaml', 'qa/x.yaml', false],
    ['*.{yaml,yml}', 'x/y.yml', true],
    ['[a-c]x', 'bx', true],
    ['[a-c]x', 'dx', false],
    ['[!a-c]x', 'dx', true],
    ['[!a-c]x', 'ax', false],
    ['examples', 'examples/cluster/kubeadm.yaml', true],
    ['examples', 'my-examples/kubeadm.yaml', false],
  ];
  for (const [pattern, path, expected] of cases) {
    it(`${pattern} ${expected ? 'matches' : 'does not match'} ${path}`, () => assert.equal(matchesGlob(glob(pattern), path), expected));
  }
});

describe('glob: refused patterns', () => {
  const cases: ReadonlyArray<[string, RegExp]> = [
    ['[z-a]', /range z-a in \[\.\.\.\] runs backwards/],
    ['[\\]', /never closed by \]/],
    ['charts/[abc', /never closed by \]/],
    ['{a,b', /never closed by \}/],
    ['[]', /empty \[\] matches nothing/],
    ['', /empty glob/],
    ['a'.repeat(MAX_GLOB_LENGTH + 1), /at most 1,000 characters/],
    [`{${Array(300).fill('x').join(',')}}`, /at most 256 alternatives/],
  ];
  for (const [pattern, message] of cases) {
    it(`refuses ${pattern.slice(0, 30)}`, () => {
      const compiled = compileGlob(pattern);
      assert.ok(isGlobError(compiled), 'compiled');
      assert.match(compiled.error, message);
    });
  }
});

// The oracles --------------------------------------------------------------------------------------

/** Tokens random patterns are made of: every construct, with braces holding no braces or commas of their own. */
const TOKENS = ['a', 'b', '/', '*', '**', '?', '[ab]', '[!a]', '[a-c]', '{a,b*}', '{,a/}', '{b,[ab]?}'];
const patterns = fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 7 }).map((t) => t.join(''));
const paths = fc.array(fc.constantFrom('a', 'b', 'c', '/'), { minLength: 0, maxLength: 12 }).map((t) => t.join(''));

/**
 * Marks where an expanded alternative begins and ends, so that its characters never merge with their
 * neighbours into another token (`*{,a}**` is a star, a choice, and a double star — never `***`).
 */
const SEAM = '\u0001';

/** Every brace-free pattern a pattern's `{…}` groups stand for. */
function expandBraces(pattern: string): string[] {
  const open = pattern.indexOf('{');
  if (open < 0) return [pattern];
  const close = pattern.indexOf('}', open);
  const rest = expandBraces(pattern.slice(close + 1));
  return pattern
    .slice(open + 1, close)
    .split(',')
    .flatMap((option) => rest.map((tail) => pattern.slice(0, open) + SEAM + option + SEAM + tail));
}

/** Whether `c` is in the class written at `pattern[at]` (`[`); returns the index after `]`. */
function classAt(pattern: string, at: number, c: string): { inside: boolean; next: number } {
  const close = pattern.indexOf(']', at + 2);
  const negated = pattern[at + 1] === '!';
  const body = pattern.slice(at + (negated ? 2 : 1), close);
  let inside = false;
  for (let i = 0; i < body.length; i++) {
    if (body[i + 1] === '-' && i + 2 < body.length) {
      inside ||= c >= body[i] && c <= body[i + 2];
      i += 2;
    } else inside ||= c === body[i];
  }
  return { inside: c !== '/' && inside !== negated, next: close + 1 };
}

/** A backtracking matcher of a brace-free pattern against the whole of `text`: slow, and plainly right. */
function wholeMatch(pattern: string, i: number, text: string, j: number): boolean {
  if (i === pattern.length) return j === text.length;
  if (pattern[i] === SEAM) return wholeMatch(pattern, i + 1, text, j);
  if (pattern.startsWith('**/', i)) {
    if (wholeMatch(pattern, i + 3, text, j)) return true;
    for (let k = j + 1; k <= text.length; k++) if (text[k - 1] === '/' && wholeMatch(pattern, i + 3, text, k)) return true;
    return false;
  }
  if (pattern.startsWith('**', i)) {
    for (let k = j; k <= text.length; k++) if (wholeMatch(pattern, i + 2, text, k)) return true;
    return false;
  }
  if (pattern[i] === '*') {
    for (let k = j; ; k++) {
      if (wholeMatch(pattern, i + 1, text, k)) return true;
      if (k === text.length || text[k] === '/') return false;
    }
  }
  if (j === text.length) return false;
  if (pattern[i] === '?') return text[j] !== '/' && wholeMatch(pattern, i + 1, text, j + 1);
  if (pattern[i] === '[') {
    const { inside, next } = classAt(pattern, i, text[j]);
    return inside && wholeMatch(pattern, next, text, j + 1);
  }
  return pattern[i] === text[j] && wholeMatch(pattern, i + 1, text, j + 1);
}

/** The documented meaning: from the start (or after any `/` when the pattern has none) to the end or a `/`. */
function referenceMatch(pattern: string, path: string): boolean {
  const anyDepth = !pattern.includes('/');
  let body = pattern.startsWith('/') ? pattern.slice(1) : pattern;
  if (body.endsWith('/')) body += '**';
  const starts = [0, ...[...path].flatMap((c, i) => (anyDepth && c === '/' ? [i + 1] : []))];
  const ends = [...[...path].flatMap((c, i) => (c === '/' ? [i] : [])), path.length];
  return expandBraces(body).some((p) => starts.some((s) => ends.some((e) => e >= s && wholeMatch(p, 0, path.slice(s, e), 0))));
}

/** The regular expression a glob used to become, for the patterns it handled: literal braces, no negated classes. */
function formerRegExp(pattern: string): RegExp {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let source = '';
  const anyDepth = !pattern.includes('/');
  let body = pattern.startsWith('/') ? pattern.slice(1) : pattern;
  if (body.endsWith('/')) body += '**';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '*' && body[i + 1] === '*') {
      const slashAfter = body[i + 2] === '/';
      source += slashAfter ? '(?:.*/)?' : '.*';
      i += slashAfter ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '{') {
      const close = body.indexOf('}', i);
      source += `(?:${body.slice(i + 1, close).split(',').map(escape).join('|')})`;
      i = close;
    } else if (c === '[') {
      const close = body.indexOf(']', i);
      source += body.slice(i, close + 1);
      i = close;
    } else source += escape(c);
  }
  return new RegExp(`^${anyDepth ? '(?:.*/)?' : ''}${source}(?:/.*)?$`);
}

describe('glob: against independent oracles', () => {
  it('agrees with a backtracking matcher on random patterns and paths', () => {
    fc.assert(
      fc.property(patterns, paths, (pattern, path) => {
        assert.equal(matchesGlob(glob(pattern), path), referenceMatch(pattern, path), `${pattern} on ${JSON.stringify(path)}`);
      }),
      RUNS,
    );
  });

  it('agrees with the former regular expressions where those were safe', () => {
    const safeTokens = TOKENS.filter((t) => !t.includes('[!') && !/\{[^}]*[*?[]/.test(t));
    const safePatterns = fc.array(fc.constantFrom(...safeTokens), { minLength: 1, maxLength: 7 }).map((t) => t.join(''));
    fc.assert(
      fc.property(safePatterns, paths, (pattern, path) => {
        assert.equal(matchesGlob(glob(pattern), path), formerRegExp(pattern).test(path), `${pattern} on ${JSON.stringify(path)}`);
      }),
      RUNS,
    );
  });
});

describe('glob: no backtracking', () => {
  it('matches the measured ReDoS glob against 60 a\'s at once (the regular expression never finished)', () => {
    const started = performance.now();
    assert.equal(matchesGlob(glob('*a*a*a*a*a*a*a*a*b'), 'a'.repeat(60)), false);
    assert.equal(matchesGlob(glob('*a*a*a*a*a*a*a*a*b'), `${'a'.repeat(60)}b`), true);
    // A hang guard, not a benchmark: this takes a millisecond; the broken version took minutes.
    assert.ok(performance.now() - started < 2000);
  });

  it('bounds the longest glob against a long path', () => {
    const pattern = `${'*a'.repeat(MAX_GLOB_LENGTH / 2 - 1)}*b`;
    const path = `${'a/'.repeat(1000)}${'a'.repeat(2000)}`;
    const started = performance.now();
    assert.equal(matchesGlob(glob(pattern), path), false);
    assert.equal(matchesGlob(glob(`**/${'{a,*}'.repeat(150)}`), path), true);
    // About 3,000 states × 4,000 characters: well under a second; backtracking would never end.
    assert.ok(performance.now() - started < 2000);
  });

  it('caps what a list built to defeat the cache may spend, and then says so', () => {
    // Each glob remembers whether an `a` stood 200 characters back: 2^200 sets, so the cache of sets
    // fills and every character costs about a hundred state visits per glob.
    const globs = Array.from({ length: 50 }, () => glob(`**a${'?'.repeat(200)}`));
    let seed = 7;
    const randomPath = () => Array.from({ length: 4000 }, () => (((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 16) & 1 ? 'a' : 'b')).join('');
    const started = performance.now();
    for (let i = 0; i < 20 && !globBudgetExhausted(globs); i++) matchesAnyGlob(randomPath(), globs);
    assert.ok(globBudgetExhausted(globs), 'the budget was never spent');
    assert.equal(matchesAnyGlob(`a${'b'.repeat(200)}`, globs), false, 'a spent list still matched');
    // A hang guard: the budget is spent in about a second.
    assert.ok(performance.now() - started < 10_000);
    assert.equal(globBudgetExhausted([glob('**a')]), false);
  });
});
