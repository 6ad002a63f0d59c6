// Rule: block-size-invalid — a Calico blockSize outside 20..32 / 116..128, or an enabled pool smaller than one block.
//
// Calico IPAM hands addresses to nodes in blocks of `blockSize`. The IPPool API refuses sizes outside
// 20..32 (IPv4) and 116..128 (IPv6) ("IPv4 block size must be between 20 and 32"; HEAD CEL "blockSize
// must be between 20 and 32 for IPv4 pools, and between 116 and 128 for IPv6 pools"), the tigera
// operator does the same ("IPv4 pool block size must be greater than 19 and less than or equal to
// 32"), and calico-node stops at startup on a bad `CALICO_IPV4POOL_BLOCK_SIZE` ("Invalid blocksize %d
// for version %d"). A pool must hold at least one block: "IP pool size is too small for use with
// Calico IPAM. It must be equal to or greater than the block size." (the HEAD CEL rule skips disabled
// pools) (domain-rules.md §9.1, §9.3, §9.4, §18 SIZE-006/007).

import type { Fact, Fix } from '../model';
import type { Family } from '../net/addr';
import { CALICO_DEFAULT_BLOCK_SIZE, CalicoPoolCapacity } from '../plan/capacity';
import type { Rule, RuleContext } from './rule';
import { FindingSet, at, label, numberFix, pow2, related, resizeFix, widerPrefix } from './sizeCapacityReport';
import { formatCount } from '../text/format';
import { capacityOf } from '../plan/capacity';

const CALICO = new Set<Fact['component']>(['calico', 'calico-operator', 'calico-node']);
const LIMITS: Readonly<Record<Family, readonly [number, number]>> = { 4: [20, 32], 6: [116, 128] };

export const blockSizeInvalid: Rule = {
  id: 'block-size-invalid',
  defaultSeverity: 'error',
  description: 'A Calico blockSize outside 20..32 (IPv4) or 116..128 (IPv6), or an enabled pool smaller than one block.',
  run(ctx) {
    const out = new FindingSet('block-size-invalid');
    const pools = capacityOf(ctx.plan).calicoPools;
    for (const size of ctx.plan.factsOf('block-size')) {
      if (!CALICO.has(size.component) || size.isDefault || size.value.kind !== 'number') continue;
      outOfRange(ctx, size, size.value.value, pools.find((p) => p.blockSize.fact === size), out);
    }
    for (const pool of pools) if (!pool.disabled && pool.blocks === 0n) poolSmallerThanBlock(ctx, pool, out);
    return out.findings;
  },
};

function outOfRange(ctx: RuleContext, size: Fact, value: number, pool: CalicoPoolCapacity | undefined, out: FindingSet): void {
  const family = (size.attributes?.family === 4 || size.attributes?.family === 6 ? size.attributes.family : pool?.family) as Family | undefined;
  const inRange = (f: Family) => value >= LIMITS[f][0] && value <= LIMITS[f][1];
  if (family ? inRange(family) : inRange(4) || inRange(6)) return;
  const [low, high] = LIMITS[family ?? 4];
  const bounds = family ? `${low}..${high} for IPv${family}` : '20..32 (IPv4) or 116..128 (IPv6)';
  const text = ownerMessage(size, value, family);
  const fixes = family ? defaultSizeFix(ctx, size, family, pool) : [];
  out.add(size, 'error', `blockSize ${size.text} (${size.source}) is outside ${bounds} — ${text}`, [], fixes);
}

function ownerMessage(size: Fact, value: number, family: Family | undefined): string {
  const f = family ?? 4;
  const [low, high] = LIMITS[f];
  switch (size.component) {
    case 'calico-operator':
      return `the tigera operator rejects it: "IPv${f} pool block size must be greater than ${low - 1} and less than or equal to ${high}"`;
    case 'calico-node':
      return `calico-node stops at startup: "Invalid blocksize ${value} for version ${f}"`;
    default:
      return `Calico rejects the pool: "IPv${f} block size must be between ${low} and ${high}"`;
  }
}

/** Calico's default block size, or the pool's own prefix when the pool is smaller than a default block. */
function defaultSizeFix(ctx: RuleContext, size: Fact, family: Family, pool: CalicoPoolCapacity | undefined): Fix[] {
  const [, high] = LIMITS[family];
  const target = Math.max(CALICO_DEFAULT_BLOCK_SIZE[family], pool?.poolPrefix ?? 0);
  if (target > high) return [];
  return numberFix(ctx, size, target, `Set blockSize to ${target}${target === CALICO_DEFAULT_BLOCK_SIZE[family] ? " (Calico's default)" : ''}`, true);
}

function poolSmallerThanBlock(ctx: RuleContext, pool: CalicoPoolCapacity, out: FindingSet): void {
  const bs = pool.blockSize;
  const [, high] = LIMITS[pool.family];
  if (bs.value > high) return; // The block size itself is out of range (reported above).
  const text =
    pool.pool.component === 'calico-operator'
      ? 'the tigera operator rejects it: "IP pool size is too small. It must be equal to or greater than the block size"'
      : pool.pool.component === 'calico-node'
        ? 'calico-node cannot create the pool and stops: "Failed to create default IPv' + pool.family + ' IP pool: IP pool size is too small for use with Calico IPAM. It must be equal to or greater than the block size."'
        : 'Calico rejects it: "IP pool size is too small for use with Calico IPAM. It must be equal to or greater than the block size."';
  const sizeFact = bs.fact && !bs.fact.isDefault ? bs.fact : undefined;
  const blockText = `blocks of /${bs.value} (${bs.label}${bs.origin === 'default' ? ', default' : ''}${sizeFact ? `, ${at(ctx, sizeFact)}` : ''})`;
  const width = pool.family === 4 ? 32 : 128;
  // A size that gives the pool up to four blocks, of 8 addresses at least (smaller ones are too-few-blocks' finding).
  const fitting = Math.max(pool.poolPrefix, Math.min(pool.poolPrefix + 2, width - 3));
  const setSize = sizeFact ? numberFix(ctx, sizeFact, fitting, `Set blockSize to ${fitting} (${formatCount(pow2(fitting - pool.poolPrefix))} block${fitting === pool.poolPrefix ? '' : 's'} of ${formatCount(pow2(width - fitting))} addresses)`, true) : [];
  const wider = widerPrefix(ctx, pool.pool, bs.value);
  const widen = wider ? resizeFix(ctx, pool.pool, wider, 'pool', `one block of /${bs.value}`, setSize.length === 0) : [];
  const poolMessage = `${label(pool.pool)} is smaller than one of its ${blockText} — ${text}`;
  out.add(pool.pool, 'error', poolMessage, related(sizeFact, 'the block size'), [...setSize, ...widen]);
  if (sizeFact) {
    out.add(sizeFact, 'error', `blockSize ${sizeFact.text} (${sizeFact.source}) makes blocks larger than the pool ${pool.pool.text} (${at(ctx, pool.pool)}) — ${text}`, related(pool.pool, poolMessage), setSize);
  }
}
