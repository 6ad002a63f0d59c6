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

type Write = (relative: string, text: string) => void;

function writerAt(root: string): Write {
  return (relative, text) => {
    const path = join(root, relative);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
  };
}

/**
 * One cluster's files below `prefix`: its kubeadm and Flannel configs, then `fileCount - 2` others,
 * 85 % Deployments and ConfigMaps without any address, the rest Services, NetworkPolicies, Nodes,
 * Calico and MetalLB pools.
 */
function writeCluster(write: Write, prefix: string, fileCount: number, rand: () => number): void {
  write(`${prefix}cluster/kubeadm.yaml`, KUBEADM);
  write(`${prefix}cluster/kube-flannel.yaml`, FLANNEL);
  for (let i = 0, written = 2; written < fileCount; i++, written++) {
    const team = `team-${i % 40}`;
    const pick = rand();
    if (pick < 0.5) write(`${prefix}apps/${team}/deploy-${i}.yaml`, deployment(`svc-${i}`, rand));
    else if (pick < 0.85) write(`${prefix}apps/${team}/config-${i}.yaml`, configMap(`cfg-${i}`, rand));
    else if (pick < 0.93) write(`${prefix}apps/${team}/service-${i}.yaml`, service(`svc-${i}`, i));
    else if (pick < 0.97) write(`${prefix}apps/${team}/netpol-${i}.yaml`, networkPolicy(`np-${i}`, i));
    else if (pick < 0.99) write(`${prefix}cluster/nodes/node-${i}.yaml`, node(i));
    else if (pick < 0.995) write(`${prefix}cluster/calico/pool-${i}.yaml`, calicoPool(i % 16));
    else write(`${prefix}cluster/metallb/pool-${i}.yaml`, metallbPool(i % 200));
  }
}

/** The realistic repository of one cluster: 2,000 files (see `writeCluster`). */
export function generateRepository(root: string, fileCount = 2000, seed = 42): void {
  rmSync(root, { recursive: true, force: true });
  writeCluster(writerAt(root), '', fileCount, random(seed));
}

/**
 * A monorepo of `clusters` clusters, `fileCount` files in all: each cluster a folder with its own
 * `.cidr-lens.yaml` (which makes it a cluster root) and the realistic mix of `writeCluster`.
 */
export function generateMonorepo(root: string, fileCount = 20_000, clusters = 50, seed = 7): void {
  rmSync(root, { recursive: true, force: true });
  const write = writerAt(root);
  const rand = random(seed);
  const perCluster = Math.floor(fileCount / clusters) - 1;
  for (let c = 0; c < clusters; c++) {
    write(`clusters/c${c}/.cidr-lens.yaml`, `cluster: c${c}\n`);
    writeCluster(write, `clusters/c${c}/`, perCluster, rand);
  }
}

/** The shape of one large cluster: how many Nodes, Services and load-balancer pools it holds. */
export interface LargeClusterShape {
  readonly nodes: number;
  readonly services: number;
  readonly pools: number;
}

export const LARGE_CLUSTER: LargeClusterShape = { nodes: 5_000, services: 10_000, pools: 200 };

/** Documents per generated file: clusters this large are kept as `kubectl get -o yaml` dumps, not a file per object. */
const DOCUMENTS_PER_FILE = 100;

/**
 * One cluster with thousands of ranges. Healthy: every Node's podCIDR in the pod subnet, every ClusterIP
 * in the service range, disjoint MetalLB pools. Broken, with the same number of files, documents and
 * ranges: a pod subnet too small for the Nodes (most podCIDRs outside it), a service range too small for
 * the Services (most ClusterIPs outside it), and every pool overlapping its neighbour, so every rule's
 * findings and fix searches run at once.
 */
