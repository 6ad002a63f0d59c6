// Hostile manifests, generated from a seed at test time (the large ones are megabytes; none is
// committed). The same generator with another seed yields an independent set "made the same way", which
// is what the acceptance run (hostileWorkspaces.test.ts) feeds to the CLI.
//
// Each file carries what must become of it: the reason the CLI lists it (or one of its documents)
// under `summary.skipped`, and findings that must be reported on exact characters. Positions are
// 0-based lines and UTF-16 characters of the text an editor shows — the file decoded as UTF-8 with
// its byte order mark removed, since VS Code drops the BOM from the document and the CLI strips it at
// read time. So a finding on line 0 of a BOM file starts at the character after the BOM, as the user
// sees it; positions are computed here independently of the engine's own line index.

import { Random, seededRandom } from './random';

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface TextRange {
  readonly start: Position;
  readonly end: Position;
}

export interface ExpectedFinding {
  readonly rule: string;
  /** The characters the finding must cover. */
  readonly text: string;
  readonly range: TextRange;
}

export interface HostileFile {
  readonly name: string;
  /** What makes the file hostile, for test names and messages. */
  readonly what: string;
  /** The file's bytes, generated on first use and kept (some files are tens of megabytes). */
  bytes(): Buffer;
  /** The reason `summary.skipped` gives for this file or a document of it, when some of it is skipped. */
  readonly skipped?: RegExp;
  /** Findings that must be reported on exactly these characters; others may be reported too. */
  findings(): readonly ExpectedFinding[];
}

/** The size of the file the scan must refuse: above the default 8,192 KB `cidrLens.scan.maxFileSizeKb`. */
export const HUGE_FILE_BYTES = 26 * 1024 * 1024;

