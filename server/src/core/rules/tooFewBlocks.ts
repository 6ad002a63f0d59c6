// Rule: too-few-blocks — a Calico pool has fewer blocks than the cluster's nodes, or blocks of 4 addresses or fewer.
//
// Calico IPAM gives each node blocks of `blockSize` from the pools (2^(blockSize − poolPrefix) of
// them). When there are fewer blocks than nodes, a node without one borrows addresses from other
// nodes' blocks — more routes, and with `strictAffinity: true` its pods fail with "No more free affine
// blocks and strict affinity enabled". Tiny blocks (blockSize 30 and up: 4 addresses or fewer) make
// every node claim a new block, and announce a new route, every few pods (domain-rules.md §9.2, §17,
// §18 CAP-003).

import type { Fix } from '../model';
import { bitsOf } from '../net/addr';
import { prefixToRange, rangeSize } from '../net/prefix';
import type { CalicoPoolCapacity } from '../plan/capacity';
import { knownNodes } from '../plan/capacity';
import { formatCount, plural } from '../text/format';
import type { Rule, RuleContext } from './rule';
import { FindingSet, addresses, at, bitsFor, label, numberFix, pow2, resizeFix, widerPrefix } from './sizeCapacityReport';
import { capacityOf } from '../plan/capacity';

const TINY_BLOCK = 4n;
const LIMITS = { 4: [20, 32], 6: [116, 128] } as const;

export const tooFewBlocks: Rule = {
  id: 'too-few-blocks',
  defaultSeverity: 'warning',
  description: 'A Calico pool has fewer blocks than the known or expected nodes, or blocks of 4 addresses or fewer.',
  run(ctx) {
    const out = new FindingSet('too-few-blocks');
    const capacity = capacityOf(ctx.plan);
    const usable = capacity.calicoPools.filter((p) => !p.disabled && p.blocks !== undefined && p.blocks > 0n && inLimits(p));
    for (const pool of usable) {
      if (pool.addressesPerBlock === undefined || pool.addressesPerBlock > TINY_BLOCK) continue;
      const target = pool.blockSize.fact && !pool.blockSize.fact.isDefault ? pool.blockSize.fact : pool.pool;
      const width = bitsOf(pool.family);
      const better = Math.max(pool.poolPrefix, width - 6);
      const fixes = better < pool.blockSize.value ? numberFix(ctx, target, better, `Set blockSize to ${better} (${plural(pow2(better - pool.poolPrefix), 'block')} of ${formatCount(pow2(width - better))} addresses)`, true) : [];
      out.add(
        target,
        'warning',
        `blockSize ${pool.blockSize.value} (${pool.blockSize.label}) makes blocks of ${addresses(pool.addressesPerBlock)} in ${pool.pool.text}${target === pool.pool ? '' : ` (${at(ctx, pool.pool)})`}: every node claims a new block, and announces a new route, every ${pool.addressesPerBlock} pods — Calico's default is 64-address blocks (/${width - 6})`,
        [],
        fixes,
      );
    }
    for (const family of [4, 6] as const) {
      const pools = usable.filter((p) => p.family === family && p.forWorkloads);
      if (pools.length === 0) continue;
      const total = pools.reduce((sum, p) => sum + (p.blocks ?? 0n), 0n);
      const known = knownNodes(capacity, 'calico');
      const expected = capacity.nodes.expected?.value;
      const need = known && BigInt(known.count) > total ? known.count : expected !== undefined && BigInt(expected) > total ? expected : undefined;
      if (need === undefined) continue;
      const against = known && need === known.count ? `${known.what} in this cluster` : `expect.nodes ${formatCount(need)}`;
      for (const pool of pools) {
        const others = pools.length > 1 ? ` (${formatCount(total)} blocks in all ${pools.length} IPv${family} pools)` : '';
        const message = `${label(pool.pool)} holds ${plural(pool.blocks ?? 0n, 'block')} of /${pool.blockSize.value} (${pool.blockSize.label}${pool.blockSize.origin === 'default' ? ', default' : ''})${others}, fewer than ${against} — nodes without a block of their own borrow addresses from other nodes' blocks, and with strictAffinity their pods fail with "No more free affine blocks and strict affinity enabled"`;
        out.add(pool.pool, 'warning', message, [], blockFixes(ctx, pool, BigInt(need) - (total - (pool.blocks ?? 0n))));
      }
    }
    return out.findings;
  },
};

function inLimits(pool: CalicoPoolCapacity): boolean {
  const [low, high] = LIMITS[pool.family];
  return pool.blockSize.value >= low && pool.blockSize.value <= high;
}

/** Widen the pool so it holds `need` blocks (preferred), or, when blockSize is written, smaller blocks of 8 addresses or more. */
function blockFixes(ctx: RuleContext, pool: CalicoPoolCapacity, need: bigint): Fix[] {
  const out: Fix[] = [];
  const bs = pool.blockSize.value;
  const width = bitsOf(pool.family);
  const bits = Math.min(pool.poolPrefix - 1, bs - bitsFor(need));
  if (bits >= 0) {
    const target = widerPrefix(ctx, pool.pool, bits);
    if (target) out.push(...resizeFix(ctx, pool.pool, target, 'pool', `${plural(rangeSize(prefixToRange(target.prefix)) / pow2(width - bs), 'block')} of /${bs}`));
  }
  const sizeFact = pool.blockSize.fact && !pool.blockSize.fact.isDefault ? pool.blockSize.fact : undefined;
  const smaller = pool.poolPrefix + bitsFor(need);
  if (sizeFact && smaller > bs && smaller <= width - 3) {
    out.push(...numberFix(ctx, sizeFact, smaller, `Set blockSize to ${smaller} (${plural(pow2(smaller - pool.poolPrefix), 'block')} of ${formatCount(pow2(width - smaller))} addresses)`, out.length === 0));
  }
  return out;
}
