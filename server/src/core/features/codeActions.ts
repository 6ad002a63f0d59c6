// Code-action data: the edits of "fix all canonicalisations in this file" (`source.fixAll.cidrLens`).
// Quick fixes need nothing here: each finding carries its own fixes.

import type { Finding, TextEdit } from '../model';

/**
 * The canonicalisation edits of one file, one per finding, without duplicates or overlaps: two
 * findings on one value (a dual-stack list judged twice) must not produce two edits of one span,
 * which an editor would reject.
 */
export function fixAllEdits(findings: readonly Finding[], uri: string): TextEdit[] {
  const edits = findings
    .flatMap((finding) => finding.fixes.find((fix) => fix.isCanonicalization)?.edits ?? [])
    .filter((edit) => edit.uri === uri)
    .sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const kept: TextEdit[] = [];
  for (const edit of edits) {
    const previous = kept[kept.length - 1];
    if (previous && (edit.span.start < previous.span.end || edit.span.start === previous.span.start)) continue;
    kept.push(edit);
  }
  return kept;
}
