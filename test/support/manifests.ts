// Manifests that many protocol tests and the benchmark build their workspaces from, written once.

/** A kubeadm ClusterConfiguration with the given pod and service subnets. */
export function kubeadmConfig(podSubnet = '10.244.0.0/16', serviceSubnet = '10.96.0.0/12'): string {
  return `apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
networking:
  podSubnet: ${podSubnet}
  serviceSubnet: ${serviceSubnet}
`;
}

/** The kube-flannel ConfigMap, with `net-conf.json` as JSON inside a block scalar (as upstream writes it). */
export function flannelConfig(network = '10.244.0.0/16'): string {
  return `apiVersion: v1
kind: ConfigMap
metadata:
  name: kube-flannel-cfg
  namespace: kube-flannel
data:
  net-conf.json: |
    {
      "Network": "${network}",
      "Backend": { "Type": "vxlan" }
    }
`;
}
