// A real VS Code server (the one inside the code-server npm package), run on Node 24 with fresh state.
//
// The server ignores --extensionDevelopmentPath/--extensionTestsPath, so extensions reach it the way
// a user's do: installed into its extensions folder. Its extension host inherits the server's
// environment, which is how the harness extension learns which suite to run and where to report.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NODE24, SERVER_MAIN } from './paths.mjs';
import { start, waitForOutput } from './processes.mjs';

/** Fresh folders for one run; nothing is carried over from an earlier run. */
export function makeSession(root) {
  rmSync(root, { recursive: true, force: true });
  const dirs = {
    root,
    userData: join(root, 'user-data'),
    serverData: join(root, 'server-data'),
    extensions: join(root, 'extensions'),
    workspaces: join(root, 'workspaces'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  return dirs;
}

/**
 * Copies a workspace so that quick fixes applied by the tests never touch the repository's fixtures.
 * Returns the copy's absolute path.
 */
export function copyWorkspace(session, source, name = 'workspace') {
  const target = join(session.workspaces, name);
  cpSync(source, target, { recursive: true });
  return target;
}

/**
 * Installs a .vsix the way VS Code lays it out: the archive's `extension/` folder becomes
 * `<publisher>.<name>-<version>/` in the extensions folder. Returns the extension's id and folder.
 */
export function installVsix(session, vsixPath) {
  const scratch = join(session.root, 'vsix-unpack');
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch);
  execFileSync('unzip', ['-q', vsixPath, 'extension/*', '-d', scratch]);
  return installFolder(session, join(scratch, 'extension'), { move: true });
}

/** Installs an unpacked extension folder (package.json at its root), e.g. the test harness. */
export function installFolder(session, folder, { move = false } = {}) {
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
  const id = `${manifest.publisher}.${manifest.name}`;
  const target = join(session.extensions, `${id}-${manifest.version}`);
  if (move) renameSync(folder, target);
  else cpSync(folder, target, { recursive: true });
  return { id, version: manifest.version, path: target };
}

/**
 * User settings for the test window. The web workbench of this server keeps user settings on the
 * server under --user-data-dir, so writing the file before start is enough.
 */
export function writeUserSettings(session, settings) {
  const dir = join(session.userData, 'User');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'settings.json'), JSON.stringify(settings, null, 2));
}

/** Settings that keep the window quiet and deterministic: no welcome page, tips, AI panels or updates. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.commandCenter.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'editor.hover.delay': 100,
};

/**
 * Starts the server on a port the OS picks (--port 0; the server prints the one it bound), and
 * resolves once it listens. `env` is added to the server's environment and so reaches the extension
 * host. Output goes to `logFile`.
 */
export async function startServer(session, { env = {}, logStream, timeoutMs = 60_000 } = {}) {
  const args = [
    SERVER_MAIN,
    '--host', '127.0.0.1',
    '--port', '0',
    '--without-connection-token',
    '--accept-server-license-terms',
    '--disable-telemetry',
    '--disable-workspace-trust',
    '--user-data-dir', session.userData,
    '--server-data-dir', session.serverData,
    '--extensions-dir', session.extensions,
  ];
  const child = start(NODE24, args, { env: { ...process.env, ...env } });
  if (logStream) {
    child.stdout.pipe(logStream, { end: false });
    child.stderr.pipe(logStream, { end: false });
  }
  const [, port] = await waitForOutput(child, /Extension host agent listening on (\d+)/, timeoutMs, 'the VS Code server to listen');
  return { child, port: Number(port), url: `http://127.0.0.1:${port}` };
}
