// `externalNetworks: [{ from: … }]` through the whole core: config entries parsed, exports resolved
// inside the workspace, imported networks colliding with the cluster's ranges, problems as
// `invalid-config` findings on the entry and on the export's rows, filters, containers, allocateFrom,
// and the cache that keeps incremental analyses cheap.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AnalysisInput, Finding, ImportFile, analyze, buildAddressMap, buildScopeIndex, hoverAt, parseConfigFile, planRows, readManifestFile, suggestSubnets } from '../../../server/src/core';

const KUBEADM = (pod: string) => `apiVersion: kubeadm.k8s.io/v1beta3
kind: ClusterConfiguration
networking:
  podSubnet: ${pod}
  serviceSubnet: 10.96.0.0/12
`;

const PREFIXES = `prefix,status,tenant,role,description
10.0.0.0/8,container,,,Corporate space
10.40.0.0/14,active,payments,,Payments platform
10.60.0.0/16,reserved,,Kubernetes,Kubernetes pool
172.20.0.0/16,deprecated,,,Old DMZ
`;

function input(config: string, exports: Record<string, string>, pod = '10.42.0.0/16', settings?: AnalysisInput['settings']): AnalysisInput {
  const imports: ImportFile[] = Object.entries(exports).map(([path, text]) => ({ uri: `/ws/${path}`, text }));
  return {
    folders: ['/ws'],
    files: [readManifestFile('/ws/kubeadm.yaml', KUBEADM(pod))],
    configs: config === '' ? [] : [parseConfigFile('/ws/.cidr-lens.yaml', config)],
    imports,
    ...(settings ? { settings } : {}),
  };
}

const on = (findings: readonly Finding[], uri: string, rule = 'range-overlap') => findings.filter((f) => f.uri === uri && f.rule === rule);
const configProblems = (findings: readonly Finding[]) => on(findings, '/ws/.cidr-lens.yaml', 'invalid-config');

