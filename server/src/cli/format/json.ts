// `check --format json`: exactly the shape of SPEC §5, field order included.

import type { Report } from '../report';
import { TOOL_NAME, TOOL_VERSION } from '../version';

export function formatJson(report: Report): string {
  const document = {
    version: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    findings: report.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      file: f.file,
      range: f.range,
      cluster: f.cluster,
      related: f.related,
      fixes: f.fixes,
    })),
    summary: report.summary,
  };
  return JSON.stringify(document, null, 2) + '\n';
}
