// Deterministic generators for the benchmark: a realistic repository (most files hold no address at
// all) and scaling sets of Node podCIDRs. Same seed, same bytes, on every machine.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { flannelConfig, kubeadmConfig } from '../test/support/manifests';

/** A small, fast, seedable PRNG (mulberry32), so generated workspaces are identical everywhere. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function deployment(name: string, rand: () => number): string {
  const replicas = 1 + Math.floor(rand() * 5);
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: apps
  labels: { app: ${name}, tier: backend }
spec:
  replicas: ${replicas}
  selector:
    matchLabels: { app: ${name} }
  template:
    metadata:
      labels: { app: ${name} }
    spec:
      containers:
        - name: ${name}
          image: registry.example.com/${name}:1.${Math.floor(rand() * 40)}.${Math.floor(rand() * 10)}
          args: ["--port=8080", "--log-level=info"]
          ports: [{ containerPort: 8080 }]
          env:
            - { name: DATABASE_HOST, value: db.apps.svc.cluster.local }
            - { name: CACHE_TTL, value: "300" }
          resources:
            requests: { cpu: 100m, memory: 128Mi }
            limits: { cpu: 500m, memory: 512Mi }
          readinessProbe:
            httpGet: { path: /healthz, port: 8080 }
            periodSeconds: 10
`;
}

function configMap(name: string, rand: () => number): string {
  const lines: string[] = [];
  for (let i = 0; i < 6 + Math.floor(rand() * 10); i++) lines.push(`    key${i}: value-${Math.floor(rand() * 1e6)}`);
  return `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}
  namespace: apps
data:
  application.yaml: |
${lines.join('\n')}
  LOG_FORMAT: json
`;
}

function service(name: string, index: number): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: apps
spec:
  selector: { app: ${name} }
  clusterIP: 10.96.${(index >> 8) & 255}.${(index & 255) || 1}
  ports: [{ port: 80, targetPort: 8080 }]
`;
}

function networkPolicy(name: string, index: number): string {
  return `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${name}
  namespace: apps
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
    - to:
        - ipBlock:
            cidr: 172.${16 + (index % 16)}.0.0/16
            except: [172.${16 + (index % 16)}.1.0/24]
`;
}

function node(index: number): string {
  return `apiVersion: v1
kind: Node
metadata:
  name: worker-${index}
spec:
  podCIDR: 10.244.${index & 255}.0/24
  podCIDRs: [10.244.${index & 255}.0/24]
`;
}

const KUBEADM = kubeadmConfig();

const FLANNEL = flannelConfig();

function calicoPool(index: number): string {
  return `apiVersion: projectcalico.org/v3
kind: IPPool
metadata:
  name: pool-${index}
spec:
  cidr: 10.244.${index * 16}.0/20
  blockSize: 26
  disabled: ${index > 0}
`;
}

function metallbPool(index: number): string {
  return `apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata:
  name: pool-${index}
  namespace: metallb-system
spec:
  addresses: [192.168.${index}.0/26]
`;
}

/**
 * The realistic repository: 2,000 files; 85 % Deployments and ConfigMaps without any address; the rest
 * Services, NetworkPolicies, Nodes, Calico and MetalLB pools, one kubeadm and one Flannel config.
 */
export function generateRepository(root: string, fileCount = 2000, seed = 42): void {
  rmSync(root, { recursive: true, force: true });
  const rand = random(seed);
  const write = (relative: string, text: string) => {
    const path = join(root, relative);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
  };
  write('cluster/kubeadm.yaml', KUBEADM);
  write('cluster/kube-flannel.yaml', FLANNEL);
  let written = 2;
  for (let i = 0; written < fileCount; i++, written++) {
    const team = `team-${i % 40}`;
    const pick = rand();
    if (pick < 0.5) write(`apps/${team}/deploy-${i}.yaml`, deployment(`svc-${i}`, rand));
    else if (pick < 0.85) write(`apps/${team}/config-${i}.yaml`, configMap(`cfg-${i}`, rand));
    else if (pick < 0.93) write(`apps/${team}/service-${i}.yaml`, service(`svc-${i}`, i));
    else if (pick < 0.97) write(`apps/${team}/netpol-${i}.yaml`, networkPolicy(`np-${i}`, i));
    else if (pick < 0.99) write(`cluster/nodes/node-${i}.yaml`, node(i));
    else if (pick < 0.995) write(`cluster/calico/pool-${i}.yaml`, calicoPool(i % 16));
    else write(`cluster/metallb/pool-${i}.yaml`, metallbPool(i % 200));
  }
}

/** `count` Node podCIDRs: distinct, disjoint /26s of 10.0.0.0/8, in files of 1,000 documents, plus the kubeadm config that owns them. */
export function nodePodCidrTexts(count: number): string[] {
  const files = [`apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
networking:
  podSubnet: 10.0.0.0/8
  serviceSubnet: 172.16.0.0/16
controllerManager:
  extraArgs:
    - { name: node-cidr-mask-size-ipv4, value: "26" }
`];
  for (let start = 0; start < count; start += 1000) {
    const docs: string[] = [];
    for (let i = start; i < Math.min(count, start + 1000); i++) {
      const cidr = `10.${(i >> 10) & 255}.${(i >> 2) & 255}.${(i & 3) * 64}/26`;
      docs.push(`apiVersion: v1\nkind: Node\nmetadata:\n  name: n${i}\nspec:\n  podCIDR: ${cidr}\n`);
    }
    files.push(docs.join('---\n'));
  }
  return files;
}
