// Safe walks over a document's nodes for extractors whose fields sit below optional parents.

import type { ExtractContext } from './context';
import { Node, mapEntries } from '../yamlNode';

/**
 * The node at `path` below `node`, or undefined when `node` is missing. (`ctx.get` starts at the
 * document root when given no node, which would read a wrong field when an optional parent is absent.)
 */
export function below(ctx: ExtractContext, node: Node | undefined, path: readonly string[]): Node | undefined {
  return node === undefined ? undefined : ctx.get(path, node);
}

/** A node found by `findValues`, with the path that leads to it (`coreos.units[1].content`). */
export interface Located {
  readonly node: Node;
  readonly path: string;
}

/** Deeper than any real manifest nests the values we look for. */
const MAX_DEPTH = 16;

/**
 * The values of every map entry named one of `keys`, anywhere in the document, in document order.
 * Each node is visited once, so aliases cannot multiply the walk.
 */
export function findValues(ctx: ExtractContext, keys: readonly string[]): Located[] {
  const found: Located[] = [];
  const seen = new Set<Node>();
  const visit = (node: Node | undefined, path: string, depth: number) => {
    if (!node || depth > MAX_DEPTH || seen.has(node)) return;
    seen.add(node);
    for (const [key, value] of mapEntries(node, ctx.yaml)) {
      const childPath = path ? `${path}.${key}` : key;
      if (keys.includes(key) && value) found.push({ node: value, path: childPath });
      visit(value, childPath, depth + 1);
    }
    ctx.items(node).forEach((item, index) => visit(item, `${path}[${index}]`, depth + 1));
  };
  visit(ctx.root, '', 0);
  return found;
}

