// Acceptance suite: small workspaces written the way platform engineers write them
// (test/acceptance/workspaces/<name>/), each with an `expected.json` written from the domain rules
// (../shared/reference/domain-rules.md, SPEC §3) before the tool's output was looked at.
//
// Every workspace goes through the BUILT CLI (`server/out/cli.js check --format json`, cwd = the
// workspace), as a user's CI would run it. A finding is found when the CLI reports the expected rule
// in the expected file on exactly the expected characters (0-based line, UTF-16 start and end).
// Over the whole suite:
//   - recall (expected findings found / expected findings) must be at least 90 %;
//   - false alarms (reported errors and warnings that no expectation names) must be at most 2;
//   - every expected fix must be offered by the finding it belongs to;
//   - severities of found errors and warnings must match.
// Infos are never false alarms; expected infos count towards recall.
//
// expected.json is a list of
//   { file, rule, severity, line, startCharacter, endCharacter, value,   // `value`: the text under the range
//     fixTitleContains?, fixNewText?, fixSamePrefix?, fixAvoids?, fixPrivate?, fixWithin?, why }
// Authoring help: test/acceptance/tools/locate.mjs fills line/characters from `value`.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import type { Range } from '../../server/src/cli/locate';

const REPO = resolve('.');
const CLI = join(REPO, 'server/out/cli.js');
const WORKSPACES = join(REPO, 'test/acceptance/workspaces');
const MIN_RECALL = 0.9;
const MAX_FALSE_ALARMS = 2;

interface Finding {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  file: string;
  range: Range;
  fixes: Array<{ title: string; edits: Array<{ file: string; range: Range; newText: string }> }>;
}
interface Expectation {
  file: string;
  rule: string;
  severity: 'error' | 'warning' | 'info';
  line: number;
  startCharacter: number;
  endCharacter: number;
  value: string;
  fixTitleContains?: string;
  fixNewText?: string;
  fixSamePrefix?: boolean;
  fixAvoids?: string[];
  fixPrivate?: boolean;
  /** The moved value must lie inside this CIDR. */
  fixWithin?: string;
  why?: string;
}

interface WorkspaceResult {
  name: string;
  expected: Expectation[];
  found: Expectation[];
  missed: Array<{ expectation: Expectation; near: Finding[] }>;
  falseAlarms: Finding[];
  severityMismatches: Array<{ expectation: Expectation; finding: Finding }>;
  fixFailures: Array<{ expectation: Expectation; finding: Finding; problem: string }>;
  infos: Finding[];
  exitStatus: number | null;
  stderr: string;
}

// ---- independent CIDR arithmetic (Node's net.isIP and BigInt, not the tool's parser) -----------

interface Cidr {
  family: 4 | 6;
  first: bigint;
  last: bigint;
  bits: number;
}

function parseAddress(text: string): { family: 4 | 6; value: bigint } | undefined {
  const family = isIP(text);
  if (family === 4) {
    const value = text.split('.').reduce((acc, octet) => (acc << 8n) + BigInt(Number(octet)), 0n);
    return { family: 4, value };
  }
  if (family === 6) {
    const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
    const groups = (s: string | undefined) => (s ? s.split(':') : []);
    let left = groups(head);
    let right = groups(tail);
    const expand = (parts: string[]) =>
      parts.flatMap((p) => {
        if (!p.includes('.')) return [p];
        const v4 = parseAddress(p)!.value;
        return [((v4 >> 16n) & 0xffffn).toString(16), (v4 & 0xffffn).toString(16)];
      });
    left = expand(left);
    right = expand(right);
    const all = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
    const value = all.reduce((acc, group) => (acc << 16n) + BigInt(parseInt(group || '0', 16)), 0n);
    return { family: 6, value };
  }
  return undefined;
}

