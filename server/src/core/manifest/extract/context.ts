// What an extractor works with: one parsed document and helpers that turn its nodes into facts with
// exact spans. Extractors describe *which* fields mean what; this file owns *how* a value becomes a fact.

import type { Document } from 'yaml';
import type { DocumentRef, Fact, FieldSyntax, Component, Role } from '../../model';
import { ManifestDocument, parseManifests } from '../parse';
import { scalarSource } from '../scalar';
import { SourceText, spanOf } from '../sourceText';
import { parseFieldValue } from '../value';
import { Node, getPath, isScalarNode, seqItems } from '../yamlNode';

/** What a field is: every fact built from it shares these. */
export interface FieldSpec {
  readonly role: Role;
  readonly component: Component;
  readonly source: string;
  readonly syntax: FieldSyntax;
  /** Group key suffix; facts of one object share it (see `Fact.group`). */
  readonly group: string;
  readonly attributes?: Readonly<Record<string, string | number | boolean>>;
}

export interface ExtractContext {
  readonly ref: DocumentRef;
  readonly doc: ManifestDocument;
  readonly root: Node | undefined;
  readonly yaml: Document.Parsed;
  /** The node at `path` below `node` (default: the document root). */
  get(path: readonly string[], node?: Node): Node | undefined;
  items(node: Node | undefined): Node[];
  /** One fact from a scalar node; none when the node is missing, empty, null or not a scalar. */
  scalar(node: Node | undefined, spec: FieldSpec): Fact[];
  /** Facts from a comma-separated scalar (`a,b`) or a sequence of scalars, one per element. */
  list(node: Node | undefined, spec: FieldSpec): Fact[];
  /** Facts from a substring [start, end) of a decoded scalar (e.g. the value part of `--flag=value`). */
  slice(node: Node, start: number, end: number, spec: FieldSpec, list?: Fact['list']): Fact[];
  /** A fact for a value the manifest leaves to its owner's default, placed on `at` (or the document anchor). */
  defaulted(text: string, spec: FieldSpec, at?: Node): Fact;
  /** The decoded text of a scalar, with a map back to file offsets. */
  text(node: Node | undefined): SourceText | undefined;
  /** Parses the text of a scalar (JSON or YAML embedded in a string) as documents of their own. */
  embedded(node: Node | undefined): ExtractContext[];
  /** A stable key for grouping facts of one object in this document. */
  groupKey(suffix: string): string;
}

export function createContext(doc: ManifestDocument, ref: DocumentRef): ExtractContext {
  const yaml = doc.yaml;
  const root = (doc.contents ?? undefined) as Node | undefined;
  const groupKey = (suffix: string) => `${ref.uri}#${ref.index}:${suffix}`;

  const text = (node: Node | undefined): SourceText | undefined => (isScalarNode(node) ? scalarSource(doc.source, node) : undefined);

  const makeFact = (source: SourceText, start: number, end: number, spec: FieldSpec, list?: Fact['list']): Fact => {
    const value = source.text.slice(start, end);
    return {
      role: spec.role,
      component: spec.component,
      source: spec.source,
      syntax: spec.syntax,
      text: value,
      value: parseFieldValue(value, spec.syntax),
      doc: ref,
      span: spanOf(source, start, end),
      isDefault: false,
      group: groupKey(spec.group),
      ...(list ? { list } : {}),
      ...(spec.attributes ? { attributes: spec.attributes } : {}),
    };
  };

  const trimmedBounds = (value: string, start: number, end: number): [number, number] => {
    while (start < end && /\s/.test(value[start])) start++;
    while (end > start && /\s/.test(value[end - 1])) end--;
    return [start, end];
  };

  const slice = (node: Node, start: number, end: number, spec: FieldSpec, list?: Fact['list']): Fact[] => {
    const source = text(node);
    if (!source) return [];
    const [s, e] = trimmedBounds(source.text, start, end);
    if (s === e) return [];
    return [makeFact(source, s, e, spec, list)];
  };

  const scalar = (node: Node | undefined, spec: FieldSpec): Fact[] => {
    const source = text(node);
    if (!source || !isScalarNode(node) || node.value === null) return [];
    return slice(node, 0, source.text.length, spec);
  };

  const list = (node: Node | undefined, spec: FieldSpec): Fact[] => {
    if (isScalarNode(node)) {
      const source = text(node);
      if (!source || node.value === null) return [];
      const parts = splitCommaList(source.text);
      return parts.flatMap(([s, e], index) => slice(node, s, e, spec, parts.length > 1 ? { index, length: parts.length } : undefined));
    }
    const items = seqItems(node, yaml);
    return items.flatMap((item, index) => {
      const source = text(item);
      if (!source) return [];
      return slice(item, 0, source.text.length, spec, { index, length: items.length });
    });
  };

  const defaulted = (value: string, spec: FieldSpec, at?: Node): Fact => ({
    role: spec.role,
    component: spec.component,
    source: spec.source,
    syntax: spec.syntax,
    text: value,
    value: parseFieldValue(value, spec.syntax),
    doc: ref,
    span: at?.range ? spanOf(doc.source, at.range[0], at.range[1]) : ref.anchor,
    isDefault: true,
    group: groupKey(spec.group),
    ...(spec.attributes ? { attributes: spec.attributes } : {}),
  });

  const embedded = (node: Node | undefined): ExtractContext[] => {
    const source = text(node);
    if (!source) return [];
    const parsed = parseManifests(source);
    return parsed.documents.filter((d) => d.errors.length === 0).map((d) => createContext(d, ref));
  };

  return {
    ref,
    doc,
    root,
    yaml,
    get: (path, node) => getPath(node ?? root, path, yaml),
    items: (node) => seqItems(node, yaml),
    scalar,
    list,
    slice,
    defaulted,
    text,
    embedded,
    groupKey,
  };
}

/** Bounds [start, end) of each comma-separated element; empty elements are kept for their position. */
export function splitCommaList(value: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i <= value.length; i++) {
    if (i === value.length || value[i] === ',') {
      out.push([start, i]);
      start = i + 1;
    }
  }
  return out;
}
