// Extractor: Calico `IPPool` (projectcalico.org/v3, and crd.projectcalico.org/v1 as stored by the
// CRD datastore): the pool CIDR and its block size (domain-rules.md §9.1).

import type { Fact } from '../../model';
import type { Family } from '../../net/addr';
import type { ExtractContext } from './context';
import type { Extractor } from './extractor';
import { CALICO_STRICT_CIDR, INTEGER } from './syntax';
import { below } from './tree';
import { Node, scalarString } from '../yamlNode';

/** Calico's default block sizes (`IPPool.spec.blockSize`, the operator and `CALICO_IPV*POOL_BLOCK_SIZE`). */
export const CALICO_DEFAULT_BLOCK_SIZE: Readonly<Record<Family, string>> = { 4: '26', 6: '122' };

/** What a pool without `allowedUses` is used for. */
const DEFAULT_ALLOWED_USES = ['Workload', 'Tunnel'];

export const calicoIpPool: Extractor = {
  name: 'calico-ippool',
  triggers: ['IPPool'],
  extract(ctx) {
    if (!isCalicoResource(ctx, 'IPPool')) return [];
    const spec = ctx.get(['spec']);
    const name = ctx.ref.name ?? '';
    const allowedUses = allowedUsesOf(ctx, below(ctx, spec, ['allowedUses']));
    const role = poolRole(allowedUses);
    const attributes = {
      calico: 'IPPool',
      pool: name,
      disabled: scalarString(below(ctx, spec, ['disabled'])) === 'true',
      allowedUses: allowedUses.join(','),
      ...(role === 'lb-pool' ? { lb: 'calico' } : {}),
    };
    const cidr = ctx.scalar(below(ctx, spec, ['cidr']), {
      role,
      component: 'calico',
      source: 'calico IPPool spec.cidr',
      syntax: CALICO_STRICT_CIDR,
      group: 'ippool',
      attributes,
    });
    const blockSize = blockSizeFacts(ctx, below(ctx, spec, ['blockSize']), familyOf(cidr[0]), {
      source: 'calico IPPool spec.blockSize',
      component: 'calico',
      group: 'ippool',
      attributes: { calico: 'IPPool', pool: name },
      zeroMeansDefault: true,
    });
    return [...cidr, ...blockSize];
  },
};

/** Whether the document is the Calico resource `kind`, under either API group Calico serves it from. */
export function isCalicoResource(ctx: ExtractContext, kind: string): boolean {
  const apiVersion = ctx.ref.apiVersion ?? '';
  return ctx.ref.kind === kind && (apiVersion.startsWith('projectcalico.org/') || apiVersion.startsWith('crd.projectcalico.org/'));
}

/** A pool only for LoadBalancer addresses is a load-balancer pool, not a pod pool (§9.1 `allowedUses`). */
export function poolRole(allowedUses: readonly string[]): 'lb-pool' | 'cni-pod-pool' {
  return allowedUses.length === 1 && allowedUses[0] === 'LoadBalancer' ? 'lb-pool' : 'cni-pod-pool';
}

export function allowedUsesOf(ctx: ExtractContext, node: Node | undefined): string[] {
  const uses = ctx.items(node).map(scalarString).filter((u): u is string => u !== undefined);
  return uses.length > 0 ? uses : DEFAULT_ALLOWED_USES;
}

/** The family of a range fact's value; undefined when the value did not parse (then no default applies). */
export function familyOf(fact: Fact | undefined): Family | undefined {
  const value = fact?.value;
  return value && (value.kind === 'prefix' || value.kind === 'address' || value.kind === 'range') ? value.range.family : undefined;
}

interface BlockSizeSpec {
  readonly source: string;
  readonly component: Fact['component'];
  readonly group: string;
  readonly attributes: Readonly<Record<string, string | number | boolean>>;
  /** `IPPool.spec.blockSize: 0` asks for the default (HEAD CEL); elsewhere 0 is an invalid size. */
  readonly zeroMeansDefault?: boolean;
  /** Where a default goes when the field is left out: the pool's own key in a list of pools, else the document anchor. */
  readonly at?: Node;
}

/** The pool's blockSize, or Calico's default for the pool's family when it is left out. */
export function blockSizeFacts(ctx: ExtractContext, node: Node | undefined, family: Family | undefined, spec: BlockSizeSpec): Fact[] {
  const field = {
    role: 'block-size' as const,
    component: spec.component,
    source: spec.source,
    syntax: INTEGER,
    group: spec.group,
    attributes: { ...spec.attributes, ...(family ? { family } : {}) },
  };
  const written = ctx.scalar(node, field);
  if (written.length > 0 && !(spec.zeroMeansDefault && isZero(written[0]))) return written;
  if (!family) return written;
  return [ctx.defaulted(CALICO_DEFAULT_BLOCK_SIZE[family], field, written.length > 0 ? node : spec.at)];
}

function isZero(fact: Fact): boolean {
  return fact.value.kind === 'number' && fact.value.value === 0;
}
