// Entry point of the e2e suite inside VS Code's extension host. It follows @vscode/test-electron's
// extensionTestsPath contract (export `run(): Promise`, reject to fail), so Runner 1 loads it as is;
// Runner 2's harness extension loads the same bundle and reads the per-test results it carries.
import { TestList, type TestResult } from './framework';
import { registerTests } from './tests';
import { leaveEditorsAsFound } from './workspace';

export async function run(): Promise<{ tests: TestResult[] }> {
  const list = new TestList();
  registerTests(list.register);
  const tests = await list.run();
  await leaveEditorsAsFound();
  // Under @vscode/test-electron this console is the terminal's; under Runner 2 it lands in
  // browser-console.log, and the runner prints the results itself.
  for (const t of tests) console.log(`${t.ok ? 'ok  ' : 'FAIL'} ${t.name} (${t.ms} ms)${t.ok ? '' : `\n     ${t.error}`}`);
  const failed = tests.filter((t) => !t.ok);
  if (failed.length > 0) {
    throw Object.assign(new Error(`${failed.length} of ${tests.length} e2e tests failed: ${failed.map((t) => t.name).join('; ')}`), { tests });
  }
  return { tests };
}
