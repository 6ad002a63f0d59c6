// Edit → diagnostics latency through the real server on the benchmark's 2,000-file repository (most
// files Deployments and ConfigMaps, some Services, Nodes and pools, one kubeadm and one Flannel
// config). Measured and printed, never asserted: timing belongs to `npm run bench`, which turns it
// into a ratio; a shared machine's noise must not fail the suite.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { generateRepository } from '../../bench/generate';
import { ANALYSIS_DEBOUNCE_MS } from '../../server/src/lsp/server';
import { LspClient } from '../support/lspClient';
import { SERVER, positionOf } from './session';

const EDITS = 40;

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

describe('edit → diagnostics latency on 2,000 files', () => {
  const root = mkdtempSync(join(tmpdir(), 'cidr-lens-latency-'));
  const client = new LspClient(SERVER);

  before(async () => {
    generateRepository(root, 2000);
    client.handlers.set('workspace/configuration', (params) => (params as { items: unknown[] }).items.map(() => ({})));
    await client.initialize(pathToFileURL(root).href);
  });

  after(async () => {
    await client.shutdown();
    rmSync(root, { recursive: true, force: true });
  });

  it('measures p50 and p95, debounce excluded', async (t) => {
    const path = join(root, 'cluster/kubeadm.yaml');
    const uri = pathToFileURL(path).href;
    const healthy = readFileSync(path, 'utf8');
    const start = positionOf(healthy, '10.244.0.0/16');
    const end = { line: start.line, character: start.character + '10.244.0.0/16'.length };
    // A hover is answered once the scan and its analysis are done: the clock starts on a settled server.
    await client.request('textDocument/hover', { textDocument: { uri }, position: start }, 120_000);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: healthy } });
    const latencies: number[] = [];
    let current = '10.244.0.0/16';
    for (let edit = 0; edit < EDITS; edit++) {
      // Alternate between a pod subnet that overlaps the service range and the healthy one, so every edit changes the diagnostics.
      const overlapping = edit % 2 === 0;
      const next = overlapping ? '10.96.0.0/16 ' : '10.244.0.0/16';
      const published = client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'range-overlap') === overlapping, 30_000);
      const sent = performance.now();
      client.notify('textDocument/didChange', { textDocument: { uri, version: edit + 2 }, contentChanges: [{ range: { start, end }, text: next }] });
      await published;
      latencies.push(performance.now() - sent - ANALYSIS_DEBOUNCE_MS);
      current = next;
    }
    assert.equal(current, '10.244.0.0/16');
    const p50 = percentile(latencies, 50).toFixed(1);
    const p95 = percentile(latencies, 95).toFixed(1);
    t.diagnostic(`edit → diagnostics over LSP, 2,000 files, ${EDITS} edits, ${ANALYSIS_DEBOUNCE_MS} ms debounce excluded: p50 ${p50} ms, p95 ${p95} ms`);
  });
});
