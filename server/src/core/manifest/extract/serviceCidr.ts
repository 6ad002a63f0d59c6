// Extractor: Kubernetes `ServiceCIDR` (networking.k8s.io v1, v1beta1, v1alpha1) spec.cidrs, domain-rules.md
// §1.2: extra or replacement service ranges, validated strictly (canonical form, no host bits).

import type { Extractor } from './extractor';
import { apiGroupOf } from './componentConfig';
import { K8S_STRICT_CIDR } from './syntax';

export const serviceCidr: Extractor = {
  name: 'service-cidr',
  triggers: ['ServiceCIDR'],
  extract(ctx) {
    if (ctx.ref.kind !== 'ServiceCIDR' || apiGroupOf(ctx) !== 'networking.k8s.io') return [];
    return ctx.list(ctx.get(['spec', 'cidrs']), {
      role: 'service-network',
      component: 'kubernetes',
      source: 'ServiceCIDR spec.cidrs',
      syntax: K8S_STRICT_CIDR,
      group: 'service-cidr',
    });
  },
};
