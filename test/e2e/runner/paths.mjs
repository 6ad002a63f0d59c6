// Where Runner 2 finds what scripts/e2e/setup.sh installed. Kept in one place so the runner and the
// setup script cannot drift apart silently: a missing piece names the script that provides it.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const CACHE = join(ROOT, '.vscode-test');
export const NODE24 = join(CACHE, 'runtime/node_modules/node/bin/node');
export const SERVER_MAIN = join(CACHE, 'code-server/node_modules/code-server/lib/vscode/out/server-main.js');
export const CHROMIUM = process.env.CIDR_LENS_E2E_CHROMIUM || '/usr/bin/chromium';
export const HARNESS = join(ROOT, 'test/e2e/harness');
export const VSCE = join(ROOT, 'node_modules/@vscode/vsce/vsce');
export const RESULTS_DIR = join(ROOT, 'test-results/e2e'); // git-ignored; the runner empties it
// The bundled suite (scripts/e2e/build-suite.mjs). Not under out/: `node build.mjs` empties out/, and
// other work runs it at any time.
export const SUITE_BUNDLE = join(CACHE, 'suite/index.js');
export const WORKSPACE = join(ROOT, 'test/e2e/workspace');
export const UI_CHECKS = join(ROOT, 'test/e2e/ui.mjs');

export function assertInstalled() {
  const missing = [NODE24, SERVER_MAIN, CHROMIUM, VSCE].filter((p) => !existsSync(p));
  if (missing.length) {
    throw new Error(`e2e prerequisites missing (${missing.join(', ')}); run: bash scripts/e2e/setup.sh`);
  }
}
