// Config and settings values of hostile size and type, beyond what an annotated fixture can hold:
// lists over the caps, globs built to exhaust the matching budget, and settings of any JSON shape.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as fc from 'fast-check';
import { analyze, parseConfigFile, readManifestFile } from '../../server/src/core';
import { readSettings } from '../../server/src/core/plan/config';
import { MAX_GLOB_CHARACTERS_PER_LIST, MAX_LIST_ENTRIES } from '../../server/src/core/plan/configValues';

const ROOT = '/ws';
const OVERLAP = 'apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\nnetworking:\n  podSubnet: 10.96.0.0/16\n  serviceSubnet: 10.96.0.0/12\n';

/** The config text at a finding's span. */
function flagged(text: string, span: { start: number; end: number }): string {
  return text.slice(span.start, span.end);
}

describe('config values over the caps', () => {
  it(`reads the first ${MAX_LIST_ENTRIES.toLocaleString('en-US')} entries of a longer list, with one finding on the list`, () => {
    const text = `nodeNetworks: [${Array.from({ length: MAX_LIST_ENTRIES + 5 }, (_, i) => `10.${(i >> 8) & 255}.${i & 255}.0/24`).join(', ')}]\n`;
    const config = parseConfigFile(`${ROOT}/.cidr-lens.yaml`, text);
    assert.deepEqual(config.findings.map((f) => f.message), ['nodeNetworks has 10,005 entries; only the first 10,000 are read']);
    assert.ok(flagged(text, config.findings[0].span).startsWith('[10.0.0.0/24'));
    assert.equal(config.config.nodeNetworks.length, MAX_LIST_ENTRIES);
  });

  it(`drops the globs beyond ${MAX_GLOB_CHARACTERS_PER_LIST.toLocaleString('en-US')} characters, with a finding on the first one dropped`, () => {
    const globs = Array.from({ length: 150 }, (_, i) => `dir${String(i).padStart(3, '0')}/${'x'.repeat(990)}`);
    const text = `ignore:\n${globs.map((g) => `  - ${g}\n`).join('')}`;
    const config = parseConfigFile(`${ROOT}/.cidr-lens.yaml`, text);
    assert.equal(config.findings.length, 1);
    assert.match(config.findings[0].message, /^ignore holds more than 100,000 characters of globs; this entry and the ones after it are ignored$/);
    assert.ok(flagged(text, config.findings[0].span).startsWith('dir100/'));
    assert.equal(config.config.ignore.length, 100);
  });

  it('warns when matching the ignore globs runs out of budget, and checks the files it did not reach', () => {
    const text = `ignore:\n${Array.from({ length: 50 }, () => `  - "**a${'?'.repeat(200)}"\n`).join('')}`;
    const config = parseConfigFile(`${ROOT}/.cidr-lens.yaml`, text);
    assert.deepEqual(config.findings, []);
    let seed = 11;
    const randomName = () => Array.from({ length: 4000 }, () => (((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 16) & 1 ? 'a' : 'b')).join('');
    const noise = Array.from({ length: 6 }, () => readManifestFile(`${ROOT}/${randomName()}/x.yaml`, 'kind: ConfigMap\n'));
    const cluster = readManifestFile(`${ROOT}/cluster/kubeadm.yaml`, OVERLAP);
    const started = performance.now();
    const result = analyze({ folders: [ROOT], files: [...noise, cluster], configs: [config] });
    // A hang guard: the budget is spent in about a second.
    assert.ok(performance.now() - started < 20_000);
    const warning = result.findings.find((f) => f.rule === 'invalid-config');
    assert.ok(warning, 'no finding on the ignore list');
    assert.equal(warning.severity, 'warning');
    assert.match(warning.message, /ran out of budget/);
    assert.ok(flagged(text, warning.span).startsWith('- "**a'));
    assert.equal(result.findings.filter((f) => f.rule === 'range-overlap' && f.uri === cluster.uri).length, 2);
  });
});

describe('settings of any shape', () => {
  it('reads any JSON value as settings without throwing, and names every value it drops', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (whole, part) => {
        for (const settings of [whole, { ignore: part, externalNetworks: part, nodeNetworks: part, rules: part, expect: part }, { expect: { nodes: part } }]) {
          const { config, problems } = readSettings(settings as never);
          assert.ok(Array.isArray(config.ignore) && Array.isArray(config.externalNetworks));
          for (const problem of problems) assert.match(problem, /^setting cidrLens\.?\S*/);
        }
      }),
      { numRuns: 500, seed: 20261207 },
    );
  });
});