export function generateLargeCluster(root: string, broken: boolean, shape: LargeClusterShape = LARGE_CLUSTER): void {
  rmSync(root, { recursive: true, force: true });
  const write = writerAt(root);
  write('kubeadm.yaml', kubeadmConfig(broken ? '10.0.0.0/16' : '10.0.0.0/10', broken ? '10.96.0.0/22' : '10.96.0.0/16'));
  const chunks = (count: number, document: (i: number) => string, name: string) => {
    for (let start = 0; start < count; start += DOCUMENTS_PER_FILE) {
      const docs: string[] = [];
      for (let i = start; i < Math.min(count, start + DOCUMENTS_PER_FILE); i++) docs.push(document(i));
      write(`${name}-${start / DOCUMENTS_PER_FILE}.yaml`, docs.join('---\n'));
    }
  };
  chunks(shape.nodes, (i) => `apiVersion: v1\nkind: Node\nmetadata:\n  name: n${i}\nspec:\n  podCIDR: 10.${(i >> 8) & 31}.${i & 255}.0/24\nstatus:\n  addresses:\n    - { type: InternalIP, address: 192.168.${((i + 1) >> 8) & 255}.${(i + 1) & 255} }\n`, 'nodes/nodes');
  chunks(shape.services, (i) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: s${i}\nspec:\n  clusterIP: 10.96.${((i + 2) >> 8) & 255}.${(i + 2) & 255}\n  ports: [{ port: 80 }]\n`, 'services/services');
  // Half the pools are MetalLB's: healthy, disjoint /27s of 172.20.0.0/16; broken, /26s each
  // overlapping the next. The other half are Calico IPPools: healthy, /20s of 10.32.0.0/11 inside the
  // pod subnet; broken, /24s outside it whose 4 blocks are far too few for 5,000 nodes.
  const lbPools = Math.ceil(shape.pools / 2);
  chunks(lbPools, (i) => `apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata:\n  name: pool-${i}\n  namespace: metallb-system\nspec:\n  addresses: [172.20.${i >> 3}.${(i & 7) * 32}/${broken ? 26 : 27}]\n`, 'pools/metallb');
  chunks(shape.pools - lbPools, (i) => `apiVersion: projectcalico.org/v3\nkind: IPPool\nmetadata:\n  name: pool-${i}\nspec:\n  cidr: ${broken ? `10.200.${i}.0/24` : `10.${32 + (i >> 4)}.${(i & 15) * 16}.0/20`}\n  blockSize: 26\n`, 'pools/calico');
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

/** The networks of the IPAM rows: distinct /24s counted up from 10.0.0.0 (100,000 of them reach 11.134.159.0/24). */
function ipamNetwork(i: number): string {
  const base = (10 << 24) + i * 256;
  return `${(base >>> 24) & 255}.${(base >>> 16) & 255}.${(base >>> 8) & 255}.0/24`;
}

/**
 * One kubeadm/Calico cluster beside `rows` allocated networks, twice: imported from a NetBox CSV
 * export (`externalNetworks: [{ from: ipam/prefixes.csv }]`) and listed literally in the config, the
 * same networks either way. The pod and service ranges collide with 4,352 of them, so findings and fix
 * searches run at scale.
 */
export function generateIpamPair(importRoot: string, literalRoot: string, rows = 100_000): void {
  const cluster = (root: string) => {
    rmSync(root, { recursive: true, force: true });
    const write = writerAt(root);
    write('kubeadm.yaml', kubeadmConfig('10.1.0.0/16', '10.96.0.0/12'));
    write('calico-pool.yaml', 'apiVersion: projectcalico.org/v3\nkind: IPPool\nmetadata:\n  name: default-ipv4-ippool\nspec:\n  cidr: 10.1.0.0/16\n  blockSize: 26\n');
    return write;
  };
  const names = Array.from({ length: rows }, (_, i) => `site ${i % 400} segment ${i}`);
  const imported = cluster(importRoot);
  imported('.cidr-lens.yaml', 'externalNetworks:\n  - { from: ipam/prefixes.csv }\n');
  imported('ipam/prefixes.csv', 'Prefix,Status,VRF,Tenant,Description\n' + names.map((name, i) => `${ipamNetwork(i)},Active,Global,tenant-${i % 50},${name}\n`).join(''));
  const literal = cluster(literalRoot);
  literal('.cidr-lens.yaml', 'externalNetworks:\n' + names.map((name, i) => `  - { cidr: ${ipamNetwork(i)}, name: "${name}" }\n`).join(''));
}
