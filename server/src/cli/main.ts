// `cidr-lens`: the same engine as the editor, for CI (SPEC §5). Exit codes: 0 no finding at or above
// --fail-on, 1 some, 2 usage or internal error — always one line on stderr, never a stack trace.

import { analyze, Severity } from '../core';
import { CliOptions, USAGE, UsageError, parseArgs } from './args';
import { buildReport } from './report';
import { formatJson } from './format/json';
import { formatSummaryLine, formatText } from './format/text';
import { formatPlan } from './plan';
import { loadWorkspace } from './workspace';

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 1, warning: 2, error: 3 };

async function main(argv: readonly string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    process.stdout.write(USAGE + '\n');
    return argv.length === 0 ? 2 : 0;
  }
  if (argv[0] === '--version') {
    process.stdout.write('0.1.0\n');
    return 0;
  }
  const options = parseArgs(argv);
  const workspace = await loadWorkspace(options.paths, options.config, options.scope);
  const result = analyze({ folders: workspace.folders, files: workspace.files, configs: workspace.configs });
  for (const error of result.internalErrors) process.stderr.write(`cidr-lens: internal error (please report): ${error.split('\n')[0]}\n`);
  if (options.command === 'plan') {
    process.stdout.write(formatPlan(result, workspace, options.format));
    return 0;
  }
  const texts = new Map<string, string>([...workspace.files.map((f) => [f.uri, f.text] as const), ...workspace.configs.map((c) => [c.uri, c.text] as const)]);
  const counts = {
    files: workspace.files.length + workspace.configs.filter((c) => c.text.length > 0).length,
    documents: workspace.files.reduce((n, f) => n + f.documents, 0),
    facts: workspace.files.reduce((n, f) => n + f.facts.length, 0),
  };
  const report = buildReport(result, texts, workspace.skipped, counts);
  writeCheck(report, options);
  return exitCode(report.findings.map((f) => f.severity), options.failOn);
}

function writeCheck(report: ReturnType<typeof buildReport>, options: CliOptions): void {
  if (options.format === 'json') {
    process.stdout.write(formatJson(report));
    return;
  }
  const color = process.stdout.isTTY === true && !('NO_COLOR' in process.env);
  process.stdout.write(formatText(report, { color }));
  process.stderr.write(formatSummaryLine(report));
}

function exitCode(severities: readonly Severity[], failOn: CliOptions['failOn']): number {
  if (failOn === 'never') return 0;
  const threshold = SEVERITY_RANK[failOn];
  return severities.some((s) => SEVERITY_RANK[s] >= threshold) ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`cidr-lens: ${error.message}\n`);
    } else {
      process.stderr.write(`cidr-lens: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    process.exitCode = 2;
  },
);
