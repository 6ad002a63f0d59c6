// The engine under hostile input, in process: every generated hostile file goes through
// readManifestFile and analyze as a front end would hand it over (decoded, BOM removed). Nothing may
// throw, fail internally or hang, what is skipped says why, and the findings the file must produce
// sit on exactly the right characters. The CLI run of the same files is hostileWorkspaces.test.ts.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { AnalysisResult, Finding, ManifestFile, analyze, readManifestFile } from '../../server/src/core';
import { extractors } from '../../server/src/core/manifest/extract';
import type { Extractor } from '../../server/src/core/manifest/extract';
import { DEFAULT_MAX_FILE_SIZE_KB, readManifest } from '../../server/src/node/scan';
import { HostileFile, editorText, hostileFiles, offsetOf, positionOf } from './support/hostileFiles';
import { seedFromEnv } from './support/random';

const SEED = seedFromEnv(20260901);
/** A hang detector, not a performance test: the slowest file here takes a few seconds. */
const PER_FILE_BOUND_MS = 20_000;
const FOLDER = 'file:///workspace';

interface Outcome {
  readonly file: ManifestFile;
  readonly result: AnalysisResult;
  readonly ms: number;
}

function analyseText(name: string, text: string): Outcome {
  const started = performance.now();
  const file = readManifestFile(`${FOLDER}/${name}`, text);
  const result = analyze({ folders: [FOLDER], files: [file], configs: [] });
  return { file, result, ms: performance.now() - started };
}

/** A finding's range as the user sees it, computed by the test's own line counting. */
function rangeOf(text: string, finding: Finding) {
  return { start: positionOf(text, finding.span.start), end: positionOf(text, finding.span.end) };
}

/** Each expected finding is reported on exactly its characters: the expected range, as offsets. */
function assertExpectedFindings(hostile: HostileFile, text: string, findings: readonly Finding[]): void {
  for (const expected of hostile.findings()) {
    const start = offsetOf(text, expected.range.start);
    const end = offsetOf(text, expected.range.end);
    assert.equal(text.slice(start, end), expected.text, 'the expectation itself');
    if (findings.some((f) => f.rule === expected.rule && f.span.start === start && f.span.end === end)) continue;
    const near = findings.filter((f) => f.rule === expected.rule).slice(0, 4);
    const found = near.map((f) => `${JSON.stringify(text.slice(f.span.start, f.span.end))} at ${JSON.stringify(rangeOf(text, f))}`);
    assert.fail(`${hostile.name}: no ${expected.rule} on ${expected.text} at ${JSON.stringify(expected.range)}; found: ${found.join('; ') || 'none'}`);
  }
}

describe(`engine under hostile input (seed ${SEED}; CIDR_LENS_SEED replays another)`, () => {
  // The 26 MB file never reaches the core: the scan refuses it by its size (below).
  for (const hostile of hostileFiles(SEED).filter((f) => f.name !== 'huge.yaml')) {
    it(`${hostile.what} (${hostile.name})`, () => {
      const text = editorText(hostile.bytes());
      const { file, result, ms } = analyseText(hostile.name, text);
      console.log(`  ${hostile.name}: ${(text.length / 1e6).toFixed(1)} MB, ${file.documents} documents, ${file.facts.length} facts, ${result.findings.length} findings in ${ms.toFixed(0)} ms`);
      assert.deepEqual(file.internalErrors, []);
      assert.deepEqual(result.internalErrors, []);
      if (hostile.skipped) assert.ok(file.skipped.some((reason) => hostile.skipped!.test(reason)), `${hostile.name}: skipped ${JSON.stringify(file.skipped)}`);
      else assert.deepEqual(file.skipped, []);
      assertExpectedFindings(hostile, text, result.findings);
      assert.ok(ms < PER_FILE_BOUND_MS, `${hostile.name} took ${ms.toFixed(0)} ms`);
    });
  }
});

