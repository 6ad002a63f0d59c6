// One manifest file read into facts: parse, recognise each document, run every extractor. The result
// depends only on (uri, text), so front ends cache it by content and re-read only what changed.

import type { DocumentRef, Fact, Span } from '../model';
import { createContext } from './extract/context';
import { extractors } from './extract';
import { ManifestDocument, parseManifests } from './parse';
import { mayHoldFacts } from './prescan';
import { fileSource, spanOf } from './sourceText';
import { Suppressions, findSuppressions } from './suppressions';
import { getKey, mapEntries, scalarString } from './yamlNode';
import { Node } from './yamlNode';

export interface ManifestFile {
  readonly uri: string;
  readonly text: string;
  readonly facts: readonly Fact[];
  /** Documents that were read (parsed without syntax errors). */
  readonly documents: number;
  /** Why (part of) the file was not analysed; empty when everything was read. */
  readonly skipped: readonly string[];
  readonly suppressions: Suppressions;
}

export interface ReadOptions {
  /** Skip files without any extractor trigger without parsing them (default true). */
  readonly prescan?: boolean;
}

export function readManifestFile(uri: string, text: string, options: ReadOptions = {}): ManifestFile {
  const suppressions = findSuppressions(text);
  if (options.prescan !== false && !mayHoldFacts(text)) {
    return { uri, text, facts: [], documents: 0, skipped: [], suppressions };
  }
  const parsed = parseManifests(fileSource(text));
  if (parsed.skipped) return { uri, text, facts: [], documents: 0, skipped: [parsed.skipped], suppressions };
  const facts: Fact[] = [];
  const skipped: string[] = [];
  let documents = 0;
  for (const doc of parsed.documents) {
    if (doc.errors.length > 0) {
      skipped.push(`document ${doc.index + 1}: YAML syntax error: ${doc.errors[0]}`);
      continue;
    }
    documents++;
    facts.push(...extractDocument(uri, doc));
  }
  return { uri, text, facts, documents, skipped, suppressions };
}

function extractDocument(uri: string, doc: ManifestDocument): Fact[] {
  const ref = documentRef(uri, doc);
  const ctx = createContext(doc, ref);
  const facts: Fact[] = [];
  for (const extractor of extractors) {
    try {
      facts.push(...extractor.extract(ctx));
    } catch {
      // An extractor bug must not cost the user the other extractors' facts; the fuzz tests catch it.
    }
  }
  return facts;
}

export function documentRef(uri: string, doc: ManifestDocument): DocumentRef {
  const root = (doc.contents ?? undefined) as Node | undefined;
  const yaml = doc.yaml;
  const metadata = getKey(root, 'metadata', yaml);
  const kindNode = getKey(root, 'kind', yaml);
  const first = mapEntries(root, yaml)[0];
  const anchorNode = kindNode ?? first?.[2] ?? root;
  const anchor: Span = anchorNode?.range ? spanOf(doc.source, anchorNode.range[0], anchorNode.range[1]) : { start: 0, end: 0 };
  const name = scalarString(getKey(metadata, 'name', yaml));
  const namespace = scalarString(getKey(metadata, 'namespace', yaml));
  const apiVersion = scalarString(getKey(root, 'apiVersion', yaml));
  return {
    uri,
    index: doc.index,
    kind: scalarString(kindNode) ?? '',
    ...(apiVersion !== undefined ? { apiVersion } : {}),
    ...(name !== undefined ? { name } : {}),
    ...(namespace !== undefined ? { namespace } : {}),
    anchor,
  };
}
