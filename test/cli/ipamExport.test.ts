// `plan --format netbox-csv` and `--format ipam-json`: the JSON validates against
// schemas/ipam-export.schema.json (Ajv, as the SARIF output), and the CSV round-trips: read back by
// the NetBox reader it yields exactly the prefixes the JSON lists, and an IPAM export of it does not
// make the cluster collide with its own registration.

import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020';
import { readIpamExport } from '../../server/src/core';
import { REPO, TWO_CLUSTERS, parseJson, runCli } from './support';

interface IpamJson {
  clusters: Array<{ cluster: string; networks: Array<{ prefix: string; role: string; description: string; location: { file: string; range: { start: { line: number; character: number } } } }> }>;
}

const schema = JSON.parse(readFileSync(join(REPO, 'schemas/ipam-export.schema.json'), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

describe('plan --format ipam-json and netbox-csv', () => {
  for (const [name, cwd] of [
    ['two-clusters', TWO_CLUSTERS],
    ['examples', join(REPO, 'examples')],
  ] as const) {
    it(`ipam-json follows its schema and lists each cluster's ranges (${name})`, () => {
      const run = runCli(['plan', '--format', 'ipam-json'], { cwd });
      assert.equal(run.status, 0, run.stderr);
      const output = parseJson<IpamJson>(run);
      assert.ok(validate(output), JSON.stringify(validate.errors, null, 2));
      assert.ok(output.clusters.some((c) => c.networks.some((n) => n.role === 'pod-network')));
    });

    it(`netbox-csv read back as a NetBox import yields the same prefixes (${name})`, () => {
      const csv = runCli(['plan', '--format', 'netbox-csv'], { cwd });
      assert.equal(csv.status, 0, csv.stderr);
      assert.equal(csv.stdout.split('\n')[0], 'prefix,status,role,tenant,description');
      const reading = readIpamExport(csv.stdout, 'netbox-csv');
      assert.deepEqual(reading.problems, []);
      const json = parseJson<IpamJson>(runCli(['plan', '--format', 'ipam-json'], { cwd }));
      const expected = json.clusters.flatMap((c) => c.networks.map((n) => [n.prefix, n.description]));
      assert.ok(expected.length > 0);
      assert.deepEqual(reading.networks.map((n) => [n.text, n.name]), expected);
      assert.ok(reading.networks.every((n) => n.status === 'active'));
    });
  }

  it('a cluster checked against the IPAM export of its own registration stays quiet', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cidr-lens-ipam-'));
    try {
      cpSync(join(REPO, 'test/acceptance/workspaces/ipam-netbox-healthy'), dir, { recursive: true });
      const registered = runCli(['plan', '--format', 'netbox-csv', '.'], { cwd: dir });
      assert.equal(registered.status, 0, registered.stderr);
      writeFileSync(join(dir, 'ipam/registered.csv'), registered.stdout);
      const config = readFileSync(join(dir, '.cidr-lens.yaml'), 'utf8');
      const globbed = config.replace('from: ipam/prefixes.csv', 'from: "ipam/*.csv"');
      assert.notEqual(globbed, config, 'the workspace config no longer names ipam/prefixes.csv');
      writeFileSync(join(dir, '.cidr-lens.yaml'), globbed);
      const plan = parseJson<{ clusters: Array<{ networks: Array<{ kind: string }> }> }>(runCli(['plan', '--format', 'json', '.'], { cwd: dir }));
      assert.deepEqual(plan.clusters[0].networks.filter((n) => n.kind === 'ipam'), [], 'the registration is not one of the colliding IPAM networks');
      const check = runCli(['check', '--format', 'json', '--fail-on', 'warning', '.'], { cwd: dir });
      assert.equal(check.status, 0, check.stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('check reports an import problem as one sentence on the config entry, exit 1, no stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cidr-lens-ipam-'));
    try {
      writeFileSync(join(dir, '.cidr-lens.yaml'), 'externalNetworks:\n  - { from: ../outside.csv }\n  - { from: missing.csv }\n');
      writeFileSync(join(dir, 'kubeadm.yaml'), 'apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\nnetworking:\n  podSubnet: 10.42.0.0/16\n');
      const run = runCli(['check', '.'], { cwd: dir });
      assert.equal(run.status, 1);
      assert.doesNotMatch(run.stdout + run.stderr, /\n\s+at /);
      assert.match(run.stdout, /\.cidr-lens\.yaml:2:\d+ error invalid-config "\.\.\/outside\.csv" lies outside the workspace folder/);
      assert.match(run.stdout, /\.cidr-lens\.yaml:3:\d+ error invalid-config "missing\.csv" does not exist/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
