// Load-balancer pools: the addresses each hands out and the LB IPs requested inside it.

import { bitsOf } from '../../net/addr';
import { rangeContains, rangeSize } from '../../net/prefix';
import type { AddressPlan } from '../plan';
import { distinctAddresses, onePerObject, prefixBits, utilization } from './figures';
import type { LbPoolCapacity } from './model';

export function lbCapacities(plan: AddressPlan): LbPoolCapacity[] {
  const lbIps = onePerObject(plan.rangesOf('lb-ip').filter((f) => f.value.kind === 'address'));
  return plan.rangesOf('lb-pool').map((pool) => {
    const family = pool.value.range.family;
    const addresses = rangeSize(pool.value.range);
    const width = bitsOf(family);
    // Cilium LB-IPAM keeps the first and last address of a CIDR (not of a start-stop range) unless told otherwise; /31-/32 and /127-/128 are exempt.
    const ciliumReserves = pool.component === 'cilium' && pool.value.kind === 'prefix' && pool.attributes?.allowFirstLastIPs !== 'Yes' && prefixBits(pool) < width - 1;
    const usable = ciliumReserves ? addresses - 2n : addresses;
    const allocated = distinctAddresses(lbIps.filter((ip) => rangeContains(pool.value.range, ip.value.range)));
    return { family, pool, addresses, usable, allocated, utilization: utilization(BigInt(allocated.length), usable) };
  });
}
