// The per-node pod subnet size (`node-mask` facts) as every owner spells it: kube-controller-manager
// flags, kubeadm `extraArgs`, k3s `kube-controller-manager-arg`, and the defaults KCM applies when
// none is set: /24 for IPv4, /64 for IPv6 (domain-rules.md §3, §6.1, §7, §8).

import type { Component, Fact, Span } from '../../model';
import type { Family } from '../../net/addr';
import type { ExtractContext, FieldSpec } from './context';
import { INTEGER } from './syntax';
import type { Node } from '../yamlNode';

/** kube-controller-manager's `defaultNodeMaskCIDRIPv4` / `defaultNodeMaskCIDRIPv6`. */
export const DEFAULT_NODE_MASK: Readonly<Record<Family, number>> = { 4: 24, 6: 64 };

/** The plain flag (single-stack, either family) and the per-family ones. */
export const NODE_MASK_FLAGS = ['node-cidr-mask-size', 'node-cidr-mask-size-ipv4', 'node-cidr-mask-size-ipv6'] as const;
export type NodeMaskFlag = (typeof NODE_MASK_FLAGS)[number];

/** Who sets the mask, and how a user names the setting in that owner's file. */
export interface NodeMaskOwner {
  readonly component: Component;
  readonly group: string;
  /** The source label for one flag, e.g. `kubeadm controllerManager.extraArgs node-cidr-mask-size-ipv4`. */
  label(flag: NodeMaskFlag): string;
  readonly attributes?: Readonly<Record<string, string | number | boolean>>;
}

export function nodeMaskSpec(owner: NodeMaskOwner, flag: NodeMaskFlag): FieldSpec {
  const family = flagFamily(flag);
  return {
    role: 'node-mask',
    component: owner.component,
    source: owner.label(flag),
    syntax: INTEGER,
    group: owner.group,
    attributes: { ...owner.attributes, flag, ...(family ? { family } : {}) },
  };
}

function flagFamily(flag: NodeMaskFlag): Family | undefined {
  return flag.endsWith('ipv4') ? 4 : flag.endsWith('ipv6') ? 6 : undefined;
}

/** The address families of facts whose values parsed, in first-seen order. */
export function familiesOf(facts: readonly Fact[]): Family[] {
  const families: Family[] = [];
  for (const fact of facts) {
    const family = 'range' in fact.value ? fact.value.range.family : undefined;
    if (family && !families.includes(family)) families.push(family);
  }
  return families;
}

/**
 * Default masks for the pod families that no explicit flag covers. The plain `node-cidr-mask-size`
 * applies to a single-stack cluster's only family, so when it is set nothing is left to default.
 * Defaults sit on `at` (a node or a span) or the document anchor.
 */
export function defaultNodeMasks(ctx: ExtractContext, owner: NodeMaskOwner, podFacts: readonly Fact[], setFlags: ReadonlySet<string>, at?: Node | Span): Fact[] {
  if (setFlags.has('node-cidr-mask-size')) return [];
  return familiesOf(podFacts)
    .map((family) => (family === 4 ? 'node-cidr-mask-size-ipv4' : 'node-cidr-mask-size-ipv6') as NodeMaskFlag)
    .filter((flag) => !setFlags.has(flag))
    .map((flag) => {
      const text = String(DEFAULT_NODE_MASK[flagFamily(flag)!]);
      const spec = nodeMaskSpec(owner, flag);
      return isSpan(at) ? { ...ctx.defaulted(text, spec), span: at } : ctx.defaulted(text, spec, at);
    });
}

function isSpan(at: Node | Span | undefined): at is Span {
  return at !== undefined && typeof (at as Span).start === 'number' && typeof (at as Span).end === 'number';
}
