// Extractor: Ansible variables that configure well-known Kubernetes installers, by their documented
// names — in group_vars/host_vars files and role defaults (a document whose root is the variables),
// in YAML inventories (`<group>.vars`, host variables under `<group>.hosts`, nested `children`), and in
// playbooks (a play's `vars`, a task's `set_fact`). A document has no apiVersion or kind, so it is
// recognised by a key set only that installer uses, never by one generic name:
//
//   - kubespray: two of its variables (`kube_pods_subnet`, `kube_service_addresses`, `kube_network_plugin`,
//     `calico_pool_blocksize`…), or an inventory with its `kube_control_plane`/`k8s_cluster` groups.
//     `kube_service_addresses(_ipv6)` and `kube_pods_subnet(_ipv6)` become kubeadm's serviceSubnet and
//     podSubnet, `kube_network_node_prefix(_ipv6)` KCM's node-cidr-mask-size-ipv4/6 (kubespray's
//     defaults 24 and 120 when a pod subnet is written without it); `calico_pool_cidr(_ipv6)` and
//     `calico_pool_blocksize(_ipv6)` the Calico IPPool it creates (unless `kube_network_plugin` is not calico).
//   - lablabs ansible-role-rke2: `rke2_cluster_cidr`/`rke2_service_cidr` (lists written into RKE2's
//     config.yaml as `cluster-cidr`/`service-cidr`) beside another `rke2_` variable. (A `k3s_…`/`rke2_…`
//     variable holding a whole config map is k3s.ts's.)
//   - techno-tim k3s-ansible: `apiserver_endpoint` with one of its own variables (`metal_lb_ip_range`,
//     `extra_server_args`, `k3s_version`…). Its templates decide what applies: `cluster_cidr` becomes
//     k3s's `--cluster-cidr` only with Calico or Cilium (`calico_iface`/`cilium_iface`), else flannel
//     runs on k3s's default; `metal_lb_ip_range` is the MetalLB pool unless Cilium's BGP control plane
//     (`cilium_bgp`) replaces MetalLB, whose pool is then `cilium_bgp_lb_cidr`. Literal `--cluster-cidr`
//     and `--service-cidr` in `extra_server_args` win; k3s's defaults fill the rest (not in playbook
//     overrides, which sit on top of another file's variables).
//   - khuedoan homelab: `load_balancer_ip_pool` (its Cilium LB-IPAM pool `default`) with `control_plane_endpoint`.
//
// Addresses of the nodes themselves (`apiserver_endpoint`, `control_plane_endpoint`, an inventory's
// `ansible_host`) are node addresses when they are IP addresses; host names are left alone.

import { isMap, isSeq } from 'yaml';
import type { Component, Fact, Role } from '../../model';
import { isParseError, parseAddr, type Family } from '../../net/addr';
import type { ExtractContext, FieldSpec } from './context';
import type { Extractor } from './extractor';
import { argumentWords, flagValueFacts, lastFlags, readFlags } from './flags';
import { documentMentions } from './valueMaps';
import { CALICO_STRICT_CIDR, COMPONENT_CIDR, COMPONENT_IP, GO_ADDRESS_RANGE, GO_MASKING_CIDR, INTEGER, METALLB_ADDRESSES, withFamily } from './syntax';
import { isTemplate } from '../value';
import { Node, getKey, getKeyNode, mapEntries, scalarString } from '../yamlNode';

type Attributes = Readonly<Record<string, string | number | boolean>>;

/** Where a map of variables sits: a variables file, an inventory group or host, or a playbook. */
interface VarMap {
  readonly map: Node;
  readonly kind: 'file' | 'inventory' | 'play';
}

interface Host {
  readonly name: string;
  readonly map: Node;
}

interface Variables {
  readonly maps: readonly VarMap[];
  readonly hosts: readonly Host[];
  readonly groups: ReadonlySet<string>;
  /** The last value of a variable over all maps, and the map that holds it. */
  find(name: string): { node: Node | undefined; key: Node; map: VarMap } | undefined;
  has(name: string): boolean;
}

// ---- recognition ---------------------------------------------------------------------------------

