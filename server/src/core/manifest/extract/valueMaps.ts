// Finds configuration maps that are not Kubernetes objects of their own — a chart's Helm values —
// wherever they sit: a values file's root, a Flux HelmRelease `spec.values`, a kustomize
// `helmCharts[].valuesInline`, an Ansible variable (`cilium_values:`), or YAML embedded in a string
// (RKE2 HelmChartConfig `valuesContent`, Cluster API HelmChartProxy `valuesTemplate`). Extractors
// recognise the maps by their keys, never by where they are.

import { isMap, isScalar, isSeq } from 'yaml';
import type { Fact } from '../../model';
import type { ExtractContext, FieldSpec } from './context';
import { Node, mapEntries } from '../yamlNode';

export interface FoundMap {
  /** The context whose document holds `map` (an embedded one for YAML inside a string). */
  readonly ctx: ExtractContext;
  readonly map: Node;
  /** Places a default for a key the map leaves out: on the key that holds the map, else on the document anchor. */
  readonly defaulted: (text: string, spec: FieldSpec) => Fact;
}

/** Values maps are never nested deeper than this in real files; the bound keeps hostile input cheap. */
const MAX_DEPTH = 12;

/**
 * Every map below the document root (the root included) for which `matches` holds, outermost first;
 * a matching map is not searched further. `markers` are keys of which every match holds one: a
 * document that mentions none is not walked, and a string is parsed as embedded YAML only when it
 * contains one, so ordinary documents and strings cost nothing.
 */
export function findValueMaps(ctx: ExtractContext, matches: (ctx: ExtractContext, map: Node) => boolean, markers: readonly string[]): FoundMap[] {
  if (ctx.ref.kind === 'CustomResourceDefinition' || !documentMentions(ctx, markers)) return [];
  const found: FoundMap[] = [];
  // Each node is visited once, so aliases cannot multiply the walk.
  const seen = new Set<Node>();
  const visit = (inner: ExtractContext, node: Node | undefined, depth: number, place: FoundMap['defaulted']): void => {
    if (!node || depth > MAX_DEPTH || seen.has(node)) return;
    seen.add(node);
    if (isSeq(node)) {
      for (const item of inner.items(node)) visit(inner, item, depth + 1, place);
      return;
    }
    if (!isMap(node)) return;
    if (matches(inner, node)) {
      found.push({ ctx: inner, map: node, defaulted: place });
      return;
    }
    for (const [, value, key] of mapEntries(node, inner.yaml)) {
      const atKey: FoundMap['defaulted'] = (text, spec) => inner.defaulted(text, spec, key);
      if (isScalar(value) && typeof value.value === 'string' && markers.some((m) => (value.value as string).includes(m))) {
        for (const embedded of inner.embedded(value)) visit(embedded, embedded.root, depth + 1, atKey);
      } else {
        visit(inner, value, depth + 1, atKey);
      }
    }
  };
  visit(ctx, ctx.root, 0, (text, spec) => ctx.defaulted(text, spec));
  return found;
}

/** Whether the document's own text contains one of `markers` (a file holds many documents). */
export function documentMentions(ctx: ExtractContext, markers: readonly string[]): boolean {
  const range = ctx.root?.range;
  if (!range) return false;
  const text = ctx.doc.source.text.slice(range[0], range[2]);
  return markers.some((marker) => text.includes(marker));
}
