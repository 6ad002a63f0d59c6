// `file:line:col severity rule message`, 1-based, one finding per line (SPEC §5); colours on a TTY.

import { formatCount } from '../../core';
import type { Report } from '../report';

export interface TextStyle {
  readonly color: boolean;
}

const COLORS = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', dim: '\x1b[2m', reset: '\x1b[0m' };

export function formatText(report: Report, style: TextStyle): string {
  const paint = (code: string, text: string) => (style.color ? `${code}${text}${COLORS.reset}` : text);
  return report.findings
    .map((f) => `${paint(COLORS.dim, `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1}`)} ${paint(COLORS[f.severity], f.severity)} ${f.rule} ${f.message}\n`)
    .join('');
}

export function formatSummaryLine(report: Report): string {
  const s = report.summary;
  const skipped = s.skipped.length > 0 ? `, ${s.skipped.length} skipped` : '';
  return `${count(s.errors, 'error')}, ${count(s.warnings, 'warning')}, ${count(s.infos, 'info')} in ${count(s.files, 'file')} (${count(s.facts, 'address fact')}${skipped})\n`;
}

function count(n: number, noun: string): string {
  return `${formatCount(n)} ${noun}${n === 1 ? '' : 's'}`;
}
