// `check --format github`: workflow commands that GitHub Actions turns into annotations on the
// pull request's diff, one line per finding:
//   ::error file=k8s/kubeadm.yaml,line=12,col=17,endLine=12,endColumn=30,title=range-overlap::message
// Escaping follows GitHub's toolkit (@actions/core `command.ts`): in the message `%`, CR and LF are
// percent-encoded; in properties `:` and `,` are too, since they delimit the command.

import type { Severity } from '../../core';
import type { Report, ReportedFinding } from '../report';

const COMMANDS: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'notice' };

export function formatGithub(report: Report): string {
  return report.findings.map(annotation).join('');
}

function annotation(finding: ReportedFinding): string {
  const { start, end } = finding.range;
  const properties: Array<[string, number | string]> = [['file', finding.file], ['line', start.line + 1]];
  // GitHub rejects columns on an annotation that spans lines; such a finding is marked by lines only.
  const singleLine = start.line === end.line;
  if (singleLine) properties.push(['col', start.character + 1]);
  properties.push(['endLine', end.line + 1]);
  if (singleLine) properties.push(['endColumn', end.character + 1]);
  properties.push(['title', finding.rule]);
  const list = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  return `::${COMMANDS[finding.severity]} ${list}::${escapeData(finding.message)}\n`;
}

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
