// Mutations for the fuzz test: the edits that half-typed, badly merged or mangled manifests show —
// flipped characters, lost and doubled lines, shifted indentation, truncation, stray YAML syntax,
// template braces, quotes, tabs, unusual Unicode, CRLF — and random YAML built from the keys and
// values the extractors look for. Every mutation is named, so a failure says how its input was made.

import type { Random } from './random';

export interface Mutation {
  readonly name: string;
  apply(text: string, random: Random): string;
}

/** Characters a broken file is made of: YAML syntax, template braces, control and odd Unicode. */
const NOISE = [': ', ':', '-', '- ', '{{', '}}', '{%', '%}', '${', '"', "'", '`', '\t', '[', ']', '{', '}', '&a', '*a', '!!str', '#', '---', '|', '>', ',', '\\', '\u0000', '\u00a0', '\u200b', '\u2028', '\ufeff', '\ud83d\ude80', '\u202e', 'e\u0301', '\ud800', '\r'];

/** Values that look like what the extractors read, valid and not. */
const VALUES = ['10.244.0.0/16', '10.96.0.0/12', '10.96.0.10', 'fd00::/8', '::1', '10.0.0.0/33', '256.1.1.1', '010.0.0.0/8', '0x0a.0.0.0/8', '', '""', 'null', '~', '26', '-1', '99999999999999999999', '{a: 1}', '[1, 2]', '10.244.0.0/16,fd00::/108', '192.168.1.10-192.168.1.5', 'None', '{{ .Values.cidr }}'];

function lines(text: string): string[] {
  return text.split('\n');
}

function position(text: string, random: Random): number {
  return random.below(text.length + 1);
}

function insertAt(text: string, at: number, piece: string): string {
  return text.slice(0, at) + piece + text.slice(at);
}

export const MUTATIONS: readonly Mutation[] = [
  { name: 'flip a character', apply: (t, r) => (t.length === 0 ? t : replaceChar(t, r.below(t.length), String.fromCharCode(r.below(0x3000)))) },
  { name: 'flip a byte-sized character', apply: (t, r) => (t.length === 0 ? t : replaceChar(t, r.below(t.length), String.fromCharCode(r.below(256)))) },
  { name: 'delete a line', apply: (t, r) => editLines(t, r, (ls, i) => ls.splice(i, 1)) },
  { name: 'delete a block of lines', apply: (t, r) => editLines(t, r, (ls, i) => ls.splice(i, 1 + r.below(20))) },
  { name: 'duplicate a line', apply: (t, r) => editLines(t, r, (ls, i) => ls.splice(i, 0, ls[i])) },
  { name: 'duplicate a block of lines', apply: (t, r) => editLines(t, r, (ls, i) => ls.splice(i, 0, ...ls.slice(i, i + 1 + r.below(30)))) },
  { name: 'indent a block', apply: (t, r) => editLines(t, r, (ls, i) => shiftIndent(ls, i, 1 + r.below(10), ' '.repeat(1 + r.below(4)))) },
  { name: 'dedent a block', apply: (t, r) => editLines(t, r, (ls, i) => dedent(ls, i, 1 + r.below(10), 1 + r.below(4))) },
  { name: 'indent with a tab', apply: (t, r) => editLines(t, r, (ls, i) => shiftIndent(ls, i, 1 + r.below(3), '\t')) },
  { name: 'truncate', apply: (t, r) => t.slice(0, position(t, r)) },
  { name: 'insert noise', apply: (t, r) => insertAt(t, position(t, r), r.pick(NOISE)) },
  { name: 'insert a key separator', apply: (t, r) => insertAt(t, position(t, r), ': ') },
  { name: 'insert template braces', apply: (t, r) => insertAt(t, position(t, r), r.pick(['{{ .Values.x }}', '{{', '}}', '{{- if .Values.x }}\n', '{% for x in y %}'])) },
  { name: 'insert a quote', apply: (t, r) => insertAt(t, position(t, r), r.pick(['"', "'"])) },
  { name: 'replace a value', apply: (t, r) => replaceValue(t, r) },
  { name: 'convert to CRLF', apply: (t) => t.replace(/\r?\n/g, '\r\n') },
  { name: 'prepend a byte order mark', apply: (t) => '\ufeff' + t },
  { name: 'insert a document separator', apply: (t, r) => editLines(t, r, (ls, i) => ls.splice(i, 0, '---')) },
  { name: 'anchor and alias', apply: (t, r) => editLines(t, r, (ls, i) => ls.splice(i, 0, `${' '.repeat(r.below(4))}x-anchor: &a [*a]`, `${' '.repeat(r.below(4))}x-alias: *a`)) },
];

function replaceChar(text: string, at: number, char: string): string {
  return text.slice(0, at) + char + text.slice(at + 1);
}

/** Applies `edit` to the lines at a random line index (the edit mutates the array in place). */
function editLines(text: string, random: Random, edit: (lines: string[], index: number) => void): string {
  const all = lines(text);
  edit(all, random.below(all.length));
  return all.join('\n');
}

function shiftIndent(all: string[], from: number, count: number, by: string): void {
  for (let i = from; i < Math.min(all.length, from + count); i++) all[i] = by + all[i];
}

