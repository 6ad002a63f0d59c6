// A long editing session: 10,000 edits to an open manifest (with documents opened and closed along the
// way), analysed as they come (no debounce), while the server's resident memory is read from
// /proc/<pid>/status. After a warm-up the memory must stay flat: its growth over the remaining edits is
// compared to a generous bound, and the numbers are printed.

import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { LspClient } from '../support/lspClient';
import { TempWorkspace, tempWorkspace } from '../support/workspace';
import { SERVER, residentMb } from './support/serverSession';

const EDITS = 10_000;
const WARM_UP = 1_000;
/** Edits between two checkpoints, each of which waits until the server has analysed everything. */
const CHECKPOINT_EVERY = 250;
/** A leak of one document version per edit would add hundreds of megabytes; noise stays far below this. */
const GROWTH_BOUND_MB = 64;

/** A cluster file of a realistic size, whose pod subnet the edits keep changing. */
function manifest(): string {
  const services = Array.from({ length: 8 }, (_, i) => `---\napiVersion: v1\nkind: Service\nmetadata: {name: svc-${i}}\nspec:\n  clusterIP: 10.96.0.${i + 10}\n`).join('');
  return `apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\nnetworking:\n  podSubnet: 10.244.0.0/16\n  serviceSubnet: 10.96.0.0/12\n${services}`;
}

/** Pod subnets of the same length, so each edit replaces 13 characters: some overlap the service range. */
const POD_SUBNETS = ['10.244.0.0/16', '10.96.0.0/16', '10.245.0.0/16', '10.97.0.0/16', '10.10.0.0/16'];

describe('server memory over a long editing session', () => {
  let ws: TempWorkspace | undefined;
  let client: LspClient | undefined;
  after(async () => {
    try {
      await client?.shutdown();
    } finally {
      ws?.dispose();
    }
  });

  it(`stays flat over ${EDITS.toLocaleString('en-US')} edits`, { timeout: 300_000 }, async (t) => {
    if (process.platform !== 'linux') return t.skip('reads /proc, which only Linux has');
    const workspace = (ws = tempWorkspace({ 'cluster/kubeadm.yaml': manifest() }));
    const server = (client = new LspClient(SERVER));
    server.handlers.set('workspace/configuration', (params) => (params as { items: unknown[] }).items.map(() => ({})));
    await server.initialize(workspace.rootUri, {}, { analysisDebounceMs: 0 });
    const uri = workspace.uri('cluster/kubeadm.yaml');
    server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: manifest() } });
    const podValue = { start: { line: 3, character: 13 }, end: { line: 3, character: 26 } };
    const pid = server.pid!;

    /** Waits until every edit so far is analysed: a hover is answered only then. */
    const checkpoint = () => server.request('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 15 } }, 30_000);
    const samples: Array<{ edits: number; mb: number }> = [];
    for (let i = 1; i <= EDITS; i++) {
      server.notify('textDocument/didChange', { textDocument: { uri, version: i + 1 }, contentChanges: [{ range: podValue, text: POD_SUBNETS[i % POD_SUBNETS.length] }] });
      if (i % 100 === 0) {
        // Documents opened and closed along the way: per-file state must not pile up either.
        const scratch = workspace.uri(`scratch/edit-${i}.yaml`);
        server.notify('textDocument/didOpen', { textDocument: { uri: scratch, languageId: 'yaml', version: 1, text: manifest() } });
        server.notify('textDocument/didClose', { textDocument: { uri: scratch } });
      }
      if (i % CHECKPOINT_EVERY === 0) {
        await checkpoint();
        const mb = residentMb(pid);
        if (mb !== undefined) samples.push({ edits: i, mb });
      }
    }
    assert.ok(server.running);
    const afterWarmUp = samples.find((s) => s.edits >= WARM_UP)!;
    const last = samples[samples.length - 1];
    const peak = Math.max(...samples.map((s) => s.mb));
    console.log(`  server RSS: ${afterWarmUp.mb.toFixed(1)} MB after ${afterWarmUp.edits} edits, ${last.mb.toFixed(1)} MB after ${last.edits} (peak ${peak.toFixed(1)} MB, growth ${(last.mb - afterWarmUp.mb).toFixed(1)} MB, bound ${GROWTH_BOUND_MB} MB)`);
    assert.ok(last.mb - afterWarmUp.mb < GROWTH_BOUND_MB, `memory grew by ${(last.mb - afterWarmUp.mb).toFixed(1)} MB`);
  });
});
