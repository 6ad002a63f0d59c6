// Key lookup the way Go's `encoding/json` decodes into a struct: keys match field names
// case-insensitively and the last matching key wins. Flannel, Whereabouts and host-local read their
// JSON configs this way, so `"network"` configures `Network` just as well.

import type { ExtractContext } from './context';
import { Node, mapEntries } from '../yamlNode';

export interface JsonField {
  readonly key: Node;
  readonly value: Node | undefined;
}

export function jsonField(ctx: ExtractContext, node: Node | undefined, name: string): JsonField | undefined {
  const entries = mapEntries(node, ctx.yaml);
  const lower = name.toLowerCase();
  let found: JsonField | undefined;
  for (const [key, value, keyNode] of entries) if (key.toLowerCase() === lower) found = { key: keyNode, value };
  return found;
}

export function jsonValue(ctx: ExtractContext, node: Node | undefined, name: string): Node | undefined {
  return jsonField(ctx, node, name)?.value;
}
