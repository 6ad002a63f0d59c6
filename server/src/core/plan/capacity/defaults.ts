// The owners' defaults the capacity figures fall back on, and which components own which allocator.

import type { Component } from '../../model';
import type { Family } from '../../net/addr';

/** kube-controller-manager's `defaultNodeMaskCIDRIPv4` / `defaultNodeMaskCIDRIPv6`. */
export const KCM_DEFAULT_NODE_MASK: Readonly<Record<Family, number>> = { 4: 24, 6: 64 };

/** The kubelet's default maxPods. */
export const KUBELET_DEFAULT_MAX_PODS = 110;

/** Calico's default block sizes. */
export const CALICO_DEFAULT_BLOCK_SIZE: Readonly<Record<Family, number>> = { 4: 26, 6: 122 };

/**
 * Components that pass a cluster CIDR to kube-controller-manager (or are it): owners whose pod network is split into node subnets by KCM's node IPAM, or by a controller with its
 * semantics (OpenShift's OVN-Kubernetes cluster manager gives each node one /hostPrefix of its entry).
 */
export const KCM_OWNERS: ReadonlySet<Component> = new Set<Component>(['kube-controller-manager', 'kubeadm', 'k3s', 'kind', 'cluster-api', 'openshift', 'kops', 'k0s', 'kubeone', 'rke', 'k3d', 'talos']);

/** Distributions and installers whose service range setting is what the apiserver they run gets. */
export const SERVICE_RANGE_DISTRIBUTIONS: ReadonlySet<Component> = new Set<Component>(['k3s', 'kind', 'cluster-api', 'openshift', 'kops', 'eksctl', 'k0s', 'kubeone', 'rke', 'k3d', 'talos']);

/** The components that write Calico pools and block sizes (manifests, the tigera operator, calico-node env). */
export const CALICO_COMPONENTS: ReadonlySet<Component> = new Set<Component>(['calico', 'calico-operator', 'calico-node']);

/** Cilium IPAM modes in which the operator carves per-node CIDRs from its own cluster pool. */
export const CILIUM_CLUSTER_POOL_MODES = ['cluster-pool', 'cluster-pool-v2beta'];
