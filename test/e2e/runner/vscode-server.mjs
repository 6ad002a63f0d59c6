// A real VS Code server (the one inside the code-server npm package), run on Node 24 with fresh state.
//
// The server ignores --extensionDevelopmentPath/--extensionTestsPath, so extensions reach it the way
// a user's do: installed into its extensions folder. Its extension host inherits the server's
// environment, which is how the harness extension learns which suite to run and where to report.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { NODE24, SERVER_MAIN, VSCE } from './paths.mjs';
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
 * Installs .vsix files as a user does (`code --install-extension x.vsix`): the server's own installer
 * validates each package (manifest, engines.vscode) and records it in the extensions folder's
 * extensions.json — which from then on is the list the server loads, so every extension of the run
 * must come in this way (a folder merely copied beside them is ignored). Returns, per .vsix, the
 * extension's id, version and folder.
 */
export function installVsix(session, ...vsixPaths) {
  const before = new Set(readdirSync(session.extensions));
  const args = [SERVER_MAIN, ...serverDirArgs(session), '--accept-server-license-terms'];
  for (const vsix of vsixPaths) args.push('--install-extension', vsix);
  execFileSync(NODE24, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const added = readdirSync(session.extensions)
    .filter((name) => !before.has(name) && name !== 'extensions.json' && !name.startsWith('.'))
    .map((name) => describe(join(session.extensions, name)));
  return vsixPaths.map((vsix) => {
    const id = vsixId(vsix);
    const found = added.find((x) => x.id.toLowerCase() === id.toLowerCase());
    if (!found) throw new Error(`VS Code's installer did not install ${vsix} into ${session.extensions}`);
    return found;
  });
}

/**
 * Packs an extension folder (package.json at its root, already built) into a .vsix with the project's
 * vsce, so that helper extensions such as the harness go through the same installer as the real one.
 */
export function packFolder(session, folder) {
  const { id, version } = describe(folder);
  const out = join(session.root, 'vsix', `${id}-${version}.vsix`);
  mkdirSync(dirname(out), { recursive: true });
  execFileSync(process.execPath, [VSCE, 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--out', out], {
    cwd: folder,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return out;
}

/** The id a .vsix declares, read from its package.json without unpacking it. */
function vsixId(vsix) {
  const manifest = JSON.parse(execFileSync('unzip', ['-p', vsix, 'extension/package.json'], { encoding: 'utf8' }));
  return `${manifest.publisher}.${manifest.name}`;
}

/**
 * The same result without VS Code's installer: the archive's `extension/` folder becomes
 * `<publisher>.<name>-<version>/`. Kept for diagnosing an installer failure.
 */
export function unpackVsix(session, vsixPath) {
  const scratch = join(session.root, 'vsix-unpack');
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch);
  execFileSync('unzip', ['-q', vsixPath, 'extension/*', '-d', scratch]);
  return installFolder(session, join(scratch, 'extension'), { move: true });
}

/** Installs an unpacked extension folder (package.json at its root), e.g. the test harness. */
export function installFolder(session, folder, { move = false } = {}) {
  const { id, version } = describe(folder);
  const target = join(session.extensions, `${id}-${version}`);
  if (move) renameSync(folder, target);
  else cpSync(folder, target, { recursive: true });
  return { id, version, path: target };
}

function describe(folder) {
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
  return { id: `${manifest.publisher}.${manifest.name}`, version: manifest.version, path: folder };
}

function serverDirArgs(session) {
  return ['--user-data-dir', session.userData, '--server-data-dir', session.serverData, '--extensions-dir', session.extensions];
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
  // The server forwards ports its helper processes open and announces each in a notification toast,
  // which can lie over the editor text the UI checks point at.
  'remote.autoForwardPorts': false,
  'editor.hover.delay': 100,
};

/**
 * Starts the server on a port the OS picks (--port 0; the server prints the one it bound), and
 * resolves once it listens. `env` is added to the server's environment and so reaches the extension
 * host. Its output is copied to `logStream`.
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
    ...serverDirArgs(session),
  ];
  const child = start(NODE24, args, { env: { ...process.env, ...env } });
  if (logStream) {
    child.stdout.pipe(logStream, { end: false });
    child.stderr.pipe(logStream, { end: false });
  }
  const [, port] = await waitForOutput(child, /Extension host agent listening on (\d+)/, timeoutMs, 'the VS Code server to listen');
  return { child, port: Number(port), url: `http://127.0.0.1:${port}` };
}
