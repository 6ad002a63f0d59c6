// The cluster DNS address a distribution derives from its service range. Kubernetes' convention
// (kubeadm's GetDNSIP: GetIndexedIP(serviceSubnet, 10)) is followed by k3s, Talos, k0s, kops, eksctl,
// KubeOne, k3d and OpenShift's DNS operator; each extractor cites its owner where it derives one.

import type { Fact } from '../../model';
import { addrFrom, formatAddr } from '../../net/addr';

/** Where the DNS Service sits in the service range: its tenth address. */
export const DNS_SERVICE_INDEX = 10n;

/** The address `index` places after the start of a range fact's prefix, if the prefix holds it. */
export function indexedAddress(range: Fact, index: bigint): string | undefined {
  if (range.value.kind !== 'prefix') return undefined;
  const { family, first, last } = range.value.range;
  return first + index <= last ? formatAddr(addrFrom(family, first + index)) : undefined;
}

/** The DNS Service's address in a service range fact, if the range holds a tenth address. */
export function dnsServiceAddress(services: Fact): string | undefined {
  return indexedAddress(services, DNS_SERVICE_INDEX);
}
