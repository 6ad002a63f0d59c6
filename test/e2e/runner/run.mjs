#!/usr/bin/env node
// Runner 2: the extension, installed from its .vsix into a real VS Code server, exercised two ways —
// a `vscode`-API suite inside the extension host, and UI checks through the workbench in Chromium.
//
//   node test/e2e/runner/run.mjs --vsix cidr-lens.vsix --workspace test/e2e/workspace \
//     [--suite out/test/e2e/suite.js] [--ui test/e2e/ui.mjs] [--settings file.json] \
//     [--extension DIR]... [--unpack] [--timeout-ms 180000] [--step-timeout-ms 30000] \
//     [--results test-results/e2e]
//
// --suite  CommonJS module run inside the extension host by the harness extension (see
//          test/e2e/harness/extension.js for the contract; it is @vscode/test-electron's).
// --ui     ES module whose default export receives { test, page, ui, workspace, screenshot } and
//          registers UI checks with test(name, fn); they run after the suite, in the same window.
// --extension  an extra extension folder (built, package.json at its root) to pack and install beside
//          the one under test, as the harness is.
// --unpack unzip the .vsix files into place instead of using VS Code's installer (to tell the two apart).
// --timeout-ms bounds the server start, the workbench load and the suite; --step-timeout-ms bounds
//          each wait of a UI check (a selector that never shows fails that check, not the run).
// Prerequisites come from `bash scripts/e2e/setup.sh`. Ends every process it started, also on failure.
import { copyFileSync, cpSync, createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { constants } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import * as ui from './browser.mjs';
import { CACHE, HARNESS, RESULTS_DIR, assertInstalled } from './paths.mjs';
import { killAllStartedSync, stop, waitForFile } from './processes.mjs';
import { QUIET_SETTINGS, copyWorkspace, installVsix, makeSession, packFolder, startServer, unpackVsix, writeUserSettings } from './vscode-server.mjs';

const { values: opts } = parseArgs({
  options: {
    vsix: { type: 'string' },
    workspace: { type: 'string' },
    suite: { type: 'string' },
    ui: { type: 'string' },
    settings: { type: 'string' },
    extension: { type: 'string', multiple: true, default: [] },
    unpack: { type: 'boolean', default: false },
    'timeout-ms': { type: 'string', default: '180000' },
    'step-timeout-ms': { type: 'string', default: '30000' },
    results: { type: 'string', default: RESULTS_DIR },
  },
});
if (!opts.vsix || !opts.workspace || (!opts.suite && !opts.ui)) {
  console.error('usage: run.mjs --vsix FILE --workspace DIR [--suite FILE] [--ui FILE] [--settings FILE] [--extension DIR]...');
  process.exit(2);
}
const timeoutMs = Number(opts['timeout-ms']);
const stepTimeoutMs = Number(opts['step-timeout-ms']);
const resultsDir = resolve(opts.results);
rmSync(resultsDir, { recursive: true, force: true }); // screenshots of an earlier run would mislead
mkdirSync(resultsDir, { recursive: true });

// Whatever happens, no server or browser outlives the runner.
process.on('exit', killAllStartedSync);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    console.error(`e2e: ${signal}, ending the server and the browser`);
    process.exit(128 + constants.signals[signal]);
  });
}

const t0 = Date.now();
const timings = {};
const mark = (name) => (timings[name] = Date.now() - t0);
const tests = []; // { name, ok, ms, error?, phase }
let session;
let server;
let browser;
let page;
let consoleLog;
let serverLog;

