// `check --format json` has exactly the fields of SPEC §5, and its 0-based UTF-16 ranges point at the
// characters of the values, as LSP positions do.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { REPO, TWO_CLUSTERS, parseJson, runCli } from './support';
import type { Range } from '../../server/src/cli/locate';

interface JsonReport {
  findings: Array<{ rule: string; message: string; file: string; range: Range; related: Array<{ file: string; range: Range; message: string }>; fixes: Array<{ title: string; edits: Array<{ file: string; range: Range; newText: string }> }> }>;
  summary: Record<string, unknown>;
}

/** The text a 0-based, UTF-16 range covers, found the way an LSP client finds it. */
function textAt(file: string, range: Range): string {
  const lines = readFileSync(file, 'utf8').split('\n');
  assert.equal(range.start.line, range.end.line, 'a value spans one line here');
  return lines[range.start.line].slice(range.start.character, range.end.character);
}

const keys = (value: unknown) => Object.keys(value as object);

describe('check --format json', () => {
  const run = runCli(['check', '--format', 'json']);
  const report = parseJson<JsonReport>(run);

  it('has exactly the top-level, finding and summary keys of SPEC §5, in order', () => {
    assert.deepEqual(keys(report), ['version', 'tool', 'findings', 'summary']);
    assert.deepEqual(parseJson<Record<string, unknown>>(run).tool, { name: 'cidr-lens', version: JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version });
    assert.ok(report.findings.length > 0);
    for (const finding of report.findings) {
      assert.deepEqual(keys(finding), ['rule', 'severity', 'message', 'file', 'range', 'cluster', 'related', 'fixes']);
      assert.deepEqual(keys(finding.range), ['start', 'end']);
      assert.deepEqual(keys(finding.range.start), ['line', 'character']);
      for (const related of finding.related) assert.deepEqual(keys(related), ['file', 'range', 'message']);
      for (const fix of finding.fixes) {
        assert.deepEqual(keys(fix), ['title', 'edits']);
        for (const edit of fix.edits) assert.deepEqual(keys(edit), ['file', 'range', 'newText']);
      }
    }
    assert.deepEqual(keys(report.summary), ['files', 'documents', 'facts', 'errors', 'warnings', 'infos', 'skipped']);
  });

  it('names files relative to the current directory with / separators', () => {
    for (const finding of report.findings) assert.match(finding.file, /^(broken|healthy)\/[\w.-]+$/);
  });

  it('places each range-overlap on its value, in UTF-16 code units past an emoji, with the other value related', () => {
    const overlaps = report.findings.filter((f) => f.rule === 'range-overlap');
    assert.deepEqual(
      overlaps.map((f) => textAt(join(TWO_CLUSTERS, f.file), f.range)),
      ['10.0.0.0/8', '10.96.0.0/12'],
    );
    assert.deepEqual(
      overlaps.map((f) => f.related.map((r) => textAt(join(TWO_CLUSTERS, r.file), r.range))),
      [['10.96.0.0/12'], ['10.0.0.0/8']],
    );
  });
});
