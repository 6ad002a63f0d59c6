// One manifest file read into facts: parse, recognise each document, run every extractor. The result
// depends only on (uri, text), so front ends cache it by content and re-read only what changed.

import { isSeq } from 'yaml';
import type { DocumentRef, Fact, Span } from '../model';
import { createContext } from './extract/context';
import { extractors } from './extract';
import { FileVariables, FluxKustomization, VariableSource, mayDefineVariables, readDocumentVariables } from './fluxVariables';
import { BINARY_FILE, ManifestDocument, looksBinary, parseManifests } from './parse';
import { mayHoldFacts } from './prescan';
import { fileSource, spanOf } from './sourceText';
import { Suppressions, findSuppressions } from './suppressions';
import { Node, getKey, mapEntries, scalarString, seqItems } from './yamlNode';

export interface ManifestFile {
  readonly uri: string;
  readonly text: string;
  readonly facts: readonly Fact[];
  /** Documents that were read (parsed without syntax errors). */
  readonly documents: number;
  /** Why (part of) the file was not analysed; empty when everything was read. */
  readonly skipped: readonly string[];
  readonly suppressions: Suppressions;
  /**
   * Extractors that failed on a document of this file, one line each with the file and document
   * named. The other extractors' facts are kept; front ends log these as internal errors.
   */
  readonly internalErrors: readonly string[];
  /** The Flux substitutions and variable sources the file defines; absent when it defines none. */
  readonly variables?: FileVariables;
}

export interface ReadOptions {
  /** Skip files without any extractor trigger without parsing them (default true). */
  readonly prescan?: boolean;
}

export function readManifestFile(uri: string, text: string, options: ReadOptions = {}): ManifestFile {
  const suppressions = findSuppressions(text);
  // Checked before the pre-scan, so that a binary file is reported whether or not a trigger word
  // happens to occur among its bytes.
  if (looksBinary(text)) return { uri, text, facts: [], documents: 0, skipped: [BINARY_FILE], suppressions, internalErrors: [] };
  if (options.prescan !== false && !mayHoldFacts(text) && !mayDefineVariables(text)) {
    return { uri, text, facts: [], documents: 0, skipped: [], suppressions, internalErrors: [] };
  }
  const parsed = parseManifests(fileSource(text));
  if (parsed.skipped) return { uri, text, facts: [], documents: 0, skipped: [parsed.skipped], suppressions, internalErrors: [] };
  const facts: Fact[] = [];
  const skipped: string[] = [];
  const internalErrors: string[] = [];
  const variables: Variables = { kustomizations: [], sources: [] };
  let documents = 0;
  for (const doc of parsed.documents) {
    if (doc.errors.length > 0) {
      skipped.push(`document ${doc.index + 1}: YAML syntax error: ${doc.errors[0]}`);
      continue;
    }
    documents++;
    extractDocument(uri, doc, { facts, internalErrors, variables });
  }
  const definesVariables = variables.kustomizations.length > 0 || variables.sources.length > 0;
  return { uri, text, facts, documents, skipped, suppressions, internalErrors, ...(definesVariables ? { variables } : {}) };
}

/** What reading the documents of one file collects. */
interface Collected {
  readonly facts: Fact[];
  readonly internalErrors: string[];
  readonly variables: Variables;
}

interface Variables {
  readonly kustomizations: FluxKustomization[];
  readonly sources: VariableSource[];
}

/**
 * Appends the document's facts and Flux variables to `out`, facts one by one: a document can yield
 * hundreds of thousands (a 400,000-address `externalIPs`), more than `push(...list)` can pass as arguments.
 */
function extractDocument(uri: string, doc: ManifestDocument, out: Collected): void {
  const ref = documentRef(uri, doc);
  const items = getKey((doc.contents ?? undefined) as Node | undefined, 'items', doc.yaml);
  if (!isListKind(ref.kind) || !isSeq(items)) {
    extractObject(doc, ref, out);
    return;
  }
  // Each item of a list is an object of its own, as if it were a document.
  seqItems(items, doc.yaml).forEach((item, index) => {
    const itemDoc: ManifestDocument = { ...doc, contents: item };
    extractObject(itemDoc, documentRef(uri, itemDoc, index), out);
  });
}

/**
 * `kubectl get … -o yaml` writes a `List`; `calicoctl get ippool -o yaml` and the API write typed lists
 * (`IPPoolList`, `ServiceList`) whose items carry their own kind.
 */
function isListKind(kind: string): boolean {
  return kind === 'List' || /^[A-Z][A-Za-z0-9]*List$/.test(kind);
}

function extractObject(doc: ManifestDocument, ref: DocumentRef, { facts, internalErrors, variables }: Collected): void {
  const { kustomization, source } = readDocumentVariables(doc, ref);
  if (kustomization) variables.kustomizations.push(kustomization);
  if (source) variables.sources.push(source);
  const ctx = createContext(doc, ref);
  for (const extractor of extractors) {
    try {
      for (const fact of extractor.extract(ctx)) facts.push(fact);
    } catch (error) {
      // An extractor bug must not cost the user the other extractors' facts, nor go unnoticed.
      const where = ref.item === undefined ? `document ${doc.index + 1}` : `document ${doc.index + 1}, item ${ref.item + 1}`;
      internalErrors.push(`extractor ${extractor.name} failed on ${ref.uri} (${where}): ${describeError(error)}`);
    }
  }
}

/** The error's stack when it has one (front ends print the first line or log it all), else its text. */
function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
}

export function documentRef(uri: string, doc: ManifestDocument, item?: number): DocumentRef {
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
    ...(item !== undefined ? { item } : {}),
    kind: scalarString(kindNode) ?? '',
    ...(apiVersion !== undefined ? { apiVersion } : {}),
    ...(name !== undefined ? { name } : {}),
    ...(namespace !== undefined ? { namespace } : {}),
    anchor,
  };
}