describe('engine: text a front end might pass unchanged', () => {
  const files = hostileFiles(SEED);
  const byName = (name: string) => files.find((f) => f.name === name)!;

  it('keeps spans exact when the byte order mark is left in the text', () => {
    for (const name of ['bom-crlf.yaml', 'bom-crlf-line0.json']) {
      const hostile = byName(name);
      const text = hostile.bytes().toString('utf8');
      assert.equal(text.charCodeAt(0), 0xfeff);
      const { result } = analyseText(name, text);
      // Offsets count the BOM here, and each finding still covers exactly its value's characters.
      for (const expected of hostile.findings()) {
        assert.ok(result.findings.some((f) => f.rule === expected.rule && text.slice(f.span.start, f.span.end) === expected.text), `${name}: ${expected.text}`);
      }
    }
  });

  it('reads lone surrogates, old Mac line ends and a NUL past the binary probe without failing', () => {
    // The `yaml` parser breaks lines on LF only, so a CR-only file is one line: a syntax error,
    // reported as skipped. No Kubernetes tool writes such files; what matters is that nothing fails.
    const overlap = 'apiVersion: kubeadm.k8s.io/v1beta3\rkind: ClusterConfiguration\rnetworking:\r  podSubnet: 10.96.0.0/16\r  serviceSubnet: 10.96.0.0/12\r';
    const texts = [
      `# \ud800 \udfff \ud83d\n${overlap.replace(/\r/g, '\n')}`,
      overlap,
      `${overlap.replace(/\r/g, '\n')}# ${'x'.repeat(9000)}\u0000\n`,
      `apiVersion: v1\nkind: Service\nspec: {clusterIP: "\ud800", externalIPs: ["\udc00"]}\n`,
    ];
    for (const text of texts) {
      const { file, result } = analyseText('odd.yaml', text);
      assert.deepEqual(file.internalErrors, []);
      assert.deepEqual(result.internalErrors, []);
    }
    assert.match(analyseText('cr.yaml', overlap).file.skipped.join('\n'), /document 1: YAML syntax error/);
  });
});

describe('engine: the size limit (cidrLens.scan.maxFileSizeKb)', () => {
  let dir: string | undefined;
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  it(`refuses a 26 MB file by its size, before reading it (default ${DEFAULT_MAX_FILE_SIZE_KB} KB)`, () => {
    dir = mkdtempSync(join(tmpdir(), 'cidr-lens-huge-'));
    const huge = hostileFiles(SEED).find((f) => f.name === 'huge.yaml')!;
    const path = join(dir, huge.name);
    writeFileSync(path, huge.bytes());
    const started = performance.now();
    const read = readManifest(path);
    const ms = performance.now() - started;
    assert.equal(read.text, undefined);
    assert.match(read.skipped ?? '', huge.skipped!);
    assert.ok(ms < 1000, `the size check read the file (${ms.toFixed(0)} ms)`);
    assert.equal(readManifest(path, { maxFileSizeKb: 32 * 1024 }).text?.length, huge.bytes().length);
  });
});

describe('engine: an extractor that fails', () => {
  const exploding: Extractor = {
    name: 'exploding',
    triggers: [],
    extract(ctx) {
      if (ctx.ref.kind === 'ClusterConfiguration') throw new TypeError('cannot read properties of undefined (a planted bug)');
      return [];
    },
  };
  const text = 'apiVersion: v1\nkind: Service\nspec: {clusterIP: 10.96.0.1}\n---\napiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\nnetworking: {podSubnet: 10.96.0.0/16}\n';

  /** Runs `body` with the planted extractor registered last, and always takes it out again. */
  function withExplodingExtractor<T>(body: () => T): T {
    const registry = extractors as Extractor[];
    registry.push(exploding);
    try {
      return body();
    } finally {
      registry.splice(registry.indexOf(exploding), 1);
    }
  }

  it('costs only its own facts, and is recorded with the file and document', () => {
    const file = withExplodingExtractor(() => readManifestFile(`${FOLDER}/cluster/kubeadm.yaml`, text));
    const clean = readManifestFile(`${FOLDER}/cluster/kubeadm.yaml`, text);
    assert.equal(file.facts.length, clean.facts.length);
    assert.equal(file.internalErrors.length, 1);
    assert.match(file.internalErrors[0], /^extractor exploding failed on file:\/\/\/workspace\/cluster\/kubeadm\.yaml \(document 2\): TypeError: cannot read properties/);
  });

  it('is reported by the first analysis that sees the file, not again by incremental ones', () => {
    const file = withExplodingExtractor(() => readManifestFile(`${FOLDER}/cluster/kubeadm.yaml`, text));
    const other = readManifestFile(`${FOLDER}/cluster/service.yaml`, 'apiVersion: v1\nkind: Service\nspec: {clusterIP: 10.96.0.2}\n');
    const first = analyze({ folders: [FOLDER], files: [file, other], configs: [] });
    assert.equal(first.internalErrors.length, 1);
    assert.ok(first.findings.some((f) => f.rule === 'range-overlap'), 'the other extractors still found the overlap');
    const edited = readManifestFile(other.uri, 'apiVersion: v1\nkind: Service\nspec: {clusterIP: 10.96.0.3}\n');
    assert.deepEqual(analyze({ folders: [FOLDER], files: [file, edited], configs: [] }, first).internalErrors, []);
  });
});
