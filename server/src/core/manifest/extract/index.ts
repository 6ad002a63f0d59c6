// The registry of extractors: one per source of address facts (SPEC §1).

import type { Extractor } from './extractor';
import { kubeadm } from './kubeadm';

export type { Extractor } from './extractor';

export const extractors: readonly Extractor[] = [
  // Kubernetes, its components and distributions.
  kubeadm,
  // CNIs and load balancers.
];
