// Test-only extension that Runner 2 installs beside the extension under test. The VS Code server
// refuses --extensionTestsPath ("not supported for server"), so a suite that needs the `vscode` API
// has to be started from inside an installed extension. Keeping that here, rather than in CIDR Lens
// itself, leaves the shipped .vsix free of any test hook.
//
// The extension host inherits the server's environment, which names the work:
//   CIDR_LENS_E2E_SUITE    absolute path of a CommonJS module exporting `run(): Promise` — the same
//                          contract as @vscode/test-electron's extensionTestsPath, so Runner 1 and
//                          Runner 2 share one suite. Resolving means passed, rejecting means failed;
//                          the value (or the error's `tests` property) may carry per-test results
//                          `[{ name, ok, ms, error? }]`.
//   CIDR_LENS_E2E_RESULTS  absolute path of the JSON report to write: { ok, ms, tests?, error? }.
//                          It is written to a temporary name and renamed, so a watcher that sees it
//                          sees it whole.
const fs = require('node:fs');

exports.activate = function () {
  const suitePath = process.env.CIDR_LENS_E2E_SUITE;
  const resultsPath = process.env.CIDR_LENS_E2E_RESULTS;
  if (!suitePath || !resultsPath) return;
  // onStartupFinished fires again after a window reload; one report per server is what the runner wants.
  if (fs.existsSync(resultsPath)) return;
  // Not awaited: activation must return promptly, and the suite may wait on other extensions activating.
  runSuite(suitePath, resultsPath);
};

async function runSuite(suitePath, resultsPath) {
  const started = Date.now();
  let report;
  try {
    const value = await require(suitePath).run();
    report = { ok: true, tests: value && value.tests };
  } catch (error) {
    report = { ok: false, tests: error && error.tests, error: String((error && error.stack) || error) };
  }
  report.ms = Date.now() - started;
  const tmp = `${resultsPath}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(report, null, 2));
  fs.renameSync(tmp, resultsPath);
}

exports.deactivate = function () {};