const KUBESPRAY_VARIABLES = [
  'kube_service_addresses', 'kube_pods_subnet', 'kube_network_node_prefix',
  'kube_service_addresses_ipv6', 'kube_pods_subnet_ipv6', 'kube_network_node_prefix_ipv6',
  'calico_pool_cidr', 'calico_pool_cidr_ipv6', 'calico_pool_blocksize', 'calico_pool_blocksize_ipv6',
];
/** Variables only kubespray defines; two of them mark its variables. */
const KUBESPRAY_MARKERS = [
  ...KUBESPRAY_VARIABLES, 'kube_network_plugin', 'kube_network_plugin_multus', 'kube_proxy_mode', 'kube_apiserver_ip',
  'kube_config_dir', 'kube_cert_dir', 'kube_version', 'calico_cni_name', 'calico_network_backend', 'calico_ipip_mode', 'calico_vxlan_mode',
  'skydns_server', 'kube_service_subnets', 'kube_pods_subnets',
];
/** kubespray's inventory groups (and their pre-2.23 names). */
const KUBESPRAY_GROUPS = [['kube_control_plane', 'kube-master'], ['k8s_cluster', 'k8s-cluster']];

const RKE2_VARIABLES = ['rke2_cluster_cidr', 'rke2_service_cidr'];

/** Variables only techno-tim's k3s-ansible defines; one of them beside `apiserver_endpoint` marks it. */
const K3S_ANSIBLE_MARKERS = [
  'metal_lb_ip_range', 'metal_lb_mode', 'metal_lb_type', 'metal_lb_speaker_tag_version', 'metal_lb_controller_tag_version',
  'cilium_bgp_lb_cidr', 'extra_server_args', 'extra_agent_args', 'k3s_master_taint', 'k3s_version', 'k3s_token', 'kube_vip_tag_version', 'kube_vip_arp',
];

const HOMELAB_VARIABLES = ['load_balancer_ip_pool', 'control_plane_endpoint'];

/** One of these is in every document a fact comes from: a fact's variable, or a recognising key or group. */
const TRIGGERS = ['kube_service_addresses', 'kube_pods_subnet', 'kube_network_node_prefix', 'calico_pool_', 'kube_control_plane', 'kube-master', ...RKE2_VARIABLES, 'apiserver_endpoint', 'load_balancer_ip_pool'];

export const ansibleVariables: Extractor = {
  name: 'ansible-variables',
  triggers: TRIGGERS,
  extract(ctx) {
    // Every recognised key set holds one of the triggers, so other documents are not walked.
    if (ctx.ref.kind !== '' || ctx.ref.apiVersion !== undefined || !documentMentions(ctx, TRIGGERS)) return [];
    const vars = variablesOf(ctx);
    if (vars.maps.length === 0 && vars.hosts.length === 0) return [];
    const kubespray = isKubespray(vars);
    const k3sAnsible = vars.has('apiserver_endpoint') && K3S_ANSIBLE_MARKERS.some((name) => vars.has(name));
    const homelab = HOMELAB_VARIABLES.every((name) => vars.has(name));
    const rke2 = RKE2_VARIABLES.some((name) => vars.has(name)) && vars.maps.some((m) => mapEntries(m.map, ctx.yaml).filter(([key]) => key.startsWith('rke2_')).length >= 2);
    return [
      ...(kubespray ? kubesprayFacts(ctx, vars) : []),
      ...(rke2 ? rke2Facts(ctx, vars) : []),
      ...(k3sAnsible ? k3sAnsibleFacts(ctx, vars) : []),
      ...(homelab ? homelabFacts(ctx, vars) : []),
      ...(kubespray || k3sAnsible || homelab || rke2 ? hostFacts(ctx, vars, kubespray ? 'kubeadm' : 'k3s', kubespray) : []),
    ];
  },
};

function isKubespray(vars: Variables): boolean {
  if (KUBESPRAY_MARKERS.filter((name) => vars.has(name)).length >= 2) return true;
  return KUBESPRAY_GROUPS.every((names) => names.some((name) => vars.groups.has(name)));
}

// ---- where variables are ------------------------------------------------------------------------

/** Inventories and plays nest no deeper than this; the bound keeps hostile input cheap. */
const MAX_DEPTH = 8;
const GROUP_KEYS = ['hosts', 'children', 'vars'];
const SET_FACT = ['set_fact', 'ansible.builtin.set_fact', 'ansible.legacy.set_fact'];
const TASK_LISTS = ['tasks', 'pre_tasks', 'post_tasks', 'handlers', 'block', 'rescue', 'always'];