function parseCidr(text: string): Cidr | undefined {
  const [addr, len] = text.trim().split('/');
  const parsed = parseAddress(addr);
  if (!parsed || len === undefined || !/^\d+$/.test(len)) return undefined;
  const width = parsed.family === 4 ? 32 : 128;
  const bits = Number(len);
  if (bits > width) return undefined;
  const host = (1n << BigInt(width - bits)) - 1n;
  const first = parsed.value & ~host;
  return { family: parsed.family, first, last: first | host, bits };
}

const overlaps = (a: Cidr, b: Cidr) => a.family === b.family && a.first <= b.last && b.first <= a.last;
const PRIVATE = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fd00::/8'].map((c) => parseCidr(c)!);
const inside = (inner: Cidr, outer: Cidr) => inner.family === outer.family && outer.first <= inner.first && inner.last <= outer.last;

// ---- running the CLI -----------------------------------------------------------------------------

function workspaceNames(): string[] {
  return readdirSync(WORKSPACES)
    .filter((name) => statSync(join(WORKSPACES, name)).isDirectory() && existsSync(join(WORKSPACES, name, 'expected.json')))
    .sort();
}

function runCheck(cwd: string): { findings: Finding[]; status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, 'check', '--format', 'json'], { cwd, encoding: 'utf8', timeout: 120_000 });
  let findings: Finding[] = [];
  try {
    findings = (JSON.parse(result.stdout) as { findings: Finding[] }).findings;
  } catch {
    assert.fail(`${cwd}: stdout is not JSON (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return { findings, status: result.status, stderr: result.stderr };
}

const sameRange = (e: Expectation, f: Finding) =>
  f.file === e.file && f.range.start.line === e.line && f.range.end.line === e.line && f.range.start.character === e.startCharacter && f.range.end.character === e.endCharacter;

function fixProblem(e: Expectation, f: Finding): string | undefined {
  const wanted = e.fixTitleContains !== undefined || e.fixNewText !== undefined || e.fixSamePrefix || e.fixAvoids || e.fixPrivate || e.fixWithin;
  if (!wanted) return undefined;
  const original = parseCidr(e.value);
  const candidates = f.fixes.filter((fix) => {
    if (e.fixTitleContains !== undefined && !fix.title.toLowerCase().includes(e.fixTitleContains.toLowerCase())) return false;
    if (e.fixNewText !== undefined && !fix.edits.some((edit) => edit.newText === e.fixNewText)) return false;
    if (e.fixSamePrefix || e.fixAvoids || e.fixPrivate || e.fixWithin) {
      // A move: the edit on this value holds a CIDR of the same size that avoids what it must.
      const own = fix.edits.find((edit) => edit.file === e.file && edit.range.start.line === e.line);
      const moved = own ? parseCidr(own.newText) : undefined;
      if (!moved) return false;
      if (e.fixSamePrefix && (!original || moved.bits !== original.bits || moved.family !== original.family)) return false;
      if (moved.first !== parseCidr(`${own!.newText.split('/')[0]}/${moved.family === 4 ? 32 : 128}`)!.first) return false; // canonical
      if (e.fixAvoids && e.fixAvoids.some((c) => overlaps(moved, parseCidr(c)!))) return false;
      if (e.fixPrivate && !PRIVATE.some((p) => inside(moved, p))) return false;
      if (e.fixWithin && !inside(moved, parseCidr(e.fixWithin)!)) return false;
    }
    return true;
  });
  if (candidates.length > 0) return undefined;
  const wantedText = [
    e.fixTitleContains !== undefined ? `title ~ "${e.fixTitleContains}"` : '',
    e.fixNewText !== undefined ? `newText "${e.fixNewText}"` : '',
    e.fixSamePrefix ? 'same prefix length' : '',
    e.fixAvoids ? `avoiding ${e.fixAvoids.join(' ')}` : '',
    e.fixPrivate ? 'in private space' : '',
    e.fixWithin ? `inside ${e.fixWithin}` : '',
  ].filter(Boolean).join(', ');
  const offered = f.fixes.map((fix) => `"${fix.title}" → ${fix.edits.map((edit) => JSON.stringify(edit.newText)).join(', ')}`).join('; ') || 'none';
  return `wanted a fix with ${wantedText}; offered: ${offered}`;
}

function evaluate(name: string): WorkspaceResult {
  const dir = join(WORKSPACES, name);
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expectation[];
  const { findings, status, stderr } = runCheck(dir);
  const used = new Set<Finding>();
  const result: WorkspaceResult = { name, expected, found: [], missed: [], falseAlarms: [], severityMismatches: [], fixFailures: [], infos: [], exitStatus: status, stderr };
  for (const e of expected) {
    const match = findings.find((f) => !used.has(f) && f.rule === e.rule && sameRange(e, f));
    if (!match) {
      result.missed.push({ expectation: e, near: findings.filter((f) => f.file === e.file && (f.rule === e.rule || f.range.start.line === e.line)) });
      continue;
    }
    used.add(match);
    result.found.push(e);
    if (match.severity !== e.severity) {
      // An error or warning where only an info is right is a false alarm; other mismatches are listed.
      if (e.severity === 'info') result.falseAlarms.push(match);
      else result.severityMismatches.push({ expectation: e, finding: match });
    }
    const problem = fixProblem(e, match);
    if (problem) result.fixFailures.push({ expectation: e, finding: match, problem });
  }
  for (const f of findings) {
    if (used.has(f)) continue;
    if (f.severity === 'info') result.infos.push(f);
    else result.falseAlarms.push(f);
  }
  return result;
}

// ---- the suite -----------------------------------------------------------------------------------

const pad = (s: string | number, n: number) => String(s).padEnd(n);
const padLeft = (s: string | number, n: number) => String(s).padStart(n);
const where = (f: { file: string; range: Range }) => `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.character + 1}`;
const whereExpected = (e: Expectation) => `${e.file}:${e.line + 1}:${e.startCharacter + 1}-${e.endCharacter + 1}`;

describe('acceptance workspaces', () => {
  assert.ok(existsSync(CLI), 'server/out/cli.js is missing: run `node build.mjs` first');
  const names = workspaceNames();
  const results = names.map(evaluate);

  it('expectations point at their values (self-check of expected.json)', () => {
    const problems: string[] = [];
    for (const r of results) {
      for (const e of r.expected) {
        const lines = readFileSync(join(WORKSPACES, r.name, e.file), 'utf8').split('\n');
        const text = lines[e.line]?.slice(e.startCharacter, e.endCharacter);
        if (text !== e.value) problems.push(`${r.name}/${whereExpected(e)}: range covers ${JSON.stringify(text)}, expectation says ${JSON.stringify(e.value)}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('the CLI exits 0 or 1 with nothing on stderr, and reports nothing in expected.json', () => {
    const problems: string[] = [];
    for (const r of results) {
      if (r.exitStatus !== 0 && r.exitStatus !== 1) problems.push(`${r.name}: exit ${r.exitStatus}: ${r.stderr}`);
      else if (r.stderr.trim() !== '') problems.push(`${r.name}: stderr: ${r.stderr.trim()}`);
    }
    for (const r of results) for (const f of [...r.falseAlarms, ...r.infos]) if (f.file === 'expected.json') problems.push(`${r.name}: finding in expected.json: ${f.rule}`);
    assert.deepEqual(problems, []);
  });

  const expectedTotal = results.reduce((n, r) => n + r.expected.length, 0);
  const foundTotal = results.reduce((n, r) => n + r.found.length, 0);
  const recall = expectedTotal === 0 ? 1 : foundTotal / expectedTotal;
  const falseAlarms = results.flatMap((r) => r.falseAlarms.map((f) => ({ workspace: r.name, finding: f })));
  const fixFailures = results.flatMap((r) => r.fixFailures.map((x) => ({ workspace: r.name, ...x })));
  const severityMismatches = results.flatMap((r) => r.severityMismatches.map((x) => ({ workspace: r.name, ...x })));

  it('prints the summary', (t) => {
    const rows = results.map((r) => {
      const errorsWarnings = r.expected.filter((e) => e.severity !== 'info').length;
      return `${pad(r.name, 36)} ${padLeft(r.expected.length, 4)} ${padLeft(r.found.length, 5)} ${padLeft(r.missed.length, 6)} ${padLeft(r.falseAlarms.length, 6)} ${padLeft(r.fixFailures.length, 5)} ${padLeft(r.severityMismatches.length, 4)}  ${errorsWarnings === 0 ? 'healthy' : ''}`;
    });
    const lines = [
      `${pad('workspace', 36)} ${padLeft('exp', 4)} ${padLeft('found', 5)} ${padLeft('missed', 6)} ${padLeft('false', 6)} ${padLeft('fix✗', 5)} ${padLeft('sev✗', 4)}`,
      ...rows,
      '',
      `workspaces ${results.length} (healthy: ${results.filter((r) => r.expected.every((e) => e.severity === 'info')).length}); expected findings ${expectedTotal}, found ${foundTotal}: recall ${(recall * 100).toFixed(1)} % (need ≥ ${MIN_RECALL * 100} %)`,
      `false alarms ${falseAlarms.length} (allowed ≤ ${MAX_FALSE_ALARMS}); missing fixes ${fixFailures.length}; severity mismatches ${severityMismatches.length}`,
    ];
    for (const r of results) {
      for (const m of r.missed) lines.push(`  MISSED ${r.name}/${whereExpected(m.expectation)} ${m.expectation.severity}[${m.expectation.rule}] ${JSON.stringify(m.expectation.value)}${m.near.length ? `\n         nearby: ${m.near.map((f) => `${f.severity}[${f.rule}] ${where(f)}`).join('; ')}` : ''}`);
      for (const f of r.falseAlarms) lines.push(`  FALSE  ${r.name}/${where(f)} ${f.severity}[${f.rule}] ${f.message}`);
      for (const x of r.fixFailures) lines.push(`  FIX    ${r.name}/${whereExpected(x.expectation)} [${x.expectation.rule}] ${x.problem}`);
      for (const x of r.severityMismatches) lines.push(`  SEV    ${r.name}/${whereExpected(x.expectation)} [${x.expectation.rule}] expected ${x.expectation.severity}, got ${x.finding.severity}`);
    }
    if (process.env.ACCEPTANCE_INFOS === '1') for (const r of results) for (const f of r.infos) lines.push(`  info   ${r.name}/${where(f)} [${f.rule}] ${f.message}`);
    t.diagnostic(lines.join('\n'));
  });

  it(`finds at least ${MIN_RECALL * 100} % of the expected findings on the right characters`, () => {
    assert.ok(recall >= MIN_RECALL, `recall ${(recall * 100).toFixed(1)} %`);
  });

  it(`raises at most ${MAX_FALSE_ALARMS} false alarms over the suite`, () => {
    assert.ok(falseAlarms.length <= MAX_FALSE_ALARMS, falseAlarms.map((x) => `${x.workspace}/${where(x.finding)} ${x.finding.severity}[${x.finding.rule}] ${x.finding.message}`).join('\n'));
  });

  it('offers every expected fix', () => {
    assert.deepEqual(fixFailures.map((x) => `${x.workspace}/${whereExpected(x.expectation)} [${x.expectation.rule}] ${x.problem}`), []);
  });

  it('reports found errors and warnings at the expected severity', () => {
    assert.deepEqual(severityMismatches.map((x) => `${x.workspace}/${whereExpected(x.expectation)} [${x.expectation.rule}] expected ${x.expectation.severity}, got ${x.finding.severity}`), []);
  });
});