describe('IPAM imports', () => {
  it('reports a collision on the manifest value and on the export row, and moves the value out of the export', () => {
    const result = analyze(input('externalNetworks:\n  - { from: ipam/prefixes.csv }\n', { 'ipam/prefixes.csv': PREFIXES }));
    const [manifest] = on(result.findings, '/ws/kubeadm.yaml');
    assert.match(manifest.message, /NetBox prefix "Payments platform" · active · tenant payments/);
    assert.deepEqual(manifest.related.map((r) => [r.uri, PREFIXES.slice(r.span.start, r.span.end)]), [['/ws/ipam/prefixes.csv', '10.40.0.0/14']]);
    const [row] = on(result.findings, '/ws/ipam/prefixes.csv');
    assert.equal(PREFIXES.slice(row.span.start, row.span.end), '10.40.0.0/14');
    const moved = manifest.fixes.map((f) => f.edits[0].newText);
    assert.ok(moved.length > 0);
    for (const cidr of moved) assert.ok(!['10.40.', '10.41.', '10.42.', '10.43.', '10.60.', '172.20.'].some((p) => cidr.startsWith(p)), `${cidr} is allocated in the export`);
    assert.deepEqual(configProblems(result.findings), []);
  });

  it('treats containers as space, not as allocations, and keeps the rest', () => {
    const result = analyze(input('externalNetworks:\n  - { from: ipam/prefixes.csv }\n', { 'ipam/prefixes.csv': PREFIXES }, '10.200.0.0/16'));
    assert.deepEqual(on(result.findings, '/ws/kubeadm.yaml'), []);
    const external = result.scopes[0].plan.scope.config.externalNetworks.map((n) => n.text);
    assert.deepEqual(external, ['10.40.0.0/14', '10.60.0.0/16', '172.20.0.0/16']);
  });

  it('keeps only the networks the filter names, and none the ! values exclude', () => {
    const only = analyze(input('externalNetworks:\n  - { from: ipam/prefixes.csv, filter: { status: [active] } }\n', { 'ipam/prefixes.csv': PREFIXES }));
    assert.deepEqual(only.scopes[0].plan.scope.config.externalNetworks.map((n) => n.text), ['10.40.0.0/14']);
    const excluded = analyze(input('externalNetworks:\n  - { from: ipam/prefixes.csv, filter: { tenant: "!payments" } }\n', { 'ipam/prefixes.csv': PREFIXES }));
    assert.deepEqual(excluded.scopes[0].plan.scope.config.externalNetworks.map((n) => n.text), ['10.60.0.0/16', '172.20.0.0/16']);
    assert.deepEqual(on(excluded.findings, '/ws/kubeadm.yaml'), []);
  });

  it('reads every file a glob matches, and only inside the workspace folder', () => {
    const result = analyze(input('externalNetworks:\n  - { from: "ipam/*.txt" }\n', { 'ipam/a.txt': '10.42.0.0/20 lab\n', 'ipam/b.txt': '10.42.16.0/20 lab 2\n', 'other/c.txt': '10.42.32.0/20\n' }));
    assert.deepEqual(result.scopes[0].plan.scope.config.externalNetworks.map((n) => n.text), ['10.42.0.0/20', '10.42.16.0/20']);
    const outside = analyze(input('externalNetworks:\n  - { from: ../elsewhere/prefixes.csv }\n', {}));
    assert.match(configProblems(outside.findings)[0].message, /outside the workspace folder/);
  });

  it('says on the entry when the export is missing, in a format it cannot be read in, or has bad rows', () => {
    const missing = analyze(input('externalNetworks:\n  - { from: ipam/nope.csv }\n', {}));
    const [absent] = configProblems(missing.findings);
    assert.equal(absent.severity, 'error');
    assert.match(absent.message, /"ipam\/nope.csv" does not exist/);
    const config = 'externalNetworks:\n  - { from: ipam/prefixes.csv }\n';
    const [entry] = configProblems(analyze(input(config, { 'ipam/prefixes.csv': 'prefix,status\n10.40.0.0/14,active\n10.0.0.0/33,active\njunk,active\n' })).findings);
    assert.equal(entry.severity, 'warning');
    assert.equal(config.slice(entry.span.start, entry.span.end), 'ipam/prefixes.csv');
    assert.match(entry.message, /2 rows could not be read, 1 network imported; line 3: "10.0.0.0\/33" is not a network/);
    const rows = on(analyze(input(config, { 'ipam/prefixes.csv': 'prefix,status\n10.40.0.0/14,active\n10.0.0.0/33,active\njunk,active\n' })).findings, '/ws/ipam/prefixes.csv', 'invalid-config');
    assert.deepEqual(rows.map((r) => r.severity), ['warning', 'warning']);
    const [wrongColumns] = configProblems(analyze(input('externalNetworks:\n  - { from: ipam/x.csv, format: netbox-csv }\n', { 'ipam/x.csv': 'name,address\nweb,10.0.0.1\n' })).findings);
    assert.equal(wrongColumns.severity, 'error');
    assert.match(wrongColumns.message, /no "prefix" column/);
  });

  it('reports config mistakes in a from entry on their characters', () => {
    const config = 'externalNetworks:\n  - { from: ipam/prefixes.csv, format: netbox-xml, filer: {} , filter: { colour: red } }\n';
    const problems = configProblems(analyze(input(config, { 'ipam/prefixes.csv': PREFIXES })).findings);
    const texts = [...problems].sort((a, b) => a.span.start - b.span.start).map((p) => [p.severity, config.slice(p.span.start, p.span.end)]);
    assert.deepEqual(texts, [['error', 'netbox-xml'], ['warning', 'filer'], ['warning', 'colour']]);
  });

  it('draws suggestions and fixes from allocateFrom, and never calls that space a collision', () => {
    const config = 'externalNetworks:\n  - { from: ipam/prefixes.csv }\nallocateFrom: [Kubernetes]\n';
    const result = analyze(input(config, { 'ipam/prefixes.csv': PREFIXES }));
    const scope = result.scopes[0];
    assert.deepEqual(scope.plan.scope.config.allocateFrom.map((e) => e.range !== undefined), [true]);
    const [manifest] = on(result.findings, '/ws/kubeadm.yaml');
    assert.deepEqual(manifest.fixes.map((f) => f.edits[0].newText), ['10.60.0.0/16']);
    const suggested = suggestSubnets(scope.plan, [], { family: 4, bits: 18, count: 5 }).map((s) => s.cidr);
    assert.deepEqual(suggested, ['10.60.0.0/18', '10.60.64.0/18', '10.60.128.0/18', '10.60.192.0/18']);
    const inside = analyze(input(config, { 'ipam/prefixes.csv': PREFIXES }, '10.60.0.0/17'));
    assert.deepEqual(on(inside.findings, '/ws/kubeadm.yaml'), []);
    const [unknown] = configProblems(analyze(input('allocateFrom: [Gpu pool]\nexternalNetworks:\n  - { from: ipam/prefixes.csv }\n', { 'ipam/prefixes.csv': PREFIXES })).findings);
    assert.match(unknown.message, /allocateFrom "Gpu pool" is neither a CIDR nor the name or role of an imported network/);
  });

  it("does not count the cluster's own registration, exported by plan --format netbox-csv, as a collision", () => {
    const registered = 'prefix,status,role,tenant,description\n10.42.0.0/16,active,Kubernetes pods,,prod: Kubernetes pods (kubeadm networking.podSubnet)\n';
    const own = analyze(input('cluster: prod\nexternalNetworks:\n  - { from: ipam/prefixes.csv }\n', { 'ipam/prefixes.csv': registered }));
    assert.deepEqual(on(own.findings, '/ws/kubeadm.yaml'), []);
    const other = analyze(input('cluster: staging\nexternalNetworks:\n  - { from: ipam/prefixes.csv }\n', { 'ipam/prefixes.csv': registered }));
    assert.equal(on(other.findings, '/ws/kubeadm.yaml').length, 1);
  });

  it('resolves the settings mirror against the workspace folder', () => {
    const result = analyze(input('', { 'ipam/prefixes.csv': PREFIXES }, '10.42.0.0/16', { externalNetworks: [{ from: 'ipam/prefixes.csv', filter: { status: 'active' } }] }));
    const [manifest] = on(result.findings, '/ws/kubeadm.yaml');
    assert.match(manifest.message, /Payments platform/);
  });

  it('reuses the resolved config while the export is the same object, and re-checks when it changes', () => {
    const config = parseConfigFile('/ws/.cidr-lens.yaml', 'externalNetworks:\n  - { from: ipam/prefixes.csv }\n');
    const files = [readManifestFile('/ws/kubeadm.yaml', KUBEADM('10.42.0.0/16'))];
    const exportFile: ImportFile = { uri: '/ws/ipam/prefixes.csv', text: PREFIXES };
    const first = analyze({ folders: ['/ws'], files, configs: [config], imports: [exportFile] });
    const again = analyze({ folders: ['/ws'], files, configs: [config], imports: [exportFile] }, first);
    assert.equal(again.scopes[0], first.scopes[0]);
    const edited: ImportFile = { uri: exportFile.uri, text: PREFIXES.replace('10.40.0.0/14', '10.80.0.0/14') };
    const after = analyze({ folders: ['/ws'], files, configs: [config], imports: [edited] }, again);
    assert.notEqual(after.scopes[0], first.scopes[0]);
    assert.deepEqual(on(after.findings, '/ws/kubeadm.yaml'), []);
  });

  it('re-checks when an export of the settings changes, though the settings object stays the same', () => {
    const settings = { externalNetworks: [{ from: 'ipam/prefixes.csv' }] };
    const files = [readManifestFile('/ws/kubeadm.yaml', KUBEADM('10.42.0.0/16'))];
    const first = analyze({ folders: ['/ws'], files, configs: [], settings, imports: [{ uri: '/ws/ipam/prefixes.csv', text: PREFIXES }] });
    assert.equal(on(first.findings, '/ws/kubeadm.yaml').length, 1);
    const after = analyze({ folders: ['/ws'], files, configs: [], settings, imports: [{ uri: '/ws/ipam/prefixes.csv', text: PREFIXES.replace('10.40.0.0/14', '10.80.0.0/14') }] }, first);
    assert.deepEqual(on(after.findings, '/ws/kubeadm.yaml'), []);
  });

  it('reports an export the front end could not read', () => {
    const base = input('externalNetworks:\n  - { from: ipam/huge.csv }\n', {});
    const result = analyze({ ...base, imports: [{ uri: '/ws/ipam/huge.csv', skipped: 'file is 70000 KB, above the 65536 KB limit for IPAM exports' }] });
    assert.match(configProblems(result.findings)[0].message, /huge.csv was not read: file is 70000 KB/);
  });

  it('names the IPAM prefix in the hover card, lists colliding imports in the plan, and draws them on their own row', () => {
    const many = 'prefix,status,description\n10.40.0.0/14,active,Payments platform\n' + Array.from({ length: 300 }, (_, i) => `172.${16 + (i >> 8)}.${i & 255}.0/24,active,segment ${i}\n`).join('');
    const result = analyze(input('externalNetworks:\n  - { from: ipam/prefixes.csv }\n', { 'ipam/prefixes.csv': many }));
    const scope = result.scopes[0];
    const text = KUBEADM('10.42.0.0/16');
    const card = hoverAt({ uri: '/ws/kubeadm.yaml', text, offset: text.indexOf('10.42.0.0/16') + 2, index: buildScopeIndex(scope.plan) });
    assert.ok(card);
    assert.ok(card.lines.some((line) => /10\.40\.0\.0\/14 \(NetBox prefix "Payments platform" · active\)/.test(line.text)), JSON.stringify(card.lines));
    assert.deepEqual(planRows(scope.plan).networks.map((n) => [n.kind, n.value]), [['ipam', '10.40.0.0/14']]);
    const items = buildAddressMap(result.scopes).clusters[0].items.filter((item) => item.lane === 'ipam');
    assert.equal(items.length, 200);
    assert.equal(items[0].text, '10.40.0.0/14');
    assert.ok(items.every((item) => item.location?.uri === '/ws/ipam/prefixes.csv'));
  });

  it('shades an imported network by the utilization its export reports', () => {
    const result = analyze(input('externalNetworks:\n  - { from: ipam/prefixes.csv }\n', { 'ipam/prefixes.csv': 'Prefix,Status,Utilization,Description\n10.80.0.0/16,Active,25%,Branches\n' }));
    const [item] = buildAddressMap(result.scopes).clusters[0].items.filter((i) => i.lane === 'ipam');
    assert.deepEqual(item.usage, { allocated: 16384n, capacity: 65536n, unit: 'addresses (as the IPAM reports)' });
  });
});
