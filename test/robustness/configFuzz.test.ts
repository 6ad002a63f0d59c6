// A bounded fuzz test of `.cidr-lens.yaml`: random configs made of every key with values of every
// type (hostile globs, huge numbers, paths out of the workspace, nested lists and maps), written as
// YAML and then mutated the way broken files are. Each must parse without an exception, with findings
// on characters of the text, with `ignore` matching that stays fast, and analyse without an internal
// error. fast-check runs a fixed seed, so a failure replays.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as fc from 'fast-check';
import { stringify } from 'yaml';
import { analyze, parseConfigFile, readManifestFile } from '../../server/src/core';
import { matchesAnyGlob } from '../../server/src/core/text/glob';
import { mutate } from './support/mutate';
import { seededRandom } from './support/random';

const RUNS = { numRuns: 200, seed: 17_2026 };
const ROOT = '/ws';
const CONFIG_URI = `${ROOT}/.cidr-lens.yaml`;
const KUBEADM = readManifestFile(`${ROOT}/cluster/kubeadm.yaml`, 'apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\nnetworking:\n  podSubnet: 10.96.0.0/16\n  serviceSubnet: 10.96.0.0/12\n');

/** Paths the globs are matched against: deep, long, and the one the measured ReDoS glob choked on. */
const PATHS = ['a'.repeat(60), `${'a'.repeat(60)}.yaml`, `${'ab/'.repeat(300)}x.yaml`, 'charts/x/values.yaml', `${'a'.repeat(4000)}b`];

const GLOB_PIECES = ['*', '**', '?', 'a', 'b', '/', '.', '[', ']', '[z-a]', '[\\]', '[!a]', '[a-c]', '{', '}', ',', '{a,b}', '{*,**/}', '\\', '-', '!'];
const globs = fc.oneof(
  fc.array(fc.constantFrom(...GLOB_PIECES), { maxLength: 60 }).map((p) => p.join('')),
  fc.constantFrom('*a*a*a*a*a*a*a*a*b', `${'*a'.repeat(499)}*b`, `${'{a,'.repeat(100)}b${'}'.repeat(100)}`, 'x'.repeat(1500), ''),
  fc.string({ maxLength: 30 }),
);
const paths = fc.constantFrom('../staging', '/etc', '../../../../../..', '.', 'staging', 'file:///etc', '..', '~/x', 'C:\\Windows', '\u0000');
const scalars = fc.oneof(globs, paths, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom('10.0.0.0/8', 'fd00::/8', '1e308', '-1', 'off', 'error', 'file'));
const values = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalars, fc.array(tie('value'), { maxLength: 8 }), fc.dictionary(fc.constantFrom('cidr', 'name', 'nodes', 'x', 'range-overlap'), tie('value'), { maxKeys: 4 })),
})).value;
const KEYS = ['cluster', 'scope', 'expect', 'externalNetworks', 'nodeNetworks', 'connectedClusters', 'rules', 'ignore', 'unknown'];
const configs = fc.record({
  entries: fc.dictionary(fc.constantFrom(...KEYS), fc.oneof(values, fc.array(globs, { maxLength: 40 }), fc.array(paths, { maxLength: 5 }))),
  mutationSeed: fc.option(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { nil: undefined }),
});

function configText(entries: Record<string, unknown>, mutationSeed: number | undefined): string {
  const text = stringify(entries);
  return mutationSeed === undefined ? text : mutate(text, seededRandom(mutationSeed)).text;
}

describe(`fuzzing .cidr-lens.yaml (fast-check seed ${RUNS.seed}, ${RUNS.numRuns} runs)`, () => {
  it('parses every mutated config without throwing, with findings on its characters, and matches its globs quickly', () => {
    fc.assert(
      fc.property(configs, ({ entries, mutationSeed }) => {
        const text = configText(entries, mutationSeed);
        const config = parseConfigFile(CONFIG_URI, text);
        for (const finding of config.findings) {
          assert.equal(finding.rule, 'invalid-config');
          assert.ok(finding.span.start >= 0 && finding.span.start <= finding.span.end && finding.span.end <= text.length, `span ${JSON.stringify(finding.span)} outside a text of ${text.length}`);
          assert.doesNotMatch(finding.message, /\n\s+at /);
        }
        const started = performance.now();
        for (const path of PATHS) matchesAnyGlob(path, config.config.ignore);
        const ms = performance.now() - started;
        // A hang guard: milliseconds here; a backtracking matcher takes minutes on the first path.
        assert.ok(ms < 2000, `matching ${config.config.ignore.length} globs took ${ms.toFixed(0)} ms`);
        const result = analyze({ folders: [ROOT], files: [KUBEADM], configs: [config] });
        assert.deepEqual(result.internalErrors, []);
        for (const finding of result.findings.filter((f) => f.uri === CONFIG_URI)) assert.ok(finding.span.end <= text.length);
      }),
      RUNS,
    );
  });
});
