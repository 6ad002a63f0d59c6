// Which subnet manager flannel runs with. A net-conf.json in a file with a flanneld command line says
// it (`--kube-subnet-mgr`, or `--etcd-endpoints`); one without (a standalone net-conf.json, a ConfigMap
// apart from its DaemonSet) is assumed to be the kube subnet manager, unless some file of the scope runs
// flanneld with etcd endpoints and no --kube-subnet-mgr: then the scope's flannel is the etcd subnet
// manager, where SubnetLen, SubnetMin and SubnetMax are what sizes node subnets.

import type { Fact } from '../model';
import type { AddressPlan } from './plan';

const KUBE_SUBNET_MGR = /--kube-subnet-mgr(?!=false)|FLANNELD_KUBE_SUBNET_MGR/;
const ETCD_ENDPOINTS = /--etcd-endpoints|FLANNELD_ETCD_ENDPOINTS/;

/** Computed once per plan, and only for plans with a flannel config whose mode its own file leaves open. */
const runsEtcdFlannel = new WeakMap<AddressPlan, boolean>();

function scopeRunsEtcdFlannel(plan: AddressPlan): boolean {
  let answer = runsEtcdFlannel.get(plan);
  if (answer === undefined) {
    answer = plan.scope.files.some((file) => file.text.includes('flanneld') && ETCD_ENDPOINTS.test(file.text) && !KUBE_SUBNET_MGR.test(file.text));
    runsEtcdFlannel.set(plan, answer);
  }
  return answer;
}

/** Whether a flannel fact's daemon takes node subnets from the Node podCIDRs (`--kube-subnet-mgr`). */
export function usesKubeSubnetMgr(plan: AddressPlan, fact: Fact): boolean {
  if (fact.attributes?.kubeSubnetMgrAssumed !== true) return fact.attributes?.kubeSubnetMgr !== false;
  return !scopeRunsEtcdFlannel(plan);
}