function variablesOf(ctx: ExtractContext): Variables {
  const maps: VarMap[] = [];
  const hosts: Host[] = [];
  const groups = new Set<string>();
  const seen = new Set<Node>();
  const root = ctx.root;

  const isGroup = (node: Node | undefined): boolean => {
    const keys = mapEntries(node, ctx.yaml).map(([key]) => key);
    return keys.length > 0 && keys.every((key) => GROUP_KEYS.includes(key));
  };
  const visitGroup = (name: string, group: Node | undefined, depth: number): void => {
    groups.add(name);
    if (!group || depth > MAX_DEPTH || seen.has(group)) return;
    seen.add(group);
    const vars = getKey(group, 'vars', ctx.yaml);
    if (isMap(vars)) maps.push({ map: vars, kind: 'inventory' });
    for (const [host, hostVars] of mapEntries(getKey(group, 'hosts', ctx.yaml), ctx.yaml)) {
      if (!isMap(hostVars)) continue;
      hosts.push({ name: host, map: hostVars });
      maps.push({ map: hostVars, kind: 'inventory' });
    }
    for (const [child, childGroup] of mapEntries(getKey(group, 'children', ctx.yaml), ctx.yaml)) visitGroup(child, childGroup, depth + 1);
  };
  const visitTasks = (tasks: Node | undefined, depth: number): void => {
    // Each list is visited once, so aliases cannot multiply the walk.
    if (!tasks || depth > MAX_DEPTH || seen.has(tasks)) return;
    seen.add(tasks);
    for (const task of ctx.items(tasks)) {
      for (const name of SET_FACT) {
        const facts = getKey(task, name, ctx.yaml);
        if (isMap(facts)) maps.push({ map: facts, kind: 'play' });
      }
      for (const list of TASK_LISTS) visitTasks(getKey(task, list, ctx.yaml), depth + 1);
    }
  };

  if (isMap(root)) {
    const entries = mapEntries(root, ctx.yaml);
    const inventory = entries.filter(([, value]) => isGroup(value));
    if (inventory.length > 0) for (const [name, group] of inventory) visitGroup(name, group, 0);
    else maps.push({ map: root, kind: 'file' });
  } else if (isSeq(root)) {
    for (const play of ctx.items(root)) {
      if (!isMap(play) || !getKey(play, 'hosts', ctx.yaml)) continue;
      const vars = getKey(play, 'vars', ctx.yaml);
      if (isMap(vars)) maps.push({ map: vars, kind: 'play' });
      for (const list of TASK_LISTS) visitTasks(getKey(play, list, ctx.yaml), 0);
    }
  }

  const find: Variables['find'] = (name) => {
    let found: ReturnType<Variables['find']>;
    for (const map of maps) {
      const key = getKeyNode(map.map, name, ctx.yaml);
      if (key) found = { node: getKey(map.map, name, ctx.yaml), key, map };
    }
    return found;
  };
  return { maps, hosts, groups, find, has: (name) => find(name) !== undefined };
}

// ---- kubespray -----------------------------------------------------------------------------------

/** kubespray's own defaults for the node prefixes (roles/kubespray-defaults). */
const KUBESPRAY_NODE_PREFIX: Readonly<Record<Family, string>> = { 4: '24', 6: '120' };

