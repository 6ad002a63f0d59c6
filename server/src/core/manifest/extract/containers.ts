// The containers of a document's pod templates and their environment, for extractors that read
// container env vars (calico-node, Weave). Containers are found by walking the document for
// `containers`/`initContainers` lists, so every workload kind (Deployment, DaemonSet, Pod, CronJob,
// a `List` of them, operator overrides) is covered without a table of paths.

import { isMap, isSeq } from 'yaml';
import type { ExtractContext } from './context';
import { Node, mapEntries, scalarString } from '../yamlNode';

export interface Container {
  /** The container's map node. */
  readonly node: Node;
  /** Position among all containers of the document, for group keys. */
  readonly index: number;
  /** An init container: it runs to completion before the pod's containers start. */
  readonly init: boolean;
  readonly name?: string;
  readonly nameNode?: Node;
  readonly image?: string;
  readonly env: readonly EnvVar[];
}

export interface EnvVar {
  readonly name: string;
  readonly nameNode: Node;
  /** The `value` node; undefined for `valueFrom` entries, whose value is not in the manifest. */
  readonly value?: Node;
}

/** Documents deeper than this are not pod templates; the bound keeps hostile input cheap. */
const MAX_DEPTH = 16;

export function containersOf(ctx: ExtractContext): Container[] {
  if (ctx.ref.kind === 'CustomResourceDefinition') return [];
  const found: Array<{ node: Node; init: boolean }> = [];
  collectContainers(ctx, ctx.root, 0, found, new Set());
  return found.map(({ node, init }, index) => describeContainer(ctx, node, index, init));
}

/** Each node is visited once, so aliases cannot multiply the walk. */
function collectContainers(ctx: ExtractContext, node: Node | undefined, depth: number, out: Array<{ node: Node; init: boolean }>, seen: Set<Node>): void {
  if (!node || depth > MAX_DEPTH || seen.has(node)) return;
  seen.add(node);
  if (isSeq(node)) {
    for (const item of ctx.items(node)) collectContainers(ctx, item, depth + 1, out, seen);
    return;
  }
  for (const [key, value] of mapEntries(node, ctx.yaml)) {
    if ((key === 'containers' || key === 'initContainers') && isSeq(value)) {
      for (const container of ctx.items(value)) {
        if (!isMap(container) || seen.has(container)) continue;
        seen.add(container);
        out.push({ node: container, init: key === 'initContainers' });
      }
    } else {
      collectContainers(ctx, value, depth + 1, out, seen);
    }
  }
}

function describeContainer(ctx: ExtractContext, node: Node, index: number, init: boolean): Container {
  const nameNode = ctx.get(['name'], node);
  const name = scalarString(nameNode);
  const image = scalarString(ctx.get(['image'], node));
  return {
    node,
    index,
    init,
    ...(name !== undefined ? { name, nameNode } : {}),
    ...(image !== undefined ? { image } : {}),
    env: envOf(ctx, ctx.get(['env'], node)),
  };
}

function envOf(ctx: ExtractContext, env: Node | undefined): EnvVar[] {
  return ctx.items(env).flatMap((entry) => {
    const nameNode = ctx.get(['name'], entry);
    const name = scalarString(nameNode);
    if (name === undefined || !nameNode) return [];
    const value = ctx.get(['value'], entry);
    return [{ name, nameNode, ...(value ? { value } : {}) }];
  });
}

/** The last entry of `name` (Kubernetes lets a later duplicate win), if any. */
export function envVar(container: Container, name: string): EnvVar | undefined {
  let found: EnvVar | undefined;
  for (const env of container.env) if (env.name === name) found = env;
  return found;
}
