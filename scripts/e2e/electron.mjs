#!/usr/bin/env node
// `npm run test:e2e:electron`: Runner 1. The same suite as `npm run test:e2e`, under
// @vscode/test-electron's runTests(): the desktop VS Code, downloaded from Microsoft's update service,
// with this repository as the extension under development (its built bundles, not the .vsix).
//
// That download needs the internet. Where only the npm registry is reachable (these build machines),
// the runner stops with a message saying so, within the download's own timeout; use `npm run test:e2e`
// there. On Linux without a display, run it under a virtual one: `xvfb-run -a npm run test:e2e:electron`.
//
// @vscode/test-electron is pinned to the 2.x line in devDependencies, because 3.x requires Node 22 and
// the project runs on Node 20.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { CACHE, ROOT, WORKSPACE } from '../../test/e2e/runner/paths.mjs';
import { buildSuite } from './build-suite.mjs';

const VSCODE_CACHE = join(CACHE, 'electron-vscode');
const SESSION = join(CACHE, 'electron-session');
// An idle timeout: no byte from the update service for this long ends the download attempt.
const DOWNLOAD_IDLE_TIMEOUT_MS = 15_000;

function loadTestElectron() {
  return createRequire(join(ROOT, 'package.json'))('@vscode/test-electron');
}

/** The bundles that package.json's `main` and the server module point at, built from the sources. */
function buildExtension() {
  const result = spawnSync(process.execPath, ['build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('node build.mjs failed');
}

/** Fresh user data, extensions folder and a copy of the workspace, so quick fixes never touch the fixtures. */
function makeSession() {
  rmSync(SESSION, { recursive: true, force: true });
  const dirs = { userData: join(SESSION, 'user-data'), extensions: join(SESSION, 'extensions'), workspace: join(SESSION, 'workspace') };
  mkdirSync(dirs.userData, { recursive: true });
  mkdirSync(dirs.extensions, { recursive: true });
  cpSync(WORKSPACE, dirs.workspace, { recursive: true });
  return dirs;
}

async function downloadVSCode(testElectron) {
  try {
    return await testElectron.downloadAndUnzipVSCode({
      cachePath: VSCODE_CACHE,
      extensionDevelopmentPath: ROOT, // picks the newest stable VS Code that satisfies engines.vscode
      timeout: DOWNLOAD_IDLE_TIMEOUT_MS,
    });
  } catch (error) {
    throw new Error(
      `cannot download VS Code from Microsoft's update service (${error?.message ?? error}).\n` +
        'This runner needs internet access to update.code.visualstudio.com. Where only the npm registry is ' +
        'reachable, run the same suite with `npm run test:e2e` (a VS Code server from the code-server npm package).',
    );
  }
}

async function main() {
  const testElectron = loadTestElectron();
  // The download comes first: where it cannot succeed, the run ends before anything is built.
  const vscodeExecutablePath = await downloadVSCode(testElectron);
  buildExtension();
  const suite = await buildSuite();
  const session = makeSession();
  const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  if (noDisplay) console.warn('e2e:electron: no DISPLAY; if VS Code fails to start, run under `xvfb-run -a`.');
  await testElectron.runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: suite,
    launchArgs: [
      session.workspace,
      '--disable-extensions', // other installed extensions stay out; the one under development loads
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      `--user-data-dir=${session.userData}`,
      `--extensions-dir=${session.extensions}`,
    ],
  });
}

try {
  await main();
  console.log('e2e:electron: passed');
} catch (error) {
  console.error(`e2e:electron: ${error?.message ?? error}`);
  process.exitCode = 1;
}
