// `check --format sarif`: valid against the SARIF 2.1.0 schema, one descriptor per rule, and the same
// findings as JSON with 1-based regions, related locations and fixes.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { rules } from '../../server/src/core';
import { tempWorkspace } from '../support/workspace';
import { sarifSchemaErrors } from './sarifSchema';
import { REPO, TWO_CLUSTERS, parseJson, runCli } from './support';

interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
interface PhysicalLocation {
  artifactLocation: { uri: string; uriBaseId?: string };
  region: Region;
}
interface SarifLog {
  runs: Array<{
    tool: { driver: { rules: Array<{ id: string; helpUri: string; shortDescription: { text: string }; fullDescription: { text: string }; defaultConfiguration: { level: string } }> } };
    originalUriBaseIds: Record<string, { uri: string }>;
    columnKind: string;
    results: Array<{
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: Array<{ physicalLocation: PhysicalLocation }>;
      relatedLocations?: Array<{ physicalLocation: PhysicalLocation; message: { text: string } }>;
      fixes?: Array<{ description: { text: string }; artifactChanges: Array<{ artifactLocation: { uri: string }; replacements: Array<{ deletedRegion: Region; insertedContent: { text: string } }> }> }>;
    }>;
  }>;
}
interface JsonRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
interface JsonReport {
  findings: Array<{ rule: string; severity: string; message: string; file: string; range: JsonRange; related: Array<{ file: string; range: JsonRange; message: string }>; fixes: Array<{ title: string; edits: Array<{ file: string; range: JsonRange; newText: string }> }> }>;
}

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as Record<string, string>;

function sarifRegion(range: JsonRange): Region {
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

function checkBoth(cwd: string, args: readonly string[] = []): { sarif: SarifLog; json: JsonReport } {
  const sarif = parseJson<SarifLog>(runCli(['check', '--format', 'sarif', ...args], { cwd }));
  const json = parseJson<JsonReport>(runCli(['check', '--format', 'json', ...args], { cwd }));
  return { sarif, json };
}

/** Every SARIF result says what the JSON finding at the same index says, in SARIF's terms. */
function assertSameFindings(sarif: SarifLog, json: JsonReport): void {
  const run = sarif.runs[0];
  assert.equal(run.results.length, json.findings.length);
  json.findings.forEach((finding, i) => {
    const result = run.results[i];
    assert.equal(result.ruleId, finding.rule);
    assert.equal(run.tool.driver.rules[result.ruleIndex].id, finding.rule);
    assert.equal(result.level, LEVEL[finding.severity]);
    assert.equal(result.message.text, finding.message);
    assert.deepEqual(result.locations[0].physicalLocation, { artifactLocation: { uri: finding.file, uriBaseId: '%SRCROOT%' }, region: sarifRegion(finding.range) });
    assert.deepEqual(
      (result.relatedLocations ?? []).map((r) => [r.physicalLocation.artifactLocation.uri, r.physicalLocation.region, r.message.text]),
      finding.related.map((r) => [r.file, sarifRegion(r.range), r.message]),
    );
    assert.deepEqual(
      (result.fixes ?? []).map((fix) => [fix.description.text, fix.artifactChanges.flatMap((c) => c.replacements.map((r) => [c.artifactLocation.uri, r.deletedRegion, r.insertedContent.text]))]),
      finding.fixes.map((fix) => [fix.title, fix.edits.map((e) => [e.file, sarifRegion(e.range), e.newText])]),
    );
  });
}

describe('check --format sarif', () => {
  it('validates against the SARIF 2.1.0 schema on the golden workspace', () => {
    const { sarif, json } = checkBoth(TWO_CLUSTERS);
    assert.deepEqual(sarifSchemaErrors(sarif), []);
    assertSameFindings(sarif, json);
  });

  it('validates and agrees with JSON on the examples workspace, fixes included', () => {
    const { sarif, json } = checkBoth(join(REPO, 'examples'));
    assert.deepEqual(sarifSchemaErrors(sarif), []);
    assertSameFindings(sarif, json);
  });

  it('turns a fix into an artifact change that replaces the deleted region', () => {
    const ws = tempWorkspace({ 'kubeadm.yaml': 'apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\nnetworking:\n  podSubnet: 10.244.1.0/16\n' });
    try {
      const { sarif, json } = checkBoth(ws.root, ['--fail-on', 'never']);
      assert.deepEqual(sarifSchemaErrors(sarif), []);
      assert.ok(json.findings.some((f) => f.fixes.length > 0), 'the fixture should produce a fix');
      assertSameFindings(sarif, json);
      const fix = sarif.runs[0].results.flatMap((r) => r.fixes ?? [])[0];
      assert.deepEqual(fix.artifactChanges[0].replacements[0], { deletedRegion: { startLine: 4, startColumn: 14, endLine: 4, endColumn: 27 }, insertedContent: { text: '10.244.0.0/16' } });
    } finally {
      ws.dispose();
    }
  });

  it('describes every registered rule once, with its documentation and default level', () => {
    const { sarif } = checkBoth(TWO_CLUSTERS);
    const descriptors = sarif.runs[0].tool.driver.rules;
    assert.deepEqual(
      descriptors.map((d) => d.id),
      [...rules.map((r) => r.id), 'invalid-config'],
    );
    for (const rule of rules) {
      const descriptor = descriptors.find((d) => d.id === rule.id)!;
      assert.equal(descriptor.helpUri, `https://github.com/cidr-lens/cidr-lens/blob/main/docs/rules/${rule.id}.md`);
      assert.equal(descriptor.defaultConfiguration.level, LEVEL[rule.defaultSeverity]);
      assert.equal(descriptor.shortDescription.text, rule.description);
      assert.ok(descriptor.fullDescription.text.startsWith(rule.description));
    }
  });

  it('counts columns in UTF-16 code units and says so', () => {
    const { sarif } = checkBoth(TWO_CLUSTERS);
    assert.equal(sarif.runs[0].columnKind, 'utf16CodeUnits');
  });

  it('resolves relative artifact URIs against the current directory as a file URI', () => {
    const { sarif } = checkBoth(TWO_CLUSTERS);
    assert.deepEqual(sarif.runs[0].originalUriBaseIds, { '%SRCROOT%': { uri: pathToFileURL(TWO_CLUSTERS).href + '/' } });
  });

  it('uses absolute file URIs for files outside the current directory', () => {
    const cwd = join(TWO_CLUSTERS, 'healthy');
    const sarif = parseJson<SarifLog>(runCli(['check', '--format', 'sarif', '../broken'], { cwd }));
    assert.deepEqual(sarifSchemaErrors(sarif), []);
    const uris = sarif.runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation);
    assert.ok(uris.length > 0);
    for (const location of uris) assert.deepEqual(location, { uri: pathToFileURL(join(TWO_CLUSTERS, 'broken/kubeadm.yaml')).href });
  });

  it('the validator rejects what the schema forbids', () => {
    const { sarif } = checkBoth(TWO_CLUSTERS);
    const broken = structuredClone(sarif) as SarifLog;
    broken.runs[0].results[0].level = 'fatal';
    broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    (broken.runs[0].results[0].locations[0].physicalLocation.artifactLocation as { uri: string }).uri = 'has space.yaml';
    const errors = sarifSchemaErrors(broken);
    assert.ok(errors.some((e) => e.includes('/level')), errors.join('\n'));
    assert.ok(errors.some((e) => e.includes('/region/startLine')), errors.join('\n'));
    assert.ok(errors.some((e) => e.includes('/artifactLocation/uri')), errors.join('\n'));
  });
});