function kubesprayFacts(ctx: ExtractContext, vars: Variables): Fact[] {
  const facts: Fact[] = [];
  const field = (role: Role, name: string, syntax: FieldSpec['syntax'], component: Component, group: string, attributes: Attributes = {}): FieldSpec => ({
    role,
    component,
    source: `kubespray ${name}`,
    syntax,
    group,
    attributes: { installer: 'kubespray', ...attributes },
  });
  const plugin = scalarString(vars.find('kube_network_plugin')?.node)?.trim();
  const calico = plugin === undefined || plugin === 'calico' || isTemplate(plugin);
  for (const family of [4, 6] as const) {
    const suffix = family === 6 ? '_ipv6' : '';
    const services = vars.find(`kube_service_addresses${suffix}`);
    const pods = vars.find(`kube_pods_subnet${suffix}`);
    const prefix = vars.find(`kube_network_node_prefix${suffix}`);
    facts.push(...ctx.scalar(services?.node, field('service-network', `kube_service_addresses${suffix}`, withFamily(COMPONENT_CIDR, family), 'kubeadm', 'kubespray')));
    const podFacts = ctx.scalar(pods?.node, field('pod-network', `kube_pods_subnet${suffix}`, withFamily(COMPONENT_CIDR, family), 'kubeadm', 'kubespray'));
    facts.push(...podFacts);
    const maskSpec = field('node-mask', `kube_network_node_prefix${suffix}`, INTEGER, 'kubeadm', 'kubespray', { family, flag: `node-cidr-mask-size-ipv${family}` });
    if (prefix) facts.push(...ctx.scalar(prefix.node, maskSpec));
    else if (podFacts.length > 0 && pods) facts.push(ctx.defaulted(KUBESPRAY_NODE_PREFIX[family], maskSpec, pods.key));
    if (!calico) continue;
    const poolAttributes = { calico: 'IPPool', pool: family === 4 ? 'default-pool' : 'default-pool-ipv6' };
    const pool = vars.find(`calico_pool_cidr${suffix}`);
    facts.push(...ctx.scalar(pool?.node, field('cni-pod-pool', `calico_pool_cidr${suffix}`, withFamily(CALICO_STRICT_CIDR, family), 'calico', `kubespray-calico-ipv${family}`, poolAttributes)));
    const blockSize = vars.find(`calico_pool_blocksize${suffix}`);
    facts.push(...ctx.scalar(blockSize?.node, field('block-size', `calico_pool_blocksize${suffix}`, INTEGER, 'calico', `kubespray-calico-ipv${family}`, { ...poolAttributes, family })));
  }
  return facts;
}

// ---- ansible-role-rke2 ---------------------------------------------------------------------------

function rke2Facts(ctx: ExtractContext, vars: Variables): Fact[] {
  const field = (role: Role, name: string): FieldSpec => ({ role, component: 'k3s', source: `ansible-role-rke2 ${name}`, syntax: COMPONENT_CIDR, group: 'rke2', attributes: { installer: 'ansible-role-rke2' } });
  return [...ctx.list(vars.find('rke2_cluster_cidr')?.node, field('pod-network', 'rke2_cluster_cidr')), ...ctx.list(vars.find('rke2_service_cidr')?.node, field('service-network', 'rke2_service_cidr'))];
}

// ---- techno-tim k3s-ansible ----------------------------------------------------------------------

/** k3s server flags that take no value, so the word after them is not theirs. */
const K3S_BOOLEAN_FLAGS = new Set([
  'cluster-init', 'disable-network-policy', 'disable-kube-proxy', 'disable-cloud-controller', 'disable-helm-controller', 'disable-apiserver',
  'disable-controller-manager', 'disable-scheduler', 'disable-etcd', 'secrets-encryption', 'flannel-ipv6-masq', 'embedded-registry',
  'prefer-bundled-bin', 'selinux', 'rootless', 'debug', 'protect-kernel-defaults', 'flannel-external-ip',
]);
const K3S_DEFAULTS = { pods: '10.42.0.0/16', services: '10.43.0.0/16' };

