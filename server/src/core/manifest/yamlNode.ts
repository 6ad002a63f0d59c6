// Small, total accessors over the `yaml` package's nodes. Manifests are half-typed while the user
// edits them, so every accessor returns undefined for a missing or mistyped node instead of throwing.

import { Alias, Document, Node, Scalar, isAlias, isMap, isScalar, isSeq, visit } from 'yaml';

export type { Node };

/** Follows an alias one step (never expands it), so alias bombs cost nothing. */
export function deref(node: unknown, yaml: Document.Parsed): Node | undefined {
  if (isAlias(node)) return aliasTargetsOf(yaml).get(node);
  return (node ?? undefined) as Node | undefined;
}

const aliasTargets = new WeakMap<Document.Parsed, Map<Alias, Node | undefined>>();

/**
 * What each alias of a document stands for, found in one walk. `Alias.resolve` walks the whole
 * document on every call, so a 100 KB file of 10,000 aliases took a minute; this answers the same:
 * the last node carrying the anchor before the alias, in the order `Alias.resolve` walks.
 */
function aliasTargetsOf(yaml: Document.Parsed): Map<Alias, Node | undefined> {
  let targets = aliasTargets.get(yaml);
  if (targets) return targets;
  const found = new Map<Alias, Node | undefined>();
  const anchored = new Map<string, Node>();
  visit(yaml, {
    Node(_key, node) {
      if (isAlias(node)) found.set(node, anchored.get(node.source));
      else if (node.anchor) anchored.set(node.anchor, node);
    },
  });
  aliasTargets.set(yaml, (targets = found));
  return targets;
}

/** The value node of `key` in a map (the last one when a key repeats, as Go's YAML decoders do). */
export function getKey(node: Node | undefined, key: string, yaml: Document.Parsed): Node | undefined {
  if (!isMap(node)) return undefined;
  let found: unknown;
  for (const pair of node.items) {
    const k = deref(pair.key, yaml);
    if (isScalar(k) && String(k.value) === key) found = pair.value;
  }
  return found === undefined ? undefined : deref(found, yaml);
}

/** The key node of `key` in a map. */
export function getKeyNode(node: Node | undefined, key: string, yaml: Document.Parsed): Scalar | undefined {
  if (!isMap(node)) return undefined;
  let found: Scalar | undefined;
  for (const pair of node.items) {
    const k = deref(pair.key, yaml);
    if (isScalar(k) && String(k.value) === key) found = k;
  }
  return found;
}

export function getPath(node: Node | undefined, path: readonly string[], yaml: Document.Parsed): Node | undefined {
  let current = node;
  for (const key of path) current = getKey(current, key, yaml);
  return current;
}

/** The items of a sequence, aliases followed; empty for anything else. */
export function seqItems(node: Node | undefined, yaml: Document.Parsed): Node[] {
  if (!isSeq(node)) return [];
  return node.items.map((item) => deref(item, yaml)).filter((n): n is Node => n !== undefined);
}

/** The entries of a map with scalar keys, aliases followed. */
export function mapEntries(node: Node | undefined, yaml: Document.Parsed): Array<[string, Node | undefined, Scalar]> {
  if (!isMap(node)) return [];
  const out: Array<[string, Node | undefined, Scalar]> = [];
  for (const pair of node.items) {
    const k = deref(pair.key, yaml);
    if (isScalar(k) && k.value !== null && k.value !== undefined) out.push([String(k.value), deref(pair.value, yaml), k]);
  }
  return out;
}

/** A scalar's value as a string (numbers and booleans stringified); undefined for non-scalars and null. */
export function scalarString(node: Node | undefined): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  return String(node.value);
}

export function isScalarNode(node: unknown): node is Scalar {
  return isScalar(node);
}