/** The text an editor shows for a file's bytes: UTF-8 (invalid bytes become U+FFFD) without the BOM. */
export function editorText(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The offset of a position: the inverse of `positionOf`. */
export function offsetOf(text: string, position: Position): number {
  let line = 0;
  let i = 0;
  while (line < position.line && i < text.length) {
    const c = text.charCodeAt(i++);
    if (c === 10 || (c === 13 && text.charCodeAt(i) !== 10)) line++;
  }
  return i + position.character;
}

/** The position of an offset, counting `\r\n`, `\n` and a lone `\r` as line ends, as LSP does. */
export function positionOf(text: string, offset: number): Position {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

/** The expected finding on `value`, found right after `context` (which makes the place unique). */
function findingAt(text: string, rule: string, context: string, value: string): ExpectedFinding {
  const at = text.indexOf(context + value);
  if (at < 0) throw new Error(`generator bug: "${context}${value}" is not in the text`);
  const start = at + context.length;
  return { rule, text: value, range: { start: positionOf(text, start), end: positionOf(text, start + value.length) } };
}

/** A service range and a pod range inside it: kubeadm's pod/service overlap, varied by the seed. */
interface OverlappingPair {
  readonly services: string;
  readonly pods: string;
}

function overlappingPair(random: Random): OverlappingPair {
  const block = random.between(1, 14) * 16;
  return { services: `10.${block}.0.0/12`, pods: `10.${block + random.below(16)}.0.0/16` };
}

function kubeadmYaml(pair: OverlappingPair, eol = '\n'): string {
  return ['apiVersion: kubeadm.k8s.io/v1beta3', 'kind: ClusterConfiguration', 'networking:', `  podSubnet: ${pair.pods}`, `  serviceSubnet: ${pair.services}`, ''].join(eol);
}

/** The two findings of a kubeadm overlap whose values follow `podContext` and `serviceContext`. */
function overlapFindings(text: string, pair: OverlappingPair, podContext = 'podSubnet: ', serviceContext = 'serviceSubnet: '): ExpectedFinding[] {
  return [findingAt(text, 'range-overlap', podContext, pair.pods), findingAt(text, 'range-overlap', serviceContext, pair.services)];
}

/** A file whose bytes and expected findings are computed once, on first use. */
function hostileFile(spec: {
  name: string;
  what: string;
  skipped?: RegExp;
  bytes: () => Buffer;
  findings?: (text: string) => readonly ExpectedFinding[];
}): HostileFile {
  let bytes: Buffer | undefined;
  let findings: readonly ExpectedFinding[] | undefined;
  const file: HostileFile = {
    name: spec.name,
    what: spec.what,
    ...(spec.skipped ? { skipped: spec.skipped } : {}),
    bytes: () => (bytes ??= spec.bytes()),
    findings: () => (findings ??= spec.findings ? spec.findings(editorText(file.bytes())) : []),
  };
  return file;
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');

/** A kubeadm overlap of its own: every hostile workspace holds one, to show the rest is still analysed. */
export function controlFile(seed: number): HostileFile {
  const pair = overlappingPair(seededRandom(seed ^ 0x5eed));
  return hostileFile({ name: 'control/kubeadm.yaml', what: 'a plain kubeadm overlap', bytes: () => utf8(kubeadmYaml(pair)), findings: (text) => overlapFindings(text, pair) });
}

/** Every hostile file, varied by `seed`. */
export function hostileFiles(seed: number): HostileFile[] {
  const random = seededRandom(seed);
  return [
    aliasBomb(overlappingPair(random)),
    deepFlow(random),
    deepBlockSequence(random),
    deepIndentation(random),
    binary(random),
    invalidUtf8(overlappingPair(random)),
    hugeFile(overlappingPair(random)),
    singleLine(overlappingPair(random), random),
    hugeJsonArray(random),
    tabsAndColons(overlappingPair(random)),
    bomCrlf(overlappingPair(random)),
    bomCrlfLineZero(overlappingPair(random)),
    wrongTypes(overlappingPair(random)),
    templates(overlappingPair(random)),
    tenThousandDocuments(overlappingPair(random), random),
    manyAliases(overlappingPair(random), random),
    longFoldedScalar(overlappingPair(random), random),
    unclosedQuotesAndTemplates(random),
    stackedValues(random),
    conflictingPodNetworks(random),
    embeddedDeepJson(random),
    emptyAndSeparators(random),
  ];
}

function aliasBomb(pair: OverlappingPair): HostileFile {
  const levels = ['  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i <= 9; i++) levels.push(`  l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]`);
  const text = [
    '# Billion laughs: expanded, l9 alone would hold 9^9 strings. Aliases are followed one step, never expanded.',
    'apiVersion: kubeadm.k8s.io/v1beta3',
    'kind: ClusterConfiguration',
    `x-pods: &pods ${pair.pods}`,
    `x-services: &services ${pair.services}`,
    'x-bomb:',
    ...levels,
    'networking:',
    '  podSubnet: *pods',
    '  serviceSubnet: *services',
    'controllerManager:',
    '  extraArgs: *l9',
    'apiServer:',
    '  extraArgs: [*l9, *l8, *l7]',
    '',
  ].join('\n');
  return hostileFile({ name: 'alias-bomb.yaml', what: 'a billion-laughs alias bomb', bytes: () => utf8(text), findings: (t) => overlapFindings(t, pair, '&pods ', '&services ') });
}

const NESTING_SKIPPED = /nesting deeper than \d+ levels/;

function deepFlow(random: Random): HostileFile {
  const depth = 50_000 + random.below(1000);
  const text = `apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\nnetworking:\n  podSubnet: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
  return hostileFile({ name: 'deep-flow.yaml', what: `flow sequences nested ${depth} deep`, skipped: NESTING_SKIPPED, bytes: () => utf8(text) });
}

function deepBlockSequence(random: Random): HostileFile {
  const depth = 50_000 + random.below(1000);
  const text = `apiVersion: v1\nkind: Service\nspec:\n  clusterIP:\n    ${'- '.repeat(depth)}10.96.0.1\n`;
  return hostileFile({ name: 'deep-block.yaml', what: `block sequences nested ${depth} deep on one line`, skipped: NESTING_SKIPPED, bytes: () => utf8(text) });
}

/** Indentation nests only as deep as the size limit allows: depth d takes d²/2 bytes (2,500 levels: 3 MB). */
function deepIndentation(random: Random): HostileFile {
  const depth = 2500 + random.below(100);
  const lines = ['apiVersion: v1', 'kind: Service', 'spec:', '  clusterIP: 10.96.0.1', 'deep:'];
  for (let i = 1; i <= depth; i++) lines.push(`${' '.repeat(i)}k${i}:`);
  return hostileFile({ name: 'deep-indent.yaml', what: `block mappings indented ${depth} levels deep`, skipped: NESTING_SKIPPED, bytes: () => utf8(lines.join('\n') + ' end\n') });
}

function binary(random: Random): HostileFile {
  const bytes = () => {
    const buffer = Buffer.alloc(64 * 1024);
    for (let i = 0; i < buffer.length; i++) buffer[i] = random.below(256);
    // A NUL early on, so that luck does not decide the outcome.
    buffer[random.below(512)] = 0;
    return buffer;
  };
  return hostileFile({ name: 'binary.yaml', what: '64 KB of random bytes', skipped: /binary file/, bytes });
}

/** Invalid UTF-8 and an astral character before the values on their line: UTF-16 columns must stay exact. */
function invalidUtf8(pair: OverlappingPair): HostileFile {
  const bytes = () =>
    Buffer.concat([
      utf8('# A comment with invalid bytes: '),
      Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0x0a]),
      utf8('apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\nnetworking: {x: "'),
      Buffer.from([0xe2, 0x82, 0x28, 0xf0, 0x9f, 0x9a, 0x80, 0xf8]),
      utf8(`", podSubnet: ${pair.pods}, serviceSubnet: "${pair.services}"}\n`),
    ]);
  return hostileFile({ name: 'invalid-utf8.yaml', what: 'invalid UTF-8 before the values', bytes, findings: (t) => overlapFindings(t, pair, 'podSubnet: ', 'serviceSubnet: "') });
}

/** A realistic file in every way but its size: a kubeadm overlap, then a 26 MB dashboards ConfigMap. */
function hugeFile(pair: OverlappingPair): HostileFile {
  const bytes = () => {
    const head = utf8(`${kubeadmYaml(pair)}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: dashboards}\ndata:\n  dashboard.json: |\n`);
    const line = utf8(`    {"panels": [{"type": "graph", "title": "${'x'.repeat(40)}"}]}\n`);
    const count = Math.ceil((HUGE_FILE_BYTES - head.length) / line.length);
    return Buffer.concat([head, ...Array<Buffer>(count).fill(line)]);
  };
  return hostileFile({ name: 'huge.yaml', what: 'a 26 MB file', skipped: /above the 8192 KB limit \(cidrLens\.scan\.maxFileSizeKb\)/, bytes });
}

function singleLine(pair: OverlappingPair, random: Random): HostileFile {
  const padding = 'x'.repeat(5 * 1024 * 1024 + random.below(1024));
  const text = `{"apiVersion": "kubeadm.k8s.io/v1beta3", "kind": "ClusterConfiguration", "padding": "${padding}", "networking": {"podSubnet": "${pair.pods}", "serviceSubnet": "${pair.services}"}}`;
  return hostileFile({ name: 'single-line.json', what: 'a 5 MB single line', bytes: () => utf8(text), findings: (t) => overlapFindings(t, pair, '"podSubnet": "', '"serviceSubnet": "') });
}

/**
 * 400,000 external IPs on one line; every hundredth is invalid, the last one too, so its finding
 * proves the whole array was read (and each invalid value must not cost a pass over the whole line).
 */
function hugeJsonArray(random: Random): HostileFile {
  const count = 400_000;
  const bad = `10.${random.below(256)}.${random.below(256)}.256`;
  const address = (i: number) => `"172.${16 + ((i >> 16) & 15)}.${(i >> 8) & 255}.${i % 100 === 99 ? 300 : i & 255}"`;
  const bytes = () => {
    const addresses = Array.from({ length: count - 1 }, (_, i) => address(i));
    return utf8(`{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "wide"}, "spec": {"externalIPs": [${addresses.join(', ')}, "${bad}"]}}\n`);
  };
  return hostileFile({ name: 'array.json', what: `a ${count.toLocaleString('en-US')}-element JSON array`, bytes, findings: (t) => [findingAt(t, 'invalid-cidr', ', "', bad)] });
}

function tabsAndColons(pair: OverlappingPair): HostileFile {
  const text = [
    'apiVersion: v1',
    'kind: Service',
    'spec:',
    '\tclusterIP: 10.96.0.1',
    ': : :',
    '---',
    ': : :',
    '  : : : :',
    '- : - :',
    '::',
    '---',
    'apiVersion: kubeadm.k8s.io/v1beta3',
    'kind: ClusterConfiguration',
    'networking:',
    `  podSubnet:\t${pair.pods}\t`,
    `  serviceSubnet: ${pair.services}`,
    '',
  ].join('\n');
  return hostileFile({ name: 'tabs.yaml', what: 'tab indentation and stray `: : :`', skipped: /document 1: YAML syntax error/, bytes: () => utf8(text), findings: (t) => overlapFindings(t, pair, 'podSubnet:\t') });
}

function bomCrlf(pair: OverlappingPair): HostileFile {
  const text = `\ufeff# kubeadm with a byte order mark and CRLF line ends\r\n${kubeadmYaml(pair, '\r\n')}`;
  return hostileFile({ name: 'bom-crlf.yaml', what: 'a BOM and CRLF line ends', bytes: () => utf8(text), findings: (t) => overlapFindings(t, pair) });
}

/** The values sit on line 0, right after the BOM: their columns count from the first character the user sees. */
function bomCrlfLineZero(pair: OverlappingPair): HostileFile {
  const text = `\ufeff{"apiVersion": "kubeadm.k8s.io/v1beta3", "kind": "ClusterConfiguration", "networking": {"podSubnet": "${pair.pods}", "serviceSubnet": "${pair.services}"}}\r\n`;
  return hostileFile({ name: 'bom-crlf-line0.json', what: 'a BOM, CRLF and the values on line 0', bytes: () => utf8(text), findings: (t) => overlapFindings(t, pair, '"podSubnet": "', '"serviceSubnet": "') });
}

function wrongTypes(pair: OverlappingPair): HostileFile {
  const text = `apiVersion: crd.projectcalico.org/v1
kind: IPPool
metadata: {name: wrong}
spec:
  cidr: {a: 1}
  blockSize: "twenty"
  disabled: [yes]
  allowedUses: {Workload: true}
---
apiVersion: kubeadm.k8s.io/v1beta3
kind: ClusterConfiguration
networking:
  podSubnet: [a, b]
  serviceSubnet: {cidr: 10.96.0.0/12}
controllerManager:
  extraArgs: [1, 2]
apiServer:
  extraArgs: "--service-cluster-ip-range"
---
apiVersion: v1
kind: Service
spec: [1,2]
---
apiVersion: v1
kind: Service
metadata: [name]
spec:
  clusterIP: 10
  clusterIPs: {a: b}
  externalIPs: 5
  loadBalancerIP: [1, 2]
  loadBalancerSourceRanges: [[1], {a: 1}, null, 3.5, true]
---
apiVersion: v1
kind: Node
spec:
  podCIDR: 24
  podCIDRs: [[10.244.0.0/24], true]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: kube-flannel-cfg}
data:
  net-conf.json: {Network: 10.244.0.0/16}
  cni-conf.json: 12
---
apiVersion: crd.projectcalico.org/v1
kind: IPPool
spec: 12
---
apiVersion: [v1]
kind: {Service: true}
spec: {clusterIP: 10.96.0.1}
---
apiVersion: kubeadm.k8s.io/v1beta3
kind: ClusterConfiguration
networking:
  podSubnet: null
  serviceSubnet: ~
---
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
maxPods: "a lot"
clusterDNS: 10.96.0.10
podCIDR: {}
---
null
---
[1, 2, 3]
---
"just a string"
---
${kubeadmYaml(pair)}`;
  return hostileFile({ name: 'wrong-types.yaml', what: 'fields of the wrong type and nulls', bytes: () => utf8(text), findings: (t) => overlapFindings(t, pair) });
}

function templates(pair: OverlappingPair): HostileFile {
  const text = `{{- if .Values.kubeadm.enabled }}
apiVersion: kubeadm.k8s.io/v1beta3
kind: ClusterConfiguration
metadata:
  name: {{ include "chart.fullname" . }}
  labels: {{- toYaml .Values.labels | nindent 4 }}
networking:
  podSubnet: ${pair.pods}
  serviceSubnet: ${pair.services}
  dnsDomain: {{ .Values.dnsDomain | quote }}
{{- end }}
---
{% for pool in pools %}
apiVersion: crd.projectcalico.org/v1
kind: IPPool
metadata:
  name: {{ pool.name }}
spec:
  cidr: {{ pool.cidr }}
  blockSize: {{ pool.blockSize | default(26) }}
{% endfor %}
---
apiVersion: v1
kind: Service
spec:
  clusterIP: "{{ .Values.service.clusterIP }}"
  externalIPs: [{{ .Values.ip }}, "%EXTERNAL_IP%", "\${LB_IP}"]
  loadBalancerSourceRanges:
  {{- range .Values.sourceRanges }}
  - {{ . }}
  {{- end }}
---
apiVersion: v1
kind: Service
spec:
  clusterIP: {{ .Values.unclosed
`;
  return hostileFile({ name: 'templates.yaml', what: 'Helm and Jinja templates', skipped: /document 4: YAML syntax error/, bytes: () => utf8(text), findings: (t) => overlapFindings(t, pair) });
}

/** 10,000 Services, two of them sharing a clusterIP, and a kubeadm overlap at the end. */
function tenThousandDocuments(pair: OverlappingPair, random: Random): HostileFile {
  const count = 10_000;
  const first = random.below(count - 1);
  const second = first + 1 + random.below(count - first - 1);
  const service = (i: number) => {
    const ip = i === second ? addressOf(first) : addressOf(i);
    return `apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-${i}\n  namespace: ns-${i % 7}\nspec:\n  clusterIP: ${ip}\n  ports:\n  - port: 80\n`;
  };
  const text = [...Array.from({ length: count }, (_, i) => service(i)), kubeadmYaml(pair)].join('---\n');
  const duplicate = addressOf(first);
  return hostileFile({
    name: 'documents.yaml',
    what: `${count.toLocaleString('en-US')} documents`,
    bytes: () => utf8(text),
    findings: (t) => [
      findingAt(t, 'duplicate-address', `name: svc-${first}\n  namespace: ns-${first % 7}\nspec:\n  clusterIP: `, duplicate),
      findingAt(t, 'duplicate-address', `name: svc-${second}\n  namespace: ns-${second % 7}\nspec:\n  clusterIP: `, duplicate),
      ...overlapFindings(t, pair),
    ],
  });
}

/** A distinct address for each of 10,000 Services, inside 172.20.0.0/16 (no service range claims it). */
function addressOf(i: number): string {
  return `172.20.${(i >> 8) & 255}.${i & 255}`;
}

/** 20,000 aliases: following each one by walking the document made this quadratic (a minute for 100 KB). */
function manyAliases(pair: OverlappingPair, random: Random): HostileFile {
  const count = 20_000 + random.below(1000);
  const text = [
    'apiVersion: kubeadm.k8s.io/v1beta3',
    'kind: ClusterConfiguration',
    `x-pods: &pods ${pair.pods}`,
    `x-services: &services ${pair.services}`,
    'x-node: &node {name: worker, podCIDR: 10.1.0.0/24}',
    'x-copies:',
    ...Array.from({ length: count }, (_, i) => (i % 2 === 0 ? `  k${i}: *node` : `  s${i}: *pods`)),
    'networking:',
    '  podSubnet: *pods',
    '  serviceSubnet: *services',
    '',
  ].join('\n');
  return hostileFile({ name: 'many-aliases.yaml', what: `${count.toLocaleString('en-US')} aliases`, bytes: () => utf8(text), findings: (t) => overlapFindings(t, pair, '&pods ', '&services ') });
}

/** A 100,000-line plain scalar with trailing white space on every line: decoding it was quadratic. */
function longFoldedScalar(pair: OverlappingPair, random: Random): HostileFile {
  const lines = 100_000 + random.below(1000);
  const text = `apiVersion: v1\nkind: Service\nspec:\n  clusterIP: 10.96.0.1${'   \n    more'.repeat(lines)}\n---\n${kubeadmYaml(pair)}`;
  return hostileFile({ name: 'long-scalar.yaml', what: `a ${lines.toLocaleString('en-US')}-line folded scalar`, bytes: () => utf8(text), findings: (t) => overlapFindings(t, pair) });
}

/** Documents that fail on an unclosed quote and hold templates: each recovery retries the parse. */
function unclosedQuotesAndTemplates(random: Random): HostileFile {
  const count = 5000 + random.below(500);
  const doc = (i: number) => `apiVersion: v1\nkind: Service\nmetadata: {name: s${i}}\nspec:\n  clusterIP: {{ .Values.ip${i} }}\n  loadBalancerIP: "10.0.${(i >> 8) & 255}.${i & 255}\n  type: LoadBalancer\n`;
  const text = Array.from({ length: count }, (_, i) => doc(i)).join('---\n');
  return hostileFile({ name: 'unclosed-quotes.yaml', what: `${count.toLocaleString('en-US')} documents with unclosed quotes and templates`, skipped: /YAML syntax error/, bytes: () => utf8(text) });
}

/**
 * Thousands of values on one address, as a generator bug that repeats a document makes them:
 * identical MetalLB pools, Nodes with one podCIDR, and a Service listing one address 20,000 times.
 * Reporting every colliding pair (or naming every entry in each entry's message) is quadratic.
 */
function stackedValues(random: Random): HostileFile {
  const count = 2000 + random.below(100);
  const pool = (i: number) => `apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata: {name: pool-${i}}\nspec:\n  addresses: [192.168.10.0/24]\n`;
  const node = (i: number) => `apiVersion: v1\nkind: Node\nmetadata: {name: node-${i}}\nspec:\n  podCIDR: 10.244.0.0/24\n`;
  const service = `apiVersion: v1\nkind: Service\nmetadata: {name: repeated}\nspec:\n  clusterIP: &ip 10.96.0.10\n  clusterIPs: [${Array(20_000).fill('*ip').join(', ')}]\n`;
  const text = [...Array.from({ length: count }, (_, i) => `${pool(i)}---\n${node(i)}`), service].join('---\n');
  return hostileFile({
    name: 'stacked.yaml',
    what: `${count.toLocaleString('en-US')} pools and nodes on one range`,
    bytes: () => utf8(text),
    findings: (t) => [findingAt(t, 'duplicate-address', 'podCIDR: ', '10.244.0.0/24'), findingAt(t, 'range-overlap', 'addresses: [', '192.168.10.0/24'), findingAt(t, 'wrong-family', '&ip ', '10.96.0.10')],
  });
}

/** 2,000 kubeadm configs, each with another pod network: each names every other one, unless bounded. */
function conflictingPodNetworks(random: Random): HostileFile {
  const count = 2000 + random.below(100);
  const config = (i: number) => `apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\nnetworking: {podSubnet: 10.${(i >> 8) & 255}.${i & 255}.0/24}\n`;
  const text = Array.from({ length: count }, (_, i) => config(i)).join('---\n');
  return hostileFile({
    name: 'conflicting.yaml',
    what: `${count.toLocaleString('en-US')} different pod networks in one cluster`,
    bytes: () => utf8(text),
    findings: (t) => [findingAt(t, 'conflicting-definitions', 'podSubnet: ', '10.0.0.0/24')],
  });
}

/**
 * Flannel's net-conf.json nested 50,000 deep inside a block scalar. The nesting guard counts brackets
 * anywhere in the text, scalars included, so the whole file is reported as skipped.
 */
function embeddedDeepJson(random: Random): HostileFile {
  const depth = 50_000 + random.below(1000);
  const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: kube-flannel-cfg}\ndata:\n  net-conf.json: |\n    {"Network": ${'['.repeat(depth)}${']'.repeat(depth)}, "Backend": {"Type": "vxlan"}}\n`;
  return hostileFile({ name: 'embedded-deep.yaml', what: `embedded JSON nested ${depth} deep`, skipped: NESTING_SKIPPED, bytes: () => utf8(text) });
}

function emptyAndSeparators(random: Random): HostileFile {
  const text = `${'---\n'.repeat(10_000 + random.below(100))}...\n# only comments\n---\n`;
  return hostileFile({ name: 'separators.yaml', what: '10,000 empty documents', bytes: () => utf8(text) });
}
