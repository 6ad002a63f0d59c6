// What a file says about Flux post-build variable substitution: the Flux `Kustomization`s that
// substitute variables into the manifests under their `spec.path` (`spec.postBuild.substitute` and
// `substituteFrom`), and the ConfigMaps and Secrets that may hold those variables. Read per file with
// the file's documents; `fluxSubstitution.ts` joins them across the workspace.
//
// Flux (kustomize-controller, api/v1 KustomizationSpec.PostBuild, controllers' SubstituteVariables):
// variables come from each `substituteFrom` entry in order, a later one overriding an earlier one,
// and from the inline `substitute` map, which overrides them all; ConfigMaps and Secrets are looked up
// in the Kustomization's namespace. A Secret's `data` is base64 and usually SOPS-encrypted in a
// repository, so only `stringData` values are read.

import type { DocumentRef, Span } from '../model';
import type { ManifestDocument } from './parse';
import { scalarSource } from './scalar';
import { spanOf } from './sourceText';
import { Node, getKey, getPath, isScalarNode, mapEntries, scalarString, seqItems } from './yamlNode';

/** One variable as written: its name, its value, and where the value sits in the file. */
export interface VariableDefinition {
  readonly name: string;
  readonly value: string;
  readonly uri: string;
  readonly span: Span;
}

/** A ConfigMap or Secret a Kustomization may take variables from. */
export interface VariableSource {
  readonly kind: 'ConfigMap' | 'Secret';
  readonly name: string;
  readonly namespace?: string;
  readonly definitions: readonly VariableDefinition[];
}

export interface SubstitutionReference {
  readonly kind: 'ConfigMap' | 'Secret';
  readonly name: string;
}

/** A Flux Kustomization with a `postBuild` step. */
export interface FluxKustomization {
  readonly uri: string;
  readonly namespace?: string;
  /** `spec.path` as written, relative to the source's root; `./` when left out. */
  readonly path: string;
  readonly substituteFrom: readonly SubstitutionReference[];
  readonly substitute: readonly VariableDefinition[];
}

export interface FileVariables {
  readonly kustomizations: readonly FluxKustomization[];
  readonly sources: readonly VariableSource[];
}

const FLUX_KUSTOMIZE_GROUP = 'kustomize.toolkit.fluxcd.io/';

/** Flux substitutes only names of this shape (its variable syntax: a letter or `_`, then word characters). */
export const VARIABLE_NAME = /^[_a-zA-Z][_a-zA-Z0-9]*$/;

/** Longer values are scripts or certificates, never an address a manifest substitutes. */
const MAX_VALUE_LENGTH = 256;

/** Something that may be (part of) an address: three dotted numbers, or two colons of IPv6. */
const ADDRESS_LIKE = /\d{1,3}\.\d{1,3}\.\d{1,3}|[0-9a-fA-F]{0,4}:[0-9a-fA-F]{0,4}:[0-9a-fA-F]/;

/**
 * Whether a file may define substitutions or variables, checked before parsing it: a Flux
 * Kustomization, or a ConfigMap or Secret holding something address-like. Most ConfigMaps of a
 * repository hold application settings, and parsing them all would cost the pre-scan its point; so a
 * ConfigMap whose variables are all bare numbers (a node mask alone) is not read.
 */
export function mayDefineVariables(text: string): boolean {
  return text.includes(FLUX_KUSTOMIZE_GROUP) || (/\bkind:\s*["']?(ConfigMap|Secret)\b/.test(text) && ADDRESS_LIKE.test(text));
}

/** The Kustomization or variable source one document is, if it is either. */
export function readDocumentVariables(doc: ManifestDocument, ref: DocumentRef): Partial<{ kustomization: FluxKustomization; source: VariableSource }> {
  const root = (doc.contents ?? undefined) as Node | undefined;
  if (ref.kind === 'Kustomization' && ref.apiVersion?.startsWith(FLUX_KUSTOMIZE_GROUP)) {
    const postBuild = getPath(root, ['spec', 'postBuild'], doc.yaml);
    if (!postBuild) return {};
    const substituteFrom = seqItems(getKey(postBuild, 'substituteFrom', doc.yaml), doc.yaml).flatMap((entry) => {
      const kind = scalarString(getKey(entry, 'kind', doc.yaml));
      const name = scalarString(getKey(entry, 'name', doc.yaml));
      return (kind === 'ConfigMap' || kind === 'Secret') && name ? [{ kind, name } as const] : [];
    });
    const path = scalarString(getPath(root, ['spec', 'path'], doc.yaml))?.trim() || './';
    const kustomization = { uri: ref.uri, ...(ref.namespace ? { namespace: ref.namespace } : {}), path, substituteFrom, substitute: definitions(doc, ref, getKey(postBuild, 'substitute', doc.yaml)) };
    return { kustomization };
  }
  if ((ref.kind === 'ConfigMap' || ref.kind === 'Secret') && ref.name && (ref.apiVersion === undefined || ref.apiVersion === 'v1')) {
    const values = getKey(root, ref.kind === 'ConfigMap' ? 'data' : 'stringData', doc.yaml);
    const found = definitions(doc, ref, values);
    if (found.length === 0) return {};
    return { source: { kind: ref.kind, name: ref.name, ...(ref.namespace ? { namespace: ref.namespace } : {}), definitions: found } };
  }
  return {};
}

function definitions(doc: ManifestDocument, ref: DocumentRef, map: Node | undefined): VariableDefinition[] {
  return mapEntries(map, doc.yaml).flatMap(([name, value]) => {
    if (!VARIABLE_NAME.test(name) || !isScalarNode(value)) return [];
    const source = scalarSource(doc.source, value);
    if (!source || source.text.length > MAX_VALUE_LENGTH || /[\r\n]/.test(source.text)) return [];
    return [{ name, value: source.text, uri: ref.uri, span: spanOf(source, 0, source.text.length) }];
  });
}
