// Extractor: the address flags of kube-apiserver, kube-controller-manager, kube-proxy and kubelet
// (domain-rules.md §2-§5, §6.3), and of cloud controller managers (`cloud-controller-manager`,
// `hcloud-cloud-controller-manager`, …), whose node IPAM is KCM's own controller with KCM's flags
// (`--allocate-node-cidrs`, `--cluster-cidr`, `--node-cidr-mask-size*`, k8s.io/cloud-provider
// `app/options`), wherever a command line runs them:
//   - `command`/`args` of any container or init container: static pods, DaemonSets, every pod template;
//   - `ExecStart=` lines of systemd units carried in cloud-config / Ignition `content(s)` strings.
// Both `--flag=value` (the span is the value part) and `--flag value` are read, also when one string
// holds a whole shell command (`sh -c "kube-proxy --cluster-cidr=…"`); comma lists give one fact per
// element. The flags of one command line share a group.

import type { Component, Fact, FieldSyntax, Role, Span } from '../../model';
import type { ExtractContext, FieldSpec } from './context';
import { containersOf } from './containers';
import type { Extractor } from './extractor';
import { FlagOccurrence, ScalarSlice, ValueShape, argumentWords, flagValueFacts, lastFlags, parseGoBool, readFlags } from './flags';
import { NODE_MASK_FLAGS, NodeMaskOwner, defaultNodeMasks, nodeMaskSpec } from './nodeMask';
import { COMPONENT_CIDR, COMPONENT_IP, INTEGER } from './syntax';
import { findValues } from './tree';
import { spanOf } from '../sourceText';

type KubeComponent = Extract<Component, 'kube-apiserver' | 'kube-controller-manager' | 'kube-proxy' | 'kubelet'>;

const COMPONENTS: readonly KubeComponent[] = ['kube-apiserver', 'kube-controller-manager', 'kube-proxy', 'kubelet'];

/** A binary that runs a component: its own, or one that embeds the component's controllers. */
interface Program {
  readonly component: KubeComponent;
  /** The name in source labels: the component, or `cloud-controller-manager` for every provider's CCM. */
  readonly name: string;
  /** The word of the command line that names it; undefined when only the image does. */
  readonly word?: ScalarSlice;
}

/**
 * kube-apiserver's service range when `--service-cluster-ip-range` is absent (`DefaultServiceIPCIDR`,
 * pkg/controlplane/services.go): a /24 of 254 ClusterIPs, often far below what the cluster needs.
 */
const APISERVER_DEFAULT_SERVICE_RANGE = '10.0.0.0/24';

const CLOUD_CONTROLLER_MANAGER = 'cloud-controller-manager';

/** hyperkube runs every component as a subcommand, under its short or full name. */
const HYPERKUBE_SUBCOMMANDS: ReadonlyMap<string, KubeComponent> = new Map([
  ['apiserver', 'kube-apiserver'],
  ['controller-manager', 'kube-controller-manager'],
  ['proxy', 'kube-proxy'],
  ...COMPONENTS.map((component) => [component, component] as const),
]);

interface FlagField {
  readonly flag: string;
  readonly role: Role;
  readonly syntax: FieldSyntax;
  readonly shape: ValueShape;
  readonly attributes?: Readonly<Record<string, string | number | boolean>>;
}

/** The address flags of each component (node masks are read apart, with their defaults). */
const FLAG_FIELDS: Readonly<Record<KubeComponent, readonly FlagField[]>> = {
  'kube-apiserver': [{ flag: 'service-cluster-ip-range', role: 'service-network', syntax: COMPONENT_CIDR, shape: 'dual-stack' }],
  'kube-controller-manager': [
    { flag: 'cluster-cidr', role: 'pod-network', syntax: COMPONENT_CIDR, shape: 'dual-stack' },
    // KCM reads the service range only to keep node blocks out of it; it is the apiserver's range.
    { flag: 'service-cluster-ip-range', role: 'service-network', syntax: COMPONENT_CIDR, shape: 'dual-stack' },
  ],
  'kube-proxy': [{ flag: 'cluster-cidr', role: 'proxy-cluster-cidr', syntax: COMPONENT_CIDR, shape: 'dual-stack' }],
  kubelet: [
    { flag: 'max-pods', role: 'max-pods', syntax: INTEGER, shape: 'single' },
    { flag: 'cluster-dns', role: 'cluster-dns', syntax: COMPONENT_IP, shape: 'plain' },
    // Read only in standalone mode; in a cluster the node's podCIDR comes from the control plane.
    { flag: 'pod-cidr', role: 'node-pod-cidr', syntax: COMPONENT_CIDR, shape: 'single', attributes: { standalone: true } },
  ],
};

