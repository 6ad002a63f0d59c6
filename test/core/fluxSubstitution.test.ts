// Flux post-build substitution: every fixture under test/fixtures/flux-substitution/ runs through
// `checkSubstitutions`, one test per file; the fixes and reuse of substituted files are checked here.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, readManifestFile } from '../../server/src/core';
import { checkSubstitutions, fixtureFindings } from '../support/check';
import { fixtureFiles } from '../support/fixtureFiles';

describe('flux substitution fixtures', () => {
  for (const file of fixtureFiles('test/fixtures/flux-substitution')) it(file, () => checkSubstitutions(file));
});

const SETTINGS = (pool: string) => `#- file: flux/settings.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: cluster-settings
  namespace: flux-system
data:
  LB_POOL: ${pool}
  LB_PREFIX: "10.96.1"
#- file: flux/apps.yaml
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: apps
  namespace: flux-system
spec:
  path: ./apps
  postBuild:
    substituteFrom:
      - kind: ConfigMap
        name: cluster-settings
#- file: apps/kubeadm.yaml
apiVersion: kubeadm.k8s.io/v1beta3
kind: ClusterConfiguration
networking:
  podSubnet: 10.244.0.0/16
  serviceSubnet: 10.96.0.0/12
#- file: apps/pools.yaml
apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata:
  name: main
spec:
  addresses: ["\${LB_POOL}"]
---
apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata:
  name: pieced
spec:
  addresses: ["\${LB_PREFIX}.0/24"]
`;

describe('flux substitution fixes and reuse', () => {
  it('moves a substituted value where it is set: the ConfigMap, not the placeholder', () => {
    const { fixture, findings } = fixtureFindings(SETTINGS('10.96.0.0/24'));
    const pool = findings.find((f) => f.rule === 'range-overlap' && f.uri.endsWith('apps/pools.yaml') && f.message.startsWith('10.96.0.0/24'));
    assert.ok(pool, 'the substituted pool inside the service range is found');
    const poolsText = fixture.files.find((f) => f.path === 'apps/pools.yaml')!.text;
    assert.equal(poolsText.slice(pool.span.start, pool.span.end), '${LB_POOL}');
    const edits = pool.fixes.flatMap((fix) => fix.edits);
    assert.ok(edits.length > 0, 'a move is offered');
    const settingsText = fixture.files.find((f) => f.path === 'flux/settings.yaml')!.text;
    for (const edit of edits) {
      assert.equal(edit.uri, '/fixture/flux/settings.yaml');
      assert.equal(settingsText.slice(edit.span.start, edit.span.end), '10.96.0.0/24');
    }
  });

  it('offers no edit for a value pieced together from a variable and other text', () => {
    const { findings } = fixtureFindings(SETTINGS('192.168.1.0/24'));
    const pieced = findings.filter((f) => f.rule === 'range-overlap' && f.message.startsWith('10.96.1.0/24'));
    assert.ok(pieced.length > 0, 'the pieced pool inside the service range is found');
    assert.deepEqual(pieced.flatMap((f) => f.fixes), []);
  });

  it('keeps a substituted file the same object while its variables keep their values', () => {
    const ks = readManifestFile('/ws/ks.yaml', 'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata: { name: apps }\nspec:\n  path: ./apps\n  postBuild:\n    substitute: { LB_ADDR: 192.168.1.10 }\n');
    const service = readManifestFile('/ws/apps/svc.yaml', 'apiVersion: v1\nkind: Service\nmetadata: { name: lb }\nspec:\n  type: LoadBalancer\n  loadBalancerIP: ${LB_ADDR}\n');
    const input = { folders: ['/ws'], files: [ks, service], configs: [] };
    const first = analyze(input);
    const second = analyze(input, first);
    const fileIn = (result: ReturnType<typeof analyze>) => result.scopes.flatMap((s) => s.scope.files).find((f) => f.uri === '/ws/apps/svc.yaml')!;
    assert.notEqual(fileIn(first), service, 'the file is read with its variable substituted');
    assert.equal(fileIn(first).facts.find((f) => f.role === 'lb-ip')?.text, '192.168.1.10');
    assert.equal(fileIn(second), fileIn(first));
    assert.equal(second.scopes[0], first.scopes[0], 'the scope is reused as it was');
  });
});
