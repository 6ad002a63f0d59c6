// Calico pools and their IPAM blocks: how many blocks of `blockSize` a pool holds and how many are claimed.

import { bitsOf } from '../../net/addr';
import { rangeContains } from '../../net/prefix';
import type { AddressPlan } from '../plan';
import { factsByGroup } from '../planIndex';
import { CALICO_COMPONENTS, CALICO_DEFAULT_BLOCK_SIZE } from './defaults';
import { distinctRanges, figureOf, prefixBits, utilization } from './figures';
import type { CalicoPoolCapacity, Figure } from './model';

export function calicoCapacities(plan: AddressPlan): CalicoPoolCapacity[] {
  const sizes = factsByGroup(plan.factsOf('block-size').filter((f) => CALICO_COMPONENTS.has(f.component) && f.value.kind === 'number'));
  const blocks = plan.rangesOf('ipam-block').filter((f) => f.value.kind === 'prefix');
  return [...plan.rangesOf('cni-pod-pool'), ...plan.rangesOf('lb-pool')].flatMap((pool) => {
    if (!CALICO_COMPONENTS.has(pool.component) || pool.value.kind !== 'prefix') return [];
    const family = pool.value.range.family;
    const sizeFact = sizes.get(pool.group)?.find((s) => s.attributes?.family === undefined || s.attributes.family === family);
    const blockSize: Figure<number> = sizeFact ? figureOf(sizeFact) : { value: CALICO_DEFAULT_BLOCK_SIZE[family], origin: 'default', label: 'Calico default blockSize' };
    const width = bitsOf(family);
    const prefix = prefixBits(pool);
    const valid = Number.isInteger(blockSize.value) && blockSize.value >= 0 && blockSize.value <= width;
    const count = !valid ? undefined : blockSize.value < prefix ? 0n : 1n << BigInt(blockSize.value - prefix);
    const allocated = blocks.filter((b) => rangeContains(pool.value.range, b.value.range));
    const uses = String(pool.attributes?.allowedUses ?? 'Workload,Tunnel').split(',');
    return [
      {
        family,
        pool,
        poolPrefix: prefix,
        blockSize,
        blocks: count,
        addressesPerBlock: valid ? 1n << BigInt(width - blockSize.value) : undefined,
        disabled: pool.attributes?.disabled === true,
        forWorkloads: pool.role === 'cni-pod-pool' && uses.includes('Workload'),
        allocated,
        utilization: count === undefined ? undefined : utilization(BigInt(distinctRanges(allocated)), count),
      },
    ];
  });
}