const BOOLEAN_FLAGS = new Set(['allocate-node-cidrs']);

export const controlPlaneFlags: Extractor = {
  name: 'control-plane-flags',
  triggers: ['service-cluster-ip-range', 'cluster-cidr', 'node-cidr-mask-size', 'max-pods', 'cluster-dns', 'pod-cidr'],
  extract(ctx) {
    return [...containerFacts(ctx), ...systemdUnitFacts(ctx)];
  },
};

function containerFacts(ctx: ExtractContext): Fact[] {
  return containersOf(ctx).flatMap((container) => {
    const words = argumentWords(ctx, [...ctx.items(ctx.get(['command'], container.node)), ...ctx.items(ctx.get(['args'], container.node))]);
    const program = programOfWords(words) ?? programOfImage(container.image);
    return program ? commandLineFacts(ctx, program, words, `container:${container.index}`) : [];
  });
}

/** `ExecStart=` lines of systemd units, which may continue over several lines ending in `\`. */
function systemdUnitFacts(ctx: ExtractContext): Fact[] {
  if (!ctx.doc.source.text.includes('ExecStart=')) return [];
  return findValues(ctx, ['content', 'contents']).flatMap(({ node, path }) => {
    const text = ctx.text(node)?.text ?? '';
    return execStartCommands(text).flatMap((range) => {
      const words = argumentWords(ctx, [node], range);
      const program = programOfWords(words);
      return program ? commandLineFacts(ctx, program, words, `unit:${path}`) : [];
    });
  });
}

function execStartCommands(text: string): Array<{ start: number; end: number }> {
  const commands: Array<{ start: number; end: number }> = [];
  const line = /^[ \t]*ExecStart=/gm;
  for (let match = line.exec(text); match; match = line.exec(text)) {
    let end = match.index + match[0].length;
    for (;;) {
      const lineEnd = text.indexOf('\n', end);
      end = lineEnd < 0 ? text.length : lineEnd;
      if (!/\\\s*$/.test(text.slice(match.index, end)) || lineEnd < 0) break;
      end++;
    }
    commands.push({ start: match.index + match[0].length, end });
  }
  return commands;
}

/** The program a command line runs: the first word naming one, by its file name. */
function programOfWords(words: readonly ScalarSlice[]): Program | undefined {
  for (let i = 0; i < words.length; i++) {
    if (words[i].text.includes('=') || words[i].text.startsWith('-')) continue;
    const name = words[i].text.replace(/^[@+!:]+/, '').split('/').pop() ?? '';
    if ((COMPONENTS as readonly string[]).includes(name)) return { component: name as KubeComponent, name, word: words[i] };
    if (isCloudControllerManager(name)) return { component: 'kube-controller-manager', name: CLOUD_CONTROLLER_MANAGER, word: words[i] };
    if (name === 'hyperkube') {
      const component = HYPERKUBE_SUBCOMMANDS.get(words[i + 1]?.text ?? '');
      return component ? { component, name: component, word: words[i + 1] } : undefined;
    }
  }
  return undefined;
}

/** The program an image ships: `registry.k8s.io/kube-proxy:v1.30.0`, `kube-apiserver-amd64`, `hetznercloud/hcloud-cloud-controller-manager`. */
function programOfImage(image: string | undefined): Program | undefined {
  const name = image?.split('/').pop()?.split(/[:@]/)[0] ?? '';
  const component = COMPONENTS.find((c) => name === c || name.startsWith(`${c}-`));
  if (component) return { component, name: component };
  return isCloudControllerManager(name) ? { component: 'kube-controller-manager', name: CLOUD_CONTROLLER_MANAGER } : undefined;
}

