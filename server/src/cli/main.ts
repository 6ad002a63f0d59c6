// `cidr-lens`: the same engine as the editor, for CI (SPEC §5). Exit codes: 0 no finding at or above
// --fail-on, 1 some, 2 usage or internal error — always one line on stderr, never a stack trace.

import { CliOptions, USAGE, UsageError, parseArgs, wantsHelp } from './args';
import { WorkspaceAnalysis, analyzeWorkspace } from './analysis';
import { check } from './check';
import type { CommandOutput } from './command';
import { plan } from './plan';
import { suggest } from './suggest';
import { TOOL_VERSION } from './version';

async function main(argv: readonly string[]): Promise<number> {
  if (argv.length === 0) {
    process.stderr.write(USAGE + '\n');
    return 2;
  }
  if (wantsHelp(argv)) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (argv[0] === '--version') {
    process.stdout.write(TOOL_VERSION + '\n');
    return 0;
  }
  const options = parseArgs(argv);
  const analysis = await analyzeWorkspace(options, process.stderr);
  const output = run(options, analysis);
  process.stdout.write(output.stdout);
  if (output.stderr) process.stderr.write(output.stderr);
  for (const error of analysis.result.internalErrors) process.stderr.write(`cidr-lens: internal error (please report): ${error.split('\n')[0]}\n`);
  // A rule that failed leaves the findings incomplete: the run cannot vouch for a clean result.
  return analysis.result.internalErrors.length > 0 ? 2 : output.exitCode;
}

function run(options: CliOptions, analysis: WorkspaceAnalysis): CommandOutput {
  switch (options.command) {
    case 'check':
      return check(options, analysis, { color: useColor() });
    case 'plan':
      return plan(options, analysis);
    case 'suggest':
      return suggest(options, analysis);
  }
}

/** Colours only on a terminal, and never when NO_COLOR is set to a non-empty value (no-color.org). */
function useColor(): boolean {
  return process.stdout.isTTY === true && !process.env.NO_COLOR;
}

// A reader that stops early (`cidr-lens check | head`) closes the pipe: stop quietly, not with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') process.stderr.write(`cidr-lens: cannot write output: ${error.code ?? error.message}\n`);
  process.exit(error.code === 'EPIPE' ? (process.exitCode ?? 0) : 2);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof UsageError ? error.message : `internal error: ${error instanceof Error ? error.message : String(error)}`;
    process.stderr.write(`cidr-lens: ${message.split('\n')[0]}\n`);
    process.exitCode = 2;
  },
);