try {
  assertInstalled();
  session = makeSession(join(CACHE, 'session'));
  const helpers = [HARNESS, ...opts.extension.map((dir) => resolve(dir))].map((dir) => packFolder(session, dir));
  let installed;
  if (opts.unpack) {
    installed = unpackVsix(session, resolve(opts.vsix));
    for (const vsix of helpers) unpackVsix(session, vsix);
  } else {
    [installed] = installVsix(session, resolve(opts.vsix), ...helpers);
  }
  const workspace = copyWorkspace(session, resolve(opts.workspace), basename(resolve(opts.workspace)));
  const extraSettings = opts.settings ? JSON.parse(readFileSync(opts.settings, 'utf8')) : {};
  writeUserSettings(session, { ...QUIET_SETTINGS, ...extraSettings });
  console.log(`e2e: ${installed.id}@${installed.version} installed; workspace ${workspace}`);

  const suiteResults = join(session.root, 'suite-results.json');
  const env = opts.suite ? { CIDR_LENS_E2E_SUITE: resolve(opts.suite), CIDR_LENS_E2E_RESULTS: suiteResults } : {};
  serverLog = createWriteStream(join(resultsDir, 'server.log'));
  server = await startServer(session, { env, logStream: serverLog });
  mark('serverListening');
  console.log(`e2e: VS Code server on ${server.url} (pid ${server.child.pid}) after ${timings.serverListening} ms`);
  // A server that dies ends every wait below at once instead of at its timeout.
  const serverDied = server.child.exited.then(({ code, signal }) => {
    throw new Error(`VS Code server exited early (${code ?? signal}); see ${join(resultsDir, 'server.log')}`);
  });
  serverDied.catch(() => {});

  browser = await ui.launchBrowser(join(session.root, 'chromium-profile'));
  mark('browserStarted');
  consoleLog = createWriteStream(join(resultsDir, 'browser-console.log'));
  page = await Promise.race([
    ui.openWorkbench(browser.browser, server.url, workspace, { timeoutMs, onConsole: (line) => consoleLog.write(`${line}\n`) }),
    serverDied,
  ]);
  mark('workbenchReady');
  console.log(`e2e: workbench ready after ${timings.workbenchReady - timings.serverListening} ms`);
  page.setDefaultTimeout(stepTimeoutMs);
  const screenshot = (name) => page.screenshot({ path: join(resultsDir, `${name}.png`) });

  if (opts.suite) {
    await waitForFile(suiteResults, timeoutMs, 'the extension-host suite to report', serverDied);
    mark('suiteDone');
    copyFileSync(suiteResults, join(resultsDir, 'suite-results.json'));
    const report = JSON.parse(readFileSync(suiteResults, 'utf8'));
    for (const t of report.tests ?? [{ name: basename(opts.suite), ok: report.ok, ms: report.ms }]) tests.push({ ...t, phase: 'api' });
    if (!report.ok && !tests.some((t) => !t.ok)) tests.push({ name: 'suite', ok: false, error: report.error, phase: 'api' });
    if (!report.ok && report.error) console.error(report.error);
  }

  if (opts.ui) {
    const registered = [];
    const mod = await import(pathToFileURL(resolve(opts.ui)).href);
    await mod.default({ test: (name, fn) => registered.push({ name, fn }), page, ui, workspace, screenshot, resultsDir });
    for (const { name, fn } of registered) {
      const started = Date.now();
      try {
        await Promise.race([fn(), serverDied]);
        tests.push({ name, ok: true, ms: Date.now() - started, phase: 'ui' });
      } catch (error) {
        tests.push({ name, ok: false, ms: Date.now() - started, error: String(error?.stack ?? error), phase: 'ui' });
        await screenshot(`FAILED-${name.replace(/[^\w.-]+/g, '_')}`).catch(() => {});
        await ui.dismiss(page).catch(() => {});
      }
    }
    mark('uiDone');
  }
} catch (error) {
  tests.push({ name: 'runner', ok: false, error: String(error?.stack ?? error), phase: 'runner' });
  await page?.screenshot({ path: join(resultsDir, 'FAILED-runner.png') }).catch(() => {});
} finally {
  // Closing the CDP connection leaves Chromium running: it is ended by pid like the server.
  await browser?.browser.close().catch(() => {});
  await stop(browser?.child);
  await stop(server?.child);
  mark('total');
  consoleLog?.end();
  serverLog?.end();
  // VS Code's own logs (extension host, each extension's output channel, e.g. the language client's
  // trace) are the first thing to read when a check fails in CI.
  const logs = session && join(session.userData, 'logs');
  if (logs && existsSync(logs)) cpSync(logs, join(resultsDir, 'vscode-logs'), { recursive: true, force: true });
}

writeFileSync(join(resultsDir, 'e2e-report.json'), JSON.stringify({ timings, tests }, null, 2));
for (const t of tests) {
  console.log(`${t.ok ? 'ok  ' : 'FAIL'} [${t.phase}] ${t.name}${t.ms !== undefined ? ` (${t.ms} ms)` : ''}`);
  if (!t.ok && t.error) console.log(`     ${t.error.split('\n').join('\n     ')}`);
}
console.log(`e2e: timings ${JSON.stringify(timings)}; screenshots and logs in ${resultsDir}`);
const passed = tests.filter((t) => t.ok).length;
const failed = tests.length - passed;
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed || !passed ? 1 : 0;
