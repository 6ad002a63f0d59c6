// Parses manifest text into YAML documents. Never throws: a file or document that cannot be parsed
// is reported with a reason and left out, and the rest of the file is still analysed.

import { Document, Node, parseAllDocuments } from 'yaml';
import { indentQuotedContinuations } from './quotedIndent';
import { maskTemplates } from './templates';
import { SourceText } from './sourceText';

/** One `---`-separated document. Only documents without syntax errors are analysed. */
export interface ManifestDocument {
  readonly index: number;
  readonly source: SourceText;
  readonly yaml: Document.Parsed;
  readonly contents: Node | null;
  /** Syntax errors; a document with any is skipped, since the YAML extension reports them. */
  readonly errors: readonly string[];
  /** Whether an error is a quoted scalar left unclosed (the case `withQuotedIndentRecovered` retries). */
  readonly unclosedQuote?: boolean;
}

export interface ParseResult {
  readonly documents: readonly ManifestDocument[];
  /** Why the whole text was not parsed (binary, too deeply nested…); undefined when it was. */
  readonly skipped?: string;
}

export const BINARY_FILE = 'binary file';

/** Deeper flow nesting than this is never a real manifest, and could exhaust the parser's stack. */
const MAX_NESTING = 1000;

export function parseManifests(source: SourceText): ParseResult {
  const text = source.text;
  if (looksBinary(text)) return { documents: [], skipped: BINARY_FILE };
  if (nestingDepthExceeds(text, MAX_NESTING)) return { documents: [], skipped: `nesting deeper than ${MAX_NESTING} levels` };
  try {
    return { documents: withTemplatesMasked(source, withQuotedIndentRecovered(source, parseDocuments(source))) };
  } catch (error) {
    return { documents: [], skipped: `YAML parser failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function parseDocuments(source: SourceText): ManifestDocument[] {
  const parsed = parseAllDocuments(source.text, { uniqueKeys: false, prettyErrors: false, strict: false, stringKeys: false }) as Document.Parsed[];
  return (Array.isArray(parsed) ? parsed : []).map((yaml, index) => ({
    index,
    source,
    yaml,
    contents: yaml.contents as Node | null,
    errors: yaml.errors.map((e) => e.message.split('\n')[0]),
    unclosedQuote: yaml.errors.some((e) => e.code === 'MISSING_CHAR' && /quote/.test(e.message)),
  }));
}

/**
 * A text that fails only because quoted scalars' continuation lines are indented the way Go's YAML
 * allows (see quotedIndent.ts) is read from the re-indented copy instead. An unclosed quote can
 * swallow the documents after it, so the copy is taken whole when it parses with fewer failures.
 */
function withQuotedIndentRecovered(source: SourceText, documents: ManifestDocument[]): ManifestDocument[] {
  if (!documents.some((d) => d.unclosedQuote)) return documents;
  const relaxed = indentQuotedContinuations(source);
  if (!relaxed) return documents;
  const retried = parseDocuments(relaxed);
  const failures = (list: readonly ManifestDocument[]) => list.filter((d) => d.errors.length > 0).length;
  return failures(retried) < failures(documents) ? retried : documents;
}

/**
 * A text that fails because of template placeholders is read from a copy with them masked (see
 * templates.ts), when that copy parses with fewer failures.
 */
function withTemplatesMasked(source: SourceText, documents: ManifestDocument[]): ManifestDocument[] {
  if (!documents.some((d) => d.errors.length > 0)) return documents;
  const masked = maskTemplates(source);
  if (!masked) return documents;
  const retried = withQuotedIndentRecovered(masked, parseDocuments(masked));
  const failures = (list: readonly ManifestDocument[]) => list.filter((d) => d.errors.length > 0).length;
  return failures(retried) < failures(documents) ? retried : documents;
}

/** A NUL among the first 8 KB: no YAML or JSON text holds one, every binary format soon does. */
export function looksBinary(text: string): boolean {
  const probe = text.length > 8192 ? text.slice(0, 8192) : text;
  return probe.includes('\u0000');
}

/** Whether flow brackets or block indentation nest deeper than `limit`, found in one linear pass. */
function nestingDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let lineIndent = 0;
  let atLineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      atLineStart = true;
      lineIndent = 0;
      continue;
    }
    if (atLineStart) {
      if (c === 32 || c === 45) {
        // Spaces and `- ` sequence markers both open a deeper block level.
        if (++lineIndent > limit * 2) return true;
        continue;
      }
      atLineStart = false;
    }
    if (c === 91 || c === 123) {
      if (++depth > limit) return true;
    } else if ((c === 93 || c === 125) && depth > 0) {
      depth--;
    }
  }
  return false;
}
