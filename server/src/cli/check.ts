// `cidr-lens check`: findings in one of four formats, and the exit code that gates a pipeline.

import { Severity, rules } from '../core';
import type { CliOptions } from './args';
import type { WorkspaceAnalysis } from './analysis';
import type { CommandOutput } from './command';
import { formatGithub } from './format/github';
import { formatJson } from './format/json';
import { RuleMetadata, formatSarif } from './format/sarif';
import { formatSummaryLine, formatText } from './format/text';
import { Report, buildReport } from './report';

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 1, warning: 2, error: 3 };

/** Mistakes in `.cidr-lens.yaml` are findings too, though not a rule of the catalogue. */
const CONFIG_RULE: RuleMetadata = {
  id: 'invalid-config',
  defaultSeverity: 'error',
  description: 'A .cidr-lens.yaml file holds a mistake: a value that does not parse or is of the wrong type or size, an unknown key or rule, a bad rule setting, or a path out of the workspace.',
  helpUri: 'https://github.com/cidr-lens/cidr-lens/blob/main/README.md#configuration',
};

export function check(options: CliOptions, analysis: WorkspaceAnalysis, style: { color: boolean }): CommandOutput {
  const report = buildReport(analysis.result, analysis.workspace);
  return { ...render(report, options.format, analysis, style), exitCode: exitCode(report, options.failOn) };
}

function render(report: Report, format: string, analysis: WorkspaceAnalysis, style: { color: boolean }): Omit<CommandOutput, 'exitCode'> {
  switch (format) {
    case 'json':
      return { stdout: formatJson(report) };
    case 'sarif':
      return { stdout: formatSarif({ report, rules: [...rules, CONFIG_RULE], cwd: process.cwd(), internalErrors: analysis.result.internalErrors }) };
    case 'github':
      return { stdout: formatGithub(report), stderr: formatSummaryLine(report) };
    default:
      return { stdout: formatText(report, style), stderr: formatSummaryLine(report) };
  }
}

function exitCode(report: Report, failOn: CliOptions['failOn']): number {
  if (failOn === 'never') return 0;
  const threshold = SEVERITY_RANK[failOn];
  return report.findings.some((f) => SEVERITY_RANK[f.severity] >= threshold) ? 1 : 0;
}
