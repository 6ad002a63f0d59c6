import type { RuleId } from '../model';

/** Every rule of SPEC §3, in catalogue order. */
export const RULE_IDS: readonly RuleId[] = [
  'invalid-cidr',
  'non-canonical-cidr',
  'non-standard-notation',
  'wrong-family',
  'wrong-value-kind',
  'service-range-too-large',
  'range-too-small',
  'node-mask-invalid',
  'block-size-invalid',
  'flannel-subnet-len-invalid',
  'range-overlap',
  'cross-cluster-overlap',
  'reserved-range',
  'docker-bridge-overlap',
  'pod-network-mismatch',
  'address-outside-range',
  'duplicate-address',
  'conflicting-definitions',
  'too-few-node-subnets',
  'node-subnet-too-small',
  'too-few-blocks',
  'service-range-full',
  'high-utilization',
];
