// The registry of extractors: one per source of address facts (SPEC §1).

import type { Extractor } from './extractor';
import { calicoIpPool } from './calicoIpPool';
import { calicoNode } from './calicoNode';
import { calicoOperator } from './calicoOperator';
import { calicoResources } from './calicoResources';
import { cilium } from './cilium';
import { ciliumNetworkPolicy } from './ciliumNetworkPolicy';
import { flannel } from './flannel';
import { metallb } from './metallb';
import { loadBalancerAnnotations } from './loadBalancerAnnotations';
import { networkAttachment } from './networkAttachment';
import { weave } from './weave';
import { kubeOvn } from './kubeOvn';
import { antrea } from './antrea';
import { clusterApi } from './clusterApi';
import { controlPlaneFlags } from './controlPlaneFlags';
import { ansibleVariables } from './ansibleVariables';
import { k3s } from './k3s';
import { kind } from './kind';
import { kops } from './kops';
import { eksctl } from './eksctl';
import { kubeadm } from './kubeadm';
import { kubelet } from './kubelet';
import { kubeProxy } from './kubeProxy';
import { kubernetesNode } from './kubernetesNode';
import { kubernetesService } from './kubernetesService';
import { coreDnsChart } from './coreDnsChart';
import { networkPolicy } from './networkPolicy';
import { serviceCidr } from './serviceCidr';
import { openshift } from './openshift';
import { k0s } from './k0s';
import { kubeone } from './kubeone';
import { rke } from './rke';
import { k3d } from './k3d';
import { talos } from './talos';
import { talhelper } from './talhelper';

export type { Extractor } from './extractor';

export const extractors: readonly Extractor[] = [
  // Kubernetes, its components and distributions.
  kubernetesService,
  coreDnsChart,
  kubernetesNode,
  networkPolicy,
  serviceCidr,
  kubeadm,
  kubeProxy,
  kubelet,
  controlPlaneFlags,
  kind,
  k3s,
  clusterApi,
  kops,
  eksctl,
  ansibleVariables,
  // Installers and distributions.
  openshift,
  k0s,
  kubeone,
  rke,
  k3d,
  talos,
  talhelper,
  // CNIs and load balancers.
  calicoIpPool,
  calicoResources,
  calicoOperator,
  calicoNode,
  flannel,
  cilium,
  ciliumNetworkPolicy,
  metallb,
  loadBalancerAnnotations,
  weave,
  kubeOvn,
  antrea,
  networkAttachment,
];
