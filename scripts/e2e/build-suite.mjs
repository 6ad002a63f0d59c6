// Bundles the e2e suite (test/e2e/suite/) into one CommonJS file that both runners hand to VS Code's
// extension host. `vscode` stays external: the extension host provides it.
import { build } from 'esbuild';
import { join } from 'node:path';
import { ROOT, SUITE_BUNDLE } from '../../test/e2e/runner/paths.mjs';

export async function buildSuite() {
  await build({
    entryPoints: [join(ROOT, 'test/e2e/suite/index.ts')],
    outfile: SUITE_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    logLevel: 'warning',
  });
  return SUITE_BUNDLE;
}