function dedent(all: string[], from: number, count: number, by: number): void {
  for (let i = from; i < Math.min(all.length, from + count); i++) all[i] = all[i].replace(new RegExp(`^ {0,${by}}`), '');
}

/** Replaces the value after some `key: ` with a value the extractors read (or choke on). */
function replaceValue(text: string, random: Random): string {
  const colons = [...text.matchAll(/: /g)].map((m) => m.index);
  if (colons.length === 0) return text;
  const at = random.pick(colons) + 2;
  const lineEnd = text.indexOf('\n', at);
  return text.slice(0, at) + random.pick(VALUES) + (lineEnd < 0 ? '' : text.slice(lineEnd));
}

/** Applies one to four random mutations; returns the text and their names. */
export function mutate(text: string, random: Random): { text: string; applied: string[] } {
  const applied: string[] = [];
  let out = text;
  const count = 1 + random.below(4);
  for (let i = 0; i < count; i++) {
    const mutation = random.pick(MUTATIONS);
    out = mutation.apply(out, random);
    applied.push(mutation.name);
  }
  return { text: out, applied };
}

/** Kinds and keys the extractors recognise, to make random YAML that reaches them. */
const KINDS: ReadonlyArray<readonly [string, string]> = [
  ['v1', 'Service'],
  ['v1', 'Node'],
  ['v1', 'ConfigMap'],
  ['kubeadm.k8s.io/v1beta3', 'ClusterConfiguration'],
  ['kubeadm.k8s.io/v1beta4', 'ClusterConfiguration'],
  ['kubelet.config.k8s.io/v1beta1', 'KubeletConfiguration'],
  ['kubeproxy.config.k8s.io/v1alpha1', 'KubeProxyConfiguration'],
  ['kind.x-k8s.io/v1alpha4', 'Cluster'],
  ['cluster.x-k8s.io/v1beta1', 'Cluster'],
  ['crd.projectcalico.org/v1', 'IPPool'],
  ['projectcalico.org/v3', 'IPPool'],
  ['operator.tigera.io/v1', 'Installation'],
  ['metallb.io/v1beta1', 'IPAddressPool'],
  ['cilium.io/v2alpha1', 'CiliumLoadBalancerIPPool'],
  ['networking.k8s.io/v1', 'NetworkPolicy'],
  ['networking.k8s.io/v1', 'ServiceCIDR'],
  ['k8s.cni.cncf.io/v1', 'NetworkAttachmentDefinition'],
  ['apps/v1', 'DaemonSet'],
];
const KEYS = [
  'spec', 'networking', 'podSubnet', 'serviceSubnet', 'clusterIP', 'clusterIPs', 'externalIPs', 'loadBalancerIP', 'podCIDR', 'podCIDRs', 'cidr', 'cidrs', 'blockSize',
  'ipPools', 'calicoNetwork', 'addresses', 'blocks', 'ipBlock', 'except', 'data', 'net-conf.json', 'cilium-config', 'cluster-pool-ipv4-cidr', 'clusterCIDR', 'clusterDNS',
  'maxPods', 'extraArgs', 'controllerManager', 'apiServer', 'containers', 'command', 'args', 'env', 'name', 'value', 'config', 'clusterNetwork', 'pods', 'cidrBlocks', 'ipFamily',
];

/** A random YAML document (block and flow styles, anchors, lists, embedded JSON) with the keys above. */
export function randomYaml(random: Random): string {
  const [apiVersion, kind] = random.pick(KINDS);
  const body = randomMap(random, 1, 0);
  return `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: r${random.below(1000)}\n${body}`;
}

function randomMap(random: Random, indent: number, depth: number): string {
  const pad = '  '.repeat(indent - 1);
  let out = '';
  const entries = 1 + random.below(5);
  for (let i = 0; i < entries; i++) {
    const key = random.pick(KEYS);
    const nested = depth < 5 && random.chance(0.4);
    if (nested && random.chance(0.5)) out += `${pad}${key}:\n${randomMap(random, indent + 1, depth + 1)}`;
    else if (nested) out += `${pad}${key}:\n${randomList(random, indent + 1, depth + 1)}`;
    else out += `${pad}${key}: ${randomScalar(random)}\n`;
  }
  return out;
}

function randomList(random: Random, indent: number, depth: number): string {
  const pad = '  '.repeat(indent - 1);
  let out = '';
  const items = 1 + random.below(4);
  for (let i = 0; i < items; i++) {
    if (depth < 5 && random.chance(0.3)) out += `${pad}- ${randomMap(random, indent + 1, depth + 1).trimStart()}`;
    else out += `${pad}- ${randomScalar(random)}\n`;
  }
  return out;
}

function randomScalar(random: Random): string {
  switch (random.below(6)) {
    case 0:
      return `"${random.pick(VALUES)}"`;
    case 1:
      return `[${random.pick(VALUES)}, ${random.pick(VALUES)}]`;
    case 2:
      return `'{"Network": "${random.pick(VALUES)}", "SubnetLen": ${random.below(40)}}'`;
    case 3:
      return `--${random.pick(['cluster-cidr', 'service-cluster-ip-range', 'node-cidr-mask-size', 'max-pods'])}=${random.pick(VALUES)}`;
    default:
      return random.pick(VALUES);
  }
}