function k3sAnsibleFacts(ctx: ExtractContext, vars: Variables): Fact[] {
  const attributes: Attributes = { installer: 'k3s-ansible' };
  const field = (role: Role, source: string, syntax: FieldSpec['syntax'], component: Component, group: string, extra: Attributes = {}): FieldSpec => ({
    role,
    component,
    source: `k3s-ansible ${source}`,
    syntax,
    group,
    attributes: { ...attributes, ...extra },
  });
  const present = (name: string) => scalarString(vars.find(name)?.node) !== undefined;
  const ciliumBgp = present('cilium_iface') && scalarString(vars.find('cilium_bgp')?.node)?.trim() === 'true';

  // Literal k3s flags in extra_server_args; placeholders there stand for the variables read below.
  const args = vars.find('extra_server_args');
  const flags = args?.node ? lastFlags(readFlags(argumentWords(ctx, [args.node]), (name) => K3S_BOOLEAN_FLAGS.has(name))) : new Map();
  const literal = (name: string) => {
    const value = flags.get(name)?.value;
    return value && !isTemplate(value.text) ? value : undefined;
  };
  const podSpec = (source: string) => field('pod-network', source, COMPONENT_CIDR, 'k3s', 'k3s');
  const serviceSpec = (source: string) => field('service-network', source, COMPONENT_CIDR, 'k3s', 'k3s');
  const clusterCidrFlag = literal('cluster-cidr');
  const serviceCidrFlag = literal('service-cidr');
  const clusterCidr = vars.find('cluster_cidr');
  // k3s's defaults belong to the variables a cluster is installed with, not to a playbook's overrides
  // of them; they sit on `extra_server_args`, where the flags would be, else on the document.
  const installs = vars.maps.some((m) => m.kind !== 'play');
  const defaulted = (text: string, name: string, role: Role) =>
    installs ? [ctx.defaulted(text, { role, component: 'k3s', source: `k3s ${name}`, syntax: COMPONENT_CIDR, group: 'k3s', attributes }, args?.key)] : [];

  const pods = clusterCidrFlag
    ? flagValueFacts(ctx, clusterCidrFlag, podSpec('extra_server_args --cluster-cidr'), 'dual-stack')
    : clusterCidr && (present('calico_iface') || present('cilium_iface'))
      ? ctx.list(clusterCidr.node, podSpec('cluster_cidr'))
      : defaulted(K3S_DEFAULTS.pods, 'cluster-cidr', 'pod-network');
  const services = serviceCidrFlag ? flagValueFacts(ctx, serviceCidrFlag, serviceSpec('extra_server_args --service-cidr'), 'dual-stack') : defaulted(K3S_DEFAULTS.services, 'service-cidr', 'service-network');

  const pools = ciliumBgp
    ? ctx.scalar(vars.find('cilium_bgp_lb_cidr')?.node, field('lb-pool', 'cilium_bgp_lb_cidr', GO_ADDRESS_RANGE, 'cilium', 'cilium-lb-pool', { lb: 'cilium', pool: '01-lb-pool' }))
    : eachOrScalar(ctx, vars.find('metal_lb_ip_range')?.node, field('lb-pool', 'metal_lb_ip_range', METALLB_ADDRESSES, 'metallb', 'metallb-pool', { lb: 'metallb', pool: 'first-pool', autoAssign: true, avoidBuggyIPs: false }));
  return [...pods, ...services, ...pools, ...addressFacts(ctx, vars.find('apiserver_endpoint')?.node, field('node-address', 'apiserver_endpoint', COMPONENT_IP, 'k3s', 'k3s'))];
}

/** A list of entries, or one entry written as a string (`metal_lb_ip_range` takes both). */
function eachOrScalar(ctx: ExtractContext, node: Node | undefined, spec: FieldSpec): Fact[] {
  return isSeq(node) ? ctx.each(node, spec) : ctx.scalar(node, spec);
}

// ---- khuedoan homelab ----------------------------------------------------------------------------

function homelabFacts(ctx: ExtractContext, vars: Variables): Fact[] {
  const attributes: Attributes = { installer: 'homelab' };
  return [
    ...eachOrScalar(ctx, vars.find('load_balancer_ip_pool')?.node, {
      role: 'lb-pool',
      component: 'cilium',
      source: 'homelab load_balancer_ip_pool',
      syntax: GO_MASKING_CIDR,
      group: 'cilium-lb-pool',
      attributes: { ...attributes, lb: 'cilium', pool: 'default' },
    }),
    ...addressFacts(ctx, vars.find('control_plane_endpoint')?.node, { role: 'node-address', component: 'k3s', source: 'homelab control_plane_endpoint', syntax: COMPONENT_IP, group: 'nodes', attributes }),
  ];
}

// ---- node addresses ------------------------------------------------------------------------------

/** A node's address, when it is written as one: a host name (`ansible_host: node1.lan`) is none. */
function addressFacts(ctx: ExtractContext, node: Node | undefined, spec: FieldSpec): Fact[] {
  const text = scalarString(node)?.trim();
  if (text === undefined || isParseError(parseAddr(text, { allowLeadingZeros: true }))) return [];
  return ctx.scalar(node, spec);
}

/** Each host's address once: a host listed with variables in two groups has one value per variable (the last). */
function hostFacts(ctx: ExtractContext, vars: Variables, component: Component, kubespray: boolean): Fact[] {
  const keys = kubespray ? ['ansible_host', 'ip', 'access_ip'] : ['ansible_host'];
  const byHost = new Map<string, Fact[]>();
  for (const { name, map } of vars.hosts) {
    for (const key of keys) {
      const value = getKey(map, key, ctx.yaml);
      if (value === undefined) continue;
      byHost.set(`${name}\u0000${key}`, addressFacts(ctx, value, { role: 'node-address', component, source: `Ansible inventory ${key}`, syntax: COMPONENT_IP, group: 'nodes', attributes: { host: name } }));
    }
  }
  return [...byHost.values()].flat();
}
