// Suppression comments: `# cidr-lens-disable-next-line RULE[,RULE]` silences findings that start on
// the next line; `# cidr-lens-disable-file RULE[,RULE]` silences them in the whole file. Without a
// rule list, every rule is silenced.

import type { Finding } from '../model';

export interface Suppressions {
  /** Rules silenced in the whole file; `'*'` silences all. */
  readonly file: ReadonlySet<string>;
  /** Spans of lines (start inclusive, end exclusive) with the rules silenced on each. */
  readonly lines: ReadonlyArray<{ readonly start: number; readonly end: number; readonly rules: ReadonlySet<string> }>;
}

const DIRECTIVE = /#\s*cidr-lens-disable-(next-line|file)\b([ \t]+[A-Za-z0-9, \t-]*)?/g;

export function findSuppressions(text: string): Suppressions {
  const file = new Set<string>();
  const lines: Array<{ start: number; end: number; rules: ReadonlySet<string> }> = [];
  if (!text.includes('cidr-lens-disable')) return { file, lines };
  for (const match of text.matchAll(DIRECTIVE)) {
    const rules = parseRuleList(match[2] ?? '');
    if (match[1] === 'file') {
      for (const rule of rules) file.add(rule);
      continue;
    }
    const lineEnd = text.indexOf('\n', match.index);
    if (lineEnd < 0) continue;
    const nextEnd = text.indexOf('\n', lineEnd + 1);
    lines.push({ start: lineEnd + 1, end: nextEnd < 0 ? text.length : nextEnd, rules });
  }
  return { file, lines };
}

function parseRuleList(text: string): Set<string> {
  const rules = text.split(/[\s,]+/).filter((r) => r.length > 0);
  return new Set(rules.length === 0 ? ['*'] : rules);
}

export function isSuppressed(finding: Finding, suppressions: Suppressions): boolean {
  if (suppressions.file.has('*') || suppressions.file.has(finding.rule)) return true;
  return suppressions.lines.some(
    (l) => finding.span.start >= l.start && finding.span.start <= l.end && (l.rules.has('*') || l.rules.has(finding.rule)),
  );
}
