// Component configuration documents (kubeadm, kubelet, kube-proxy) are written standalone or as YAML
// inside a ConfigMap value: `kubeadm-config` data.ClusterConfiguration, `kubelet-config`
// data.kubelet, `kube-proxy` data["config.conf"] (domain-rules.md §4-§6). These helpers find them by
// their `apiVersion` and `kind` in both places, so extractors read one shape only.

import type { ExtractContext } from './context';
import { Node, mapEntries, scalarString } from '../yamlNode';

/**
 * Every document of `kind` in API group `group` that this document is or holds: the document
 * itself, or YAML embedded in one of its ConfigMap data values.
 */
export function configDocuments(ctx: ExtractContext, group: string, kind: string): ExtractContext[] {
  if (isConfigOf(ctx, group, kind)) return [ctx];
  if (ctx.ref.kind !== 'ConfigMap') return [];
  return mapEntries(ctx.get(['data']), ctx.yaml)
    .filter(([, value]) => ctx.text(value)?.text.includes(kind))
    .flatMap(([, value]) => ctx.embedded(value))
    .filter((inner) => isConfigOf(inner, group, kind));
}

export function isConfigOf(ctx: ExtractContext, group: string, kind: string): boolean {
  return scalarString(ctx.get(['kind'])) === kind && apiGroupOf(ctx) === group;
}

/** The API group of a document's `apiVersion` (`kubeadm.k8s.io` of `kubeadm.k8s.io/v1beta4`). */
export function apiGroupOf(ctx: ExtractContext): string | undefined {
  const apiVersion = scalarString(ctx.get(['apiVersion']));
  const slash = apiVersion?.indexOf('/') ?? -1;
  return apiVersion !== undefined && slash > 0 ? apiVersion.slice(0, slash) : undefined;
}

/** The node defaults sit on: the document's own `kind` value, which for embedded YAML is the inner one. */
export function kindNode(ctx: ExtractContext): Node | undefined {
  return ctx.get(['kind']);
}