/** `cloud-controller-manager` itself or a provider's build of it (`aws-cloud-controller-manager`, `openstack-cloud-controller-manager-amd64`). */
function isCloudControllerManager(name: string): boolean {
  return /(^|-)cloud-controller-manager(-(amd64|arm64|arm|ppc64le|s390x))?$/.test(name);
}

function commandLineFacts(ctx: ExtractContext, program: Program, words: readonly ScalarSlice[], group: string): Fact[] {
  const component = program.component;
  const flags = lastFlags(readFlags(words, (name) => BOOLEAN_FLAGS.has(name)));
  const allocate = component === 'kube-controller-manager' ? allocateNodeCidrs(flags.get('allocate-node-cidrs')) : undefined;
  const ipam = allocate === undefined ? undefined : { allocateNodeCidrs: allocate };
  const fieldFacts = FLAG_FIELDS[component].flatMap((field) => {
    const value = flags.get(field.flag)?.value;
    const attributes = field.role === 'pod-network' ? ipam : field.attributes;
    const spec: FieldSpec = { role: field.role, component, source: `${program.name} --${field.flag}`, syntax: field.syntax, group, ...(attributes ? { attributes } : {}) };
    return value ? flagValueFacts(ctx, value, spec, field.shape) : [];
  });
  if (component === 'kube-apiserver') return [...fieldFacts, ...apiserverDefaultFacts(ctx, program, flags, group)];
  return component === 'kube-controller-manager' ? [...fieldFacts, ...nodeMaskFacts(ctx, program.name, flags, fieldFacts, group, ipam)] : fieldFacts;
}

/** The apiserver's built-in service range, on the word that runs it, when the command line sets none. */
function apiserverDefaultFacts(ctx: ExtractContext, program: Program, flags: ReadonlyMap<string, FlagOccurrence>, group: string): Fact[] {
  if (flags.has('service-cluster-ip-range') || !program.word) return [];
  const span = wordSpan(ctx, program.word);
  if (!span) return [];
  const spec: FieldSpec = { role: 'service-network', component: 'kube-apiserver', source: 'kube-apiserver --service-cluster-ip-range', syntax: COMPONENT_CIDR, group };
  return [{ ...ctx.defaulted(APISERVER_DEFAULT_SERVICE_RANGE, spec), span }];
}

/** KCM's default is `false`; a bare `--allocate-node-cidrs` means `true`. Undefined for text Go rejects. */
function allocateNodeCidrs(flag: FlagOccurrence | undefined): boolean | undefined {
  if (!flag) return false;
  return flag.value ? parseGoBool(flag.value.text.trim()) : true;
}

/**
 * Explicit mask flags, and KCM's defaults for the `--cluster-cidr` families no flag covers; the
 * defaults only matter (and are only given) when KCM allocates node CIDRs.
 */
function nodeMaskFacts(ctx: ExtractContext, programName: string, flags: ReadonlyMap<string, FlagOccurrence>, fieldFacts: readonly Fact[], group: string, ipam: FieldSpec['attributes']): Fact[] {
  const owner: NodeMaskOwner = { component: 'kube-controller-manager', group, label: (flag) => `${programName} --${flag}`, ...(ipam ? { attributes: ipam } : {}) };
  const setMasks = NODE_MASK_FLAGS.filter((flag) => flags.has(flag));
  const explicit = setMasks.flatMap((flag) => {
    const value = flags.get(flag)?.value;
    return value ? flagValueFacts(ctx, value, nodeMaskSpec(owner, flag), 'single') : [];
  });
  const clusterCidr = flags.get('cluster-cidr');
  if (!clusterCidr || ipam?.allocateNodeCidrs !== true) return explicit;
  const pods = fieldFacts.filter((fact) => fact.role === 'pod-network');
  return [...explicit, ...defaultNodeMasks(ctx, owner, pods, new Set(setMasks), wordSpan(ctx, clusterCidr.word))];
}

function wordSpan(ctx: ExtractContext, word: ScalarSlice): Span | undefined {
  const source = ctx.text(word.node);
  return source ? spanOf(source, word.start, word.end) : undefined;
}
