// Extractor: Cluster API `Cluster` (cluster.x-k8s.io) spec.clusterNetwork.pods/services.cidrBlocks.
// Cluster API hands them to the control plane provider; with KubeadmControlPlane they become kubeadm's
// podSubnet and serviceSubnet (domain-rules.md §6), so kubeadm's defaults apply: 10.96.0.0/12 when no
// service range is given, and kube-controller-manager's node masks (§3). clusterctl templates write
// `${POD_CIDR:=["192.168.0.0/16"]}`: the default inside such a placeholder is read as the value.

import type { Fact, Role } from '../../model';
import { apiGroupOf, kindNode } from './componentConfig';
import type { ExtractContext, FieldSpec } from './context';
import { splitCommaList } from './context';
import type { Extractor } from './extractor';
import { KUBEADM_DEFAULT_SERVICE_SUBNET } from './kubeadm';
import { NodeMaskOwner, defaultNodeMasks } from './nodeMask';
import { COMPONENT_CIDR } from './syntax';
import { below } from './tree';
import { Node, getKeyNode, isScalarNode, scalarString } from '../yamlNode';

/** `${NAME:=default}`, `${NAME:-default}` and their forms without the colon, as clusterctl's envsubst reads them. */
const ENVSUBST_WITH_DEFAULT = /^\$\{([A-Za-z_][A-Za-z0-9_]*):?[-=]([\s\S]*)\}$/;

export const clusterApi: Extractor = {
  name: 'cluster-api',
  triggers: ['cluster.x-k8s.io'],
  extract(ctx) {
    if (ctx.ref.kind !== 'Cluster' || apiGroupOf(ctx) !== 'cluster.x-k8s.io') return [];
    const network = ctx.get(['spec', 'clusterNetwork']);
    const field = (role: Role, source: string): FieldSpec => ({ role, component: 'cluster-api', source, syntax: COMPONENT_CIDR, group: 'cluster' });
    const podsNode = below(ctx, network, ['pods']);
    const pods = cidrBlockFacts(ctx, below(ctx, podsNode, ['cidrBlocks']), field('pod-network', 'Cluster API clusterNetwork.pods.cidrBlocks'));
    const servicesSpec = field('service-network', 'Cluster API clusterNetwork.services.cidrBlocks');
    const services = cidrBlockFacts(ctx, below(ctx, network, ['services', 'cidrBlocks']), servicesSpec);
    if (services.length === 0 && runsKubeadm(ctx)) services.push(ctx.defaulted(KUBEADM_DEFAULT_SERVICE_SUBNET, servicesSpec, kindNode(ctx)));
    const owner: NodeMaskOwner = { component: 'cluster-api', group: 'cluster', label: (flag) => `kube-controller-manager --${flag}` };
    return [...pods, ...services, ...defaultNodeMasks(ctx, owner, pods, new Set(), getKeyNode(podsNode, 'cidrBlocks', ctx.yaml))];
  },
};

/** Other control plane providers (RKE2, k3s, managed clouds) have defaults of their own. */
function runsKubeadm(ctx: ExtractContext): boolean {
  return scalarString(ctx.get(['spec', 'controlPlaneRef', 'kind'])) === 'KubeadmControlPlane';
}

function cidrBlockFacts(ctx: ExtractContext, node: Node | undefined, spec: FieldSpec): Fact[] {
  const text = isScalarNode(node) ? ctx.text(node)?.text : undefined;
  const placeholder = text === undefined ? null : ENVSUBST_WITH_DEFAULT.exec(text);
  return node && text !== undefined && placeholder ? envsubstDefaultFacts(ctx, node, text, placeholder, spec) : ctx.list(node, spec);
}

/**
 * The elements of the default inside `${NAME:=…}`: a JSON list (`["a", "b"]`) or a comma list, each
 * with its exact span and the variable's name, so a finding can say which variable overrides it.
 */
function envsubstDefaultFacts(ctx: ExtractContext, node: Node, text: string, placeholder: RegExpExecArray, spec: FieldSpec): Fact[] {
  let start = text.length - 1 - placeholder[2].length;
  let end = text.length - 1;
  if (text[start] === '[' && text[end - 1] === ']') {
    start++;
    end--;
  }
  const withVariable: FieldSpec = { ...spec, attributes: { ...spec.attributes, envsubstDefault: placeholder[1] } };
  const parts = splitCommaList(text.slice(start, end));
  return parts.flatMap(([s, e], index) => {
    const [from, to] = unquotedBounds(text, start + s, start + e);
    return ctx.slice(node, from, to, withVariable, parts.length > 1 ? { index, length: parts.length } : undefined);
  });
}

function unquotedBounds(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  const quoted = end - start >= 2 && (text[start] === '"' || text[start] === "'") && text[end - 1] === text[start];
  return quoted ? [start + 1, end - 1] : [start, end];
}
