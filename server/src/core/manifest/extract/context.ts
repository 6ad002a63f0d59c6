// What an extractor works with: one parsed document and helpers that turn its nodes into facts with
// exact spans. Extractors describe *which* fields mean what; this file owns *how* a value becomes a fact.

import { Document, isCollection } from 'yaml';
import type { DocumentRef, Fact, FactValue, FieldSyntax, Component, Role, Span } from '../../model';
import { documentKey } from '../../model';
import { ManifestDocument, parseManifests } from '../parse';
import { scalarSource } from '../scalar';
import { SourceText, embeddedSource, spanOf } from '../sourceText';
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
  /**
   * Reads the value instead of `parseFieldValue(text, syntax)`, for notations only one owner uses
   * (Whereabouts' `firstIP-CIDR` range). Templates are recognised before this is called.
   */
  readonly parse?: (text: string) => FactValue;
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
  /**
   * Facts from each item of a sequence that is a plain collection (pool addresses, policy nets), not a
   * dual-stack pair: the facts carry no `list` position, so dual-stack shape rules leave them alone.
   */
  each(node: Node | undefined, spec: FieldSpec): Fact[];
  /** Facts from a substring [start, end) of a decoded scalar (e.g. the value part of `--flag=value`). */
  slice(node: Node, start: number, end: number, spec: FieldSpec, list?: Fact['list']): Fact[];
  /**
   * One fact for a value written as two fields: an address range (Cilium `start`/`stop`, text
   * `first-last`) or, with `separator` `/`, an address and its prefix length (nmstate `ip` and
   * `prefix-length`). Its span runs from the first value to the last. Without `last`, the value is `first` alone.
   */
  range(first: Node | undefined, last: Node | undefined, spec: FieldSpec, separator?: string): Fact[];
  /** A fact for a value the manifest leaves to its owner's default, placed on `at` (or the document anchor). */
  defaulted(text: string, spec: FieldSpec, at?: Node): Fact;
  /** The facts written for a field, or else its owner's default (none when `fallback` is undefined). */
  orDefault(written: Fact[], fallback: string | undefined, spec: FieldSpec, at?: Node): Fact[];
  /** The decoded text of a scalar (or the raw text of a `{{ }}` placeholder), with a map back to file offsets. */
  text(node: Node | undefined): SourceText | undefined;
  /** Parses the text of a scalar (JSON or YAML embedded in a string) as documents of their own. */
  embedded(node: Node | undefined): ExtractContext[];
  /** A stable key for grouping facts of one object in this document. */
  groupKey(suffix: string): string;
}

export function createContext(doc: ManifestDocument, ref: DocumentRef): ExtractContext {
  const yaml = doc.yaml;
  const root = (doc.contents ?? undefined) as Node | undefined;
  const groupKey = (suffix: string) => `${documentKey(ref)}:${suffix}`;

  /**
   * An unquoted template placeholder such as `cidr: {{ .Values.cidr }}` parses as a flow map; its
   * source text stands for the value that the templating step will put there.
   */
  const templateText = (node: Node | undefined): SourceText | undefined => {
    if (!isCollection(node) || !node.flow || !node.range) return undefined;
    const [start, end] = node.range;
    const raw = doc.source.text.slice(start, end);
    if (!raw.startsWith('{{') && !raw.startsWith('{%')) return undefined;
    return embeddedSource(doc.source, raw, Array.from({ length: raw.length }, (_, i) => start + i));
  };

  const isValueNode = (node: Node | undefined): node is Node => (isScalarNode(node) ? node.value !== null : templateText(node) !== undefined);

  const text = (node: Node | undefined): SourceText | undefined => (isScalarNode(node) ? scalarSource(doc.source, node) : templateText(node));

  const valueOf = (value: string, spec: FieldSpec): FactValue => {
    const generic = parseFieldValue(value, spec.syntax);
    return spec.parse && generic.kind !== 'template' ? spec.parse(value) : generic;
  };

  /** The one place a fact is assembled: what the field is, what was written (or defaulted), and where. */
  const factOf = (spec: FieldSpec, value: string, span: Span, isDefault: boolean, list?: Fact['list']): Fact => ({
    role: spec.role,
    component: spec.component,
    source: spec.source,
    syntax: spec.syntax,
    text: value,
    value: valueOf(value, spec),
    doc: ref,
    span,
    isDefault,
    group: groupKey(spec.group),
    ...(list ? { list } : {}),
    ...(spec.attributes ? { attributes: spec.attributes } : {}),
  });

  const makeFact = (source: SourceText, start: number, end: number, spec: FieldSpec, list?: Fact['list']): Fact =>
    factOf(spec, source.text.slice(start, end), spanOf(source, start, end), false, list);

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
    if (!source || !isValueNode(node)) return [];
    return slice(node, 0, source.text.length, spec);
  };

  const list = (node: Node | undefined, spec: FieldSpec): Fact[] => {
    if (isScalarNode(node) || templateText(node)) {
      const source = text(node);
      if (!source || !isValueNode(node)) return [];
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

  const range = (first: Node | undefined, last: Node | undefined, spec: FieldSpec, separator = '-'): Fact[] => {
    const firstText = text(first);
    if (!firstText || !isValueNode(first)) return [];
    const lastText = isValueNode(last) ? text(last) : undefined;
    const start = spanOf(firstText, 0, firstText.text.length);
    const end = lastText ? spanOf(lastText, 0, lastText.text.length) : start;
    const value = lastText ? `${firstText.text.trim()}${separator}${lastText.text.trim()}` : firstText.text.trim();
    return [factOf(spec, value, { start: start.start, end: Math.max(start.end, end.end) }, false)];
  };

  const defaulted = (value: string, spec: FieldSpec, at?: Node): Fact =>
    factOf(spec, value, at?.range ? spanOf(doc.source, at.range[0], at.range[1]) : ref.anchor, true);

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
    each: (node, spec) => seqItems(node, yaml).flatMap((item) => scalar(item, spec)),
    slice,
    range,
    defaulted,
    orDefault: (written, fallback, spec, at) => (written.length > 0 || fallback === undefined ? written : [defaulted(fallback, spec, at)]),
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
