// Flux post-build substitution across the workspace: a value written as `${CLUSTER_CIDR}` in a
// manifest under a Flux Kustomization's `spec.path` is the value of that variable in the
// Kustomization's `postBuild.substitute` map or in the ConfigMaps and Secrets of its `substituteFrom`
// (see `fluxVariables.ts`). Such a file is read again with the variables substituted, as Flux does
// before applying it, and each fact is mapped back to the file as written: its span covers the
// placeholder, its `substitution` names the variable and where its value is written, so a fix edits
// the ConfigMap and a hover can say where the value came from.
//
// Decisions, where Flux's own behaviour depends on what the repository cannot show:
//   - `spec.path` is relative to the Git source's root, which the workspace does not mark; it is
//     resolved against each workspace folder and then each folder above the Kustomization's file,
//     shallowest first, and the first directory that holds files of the workspace is taken.
//   - A file is substituted by every Kustomization whose path contains it, so the common pattern of
//     a parent Kustomization patching its `postBuild` into the children is covered; a variable two of
//     them give different values stays unresolved, as does one two equally near ConfigMaps of the
//     same name disagree on (a repository of several clusters).
//   - Only placeholders inside values that are facts are replaced, with `${VAR}`, `${VAR:=default}`
//     and `${VAR:-default}` (a default applies when the variable is not bound); `$${VAR}` is Flux's
//     escape and stays. Unbound variables stay placeholders: Flux would make them empty, but they may
//     well come from a Secret the repository keeps encrypted.
//   - A file holding the `kustomize.toolkit.fluxcd.io/substitute: disabled` annotation is left as written.

import type { DocumentRef, Fact, Span, Substitution } from '../model';
import { dirName, isInside, resolvePath } from '../text/paths';
import { ManifestFile, readManifestFile } from './file';
import type { FluxKustomization, VariableDefinition, VariableSource } from './fluxVariables';

/** A placeholder Flux replaces: `${NAME}`, `${NAME:=default}`, `${NAME:-default}` (and the forms without `:`). */
const PLACEHOLDER = /\$\{([_a-zA-Z][_a-zA-Z0-9]*)(?::?[-=]([^}]*))?\}/g;

const DISABLED = /kustomize\.toolkit\.fluxcd\.io\/substitute:\s*["']?disabled/;

/** A variable's value as one Kustomization sees it, with where it is written and by what. */
interface Binding {
  readonly value: string;
  readonly definition: VariableDefinition;
  readonly owner: string;
}

/** A directory and the variables Flux substitutes into the files under it. */
interface SubstitutionScope {
  readonly dir: string;
  /** Undefined for a name that is bound to different values by equally likely sources. */
  readonly bindings: ReadonlyMap<string, Binding | undefined>;
}

/** One placeholder replaced: its span in the file as written and in the substituted text. */
interface Replacement {
  readonly start: number;
  readonly end: number;
  readonly newStart: number;
  readonly newEnd: number;
  readonly substitution: Substitution;
}

const substituted = new WeakMap<ManifestFile, { key: string; file: ManifestFile }>();

/**
 * The files as Flux applies them: a file with placeholders the workspace's Kustomizations resolve is
 * replaced by its substituted reading (the same object while its replacements stay the same, so
 * incremental analysis keeps its scope); every other file is returned as it is.
 */
export function substituteFluxVariables(files: readonly ManifestFile[], folders: readonly string[]): readonly ManifestFile[] {
  const kustomizations = files.flatMap((file) => file.variables?.kustomizations ?? []);
  if (kustomizations.length === 0) return files;
  const candidates = new Map(files.flatMap((file) => {
    const spans = placeholderSpans(file);
    return spans.length > 0 && !DISABLED.test(file.text) ? [[file, spans] as const] : [];
  }));
  if (candidates.size === 0) return files;
  const scopes = substitutionScopes(kustomizations, files, folders);
  if (scopes.size === 0) return files;
  return files.map((file) => {
    const spans = candidates.get(file);
    return spans ? substitutedFile(file, spans, bindingsFor(file.uri, scopes)) : file;
  });
}

/**
 * The spans of the file's placeholder facts holding a `${`, in order and each once. The file's text is
 * looked at, not the fact's: a placeholder in a flow collection is read from the masked text.
 */
function placeholderSpans(file: ManifestFile): Span[] {
  const spans = new Map<string, Span>();
  for (const fact of file.facts) {
    if (fact.value.kind === 'template' && file.text.slice(fact.span.start, fact.span.end).includes('${')) spans.set(`${fact.span.start}:${fact.span.end}`, fact.span);
  }
  return [...spans.values()].sort((a, b) => a.start - b.start);
}

/** The Kustomizations by the directory they substitute into. */
function substitutionScopes(kustomizations: readonly FluxKustomization[], files: readonly ManifestFile[], folders: readonly string[]): Map<string, SubstitutionScope[]> {
  const directories = new Set(files.flatMap((file) => ancestors(file.uri)));
  const sources = sourcesByName(files);
  const scopes = new Map<string, SubstitutionScope[]>();
  for (const kustomization of kustomizations) {
    const roots = [...folders, ...ancestors(kustomization.uri).reverse()];
    const dir = roots.map((root) => resolvePath(root, kustomization.path)).find((candidate) => directories.has(candidate));
    if (dir === undefined) continue;
    const list = scopes.get(dir) ?? [];
    list.push({ dir, bindings: bindingsOf(kustomization, sources) });
    scopes.set(dir, list);
  }
  return scopes;
}

/** The folders that hold `uri`, nearest first. */
function ancestors(uri: string): string[] {
  const out: string[] = [];
  for (let dir = dirName(uri); dir !== '' && !dir.endsWith('/'); dir = dirName(dir)) out.push(dir);
  return out;
}

function sourcesByName(files: readonly ManifestFile[]): Map<string, Array<VariableSource & { uri: string }>> {
  const byName = new Map<string, Array<VariableSource & { uri: string }>>();
  for (const file of files) {
    for (const source of file.variables?.sources ?? []) {
      const key = `${source.kind}/${source.name}`;
      const list = byName.get(key) ?? [];
      list.push({ ...source, uri: file.uri });
      byName.set(key, list);
    }
  }
  return byName;
}

/** The variables one Kustomization substitutes: its `substituteFrom` sources in order, then its inline map. */
function bindingsOf(kustomization: FluxKustomization, sources: Map<string, Array<VariableSource & { uri: string }>>): Map<string, Binding | undefined> {
  const bindings = new Map<string, Binding | undefined>();
  for (const reference of kustomization.substituteFrom) {
    const matching = (sources.get(`${reference.kind}/${reference.name}`) ?? []).filter((source) => sameNamespace(source.namespace, kustomization.namespace));
    const nearest = nearestTo(kustomization.uri, matching);
    const owner = `${reference.kind} ${reference.name}`;
    const fromReference = new Map<string, Binding | undefined>();
    for (const source of nearest) {
      for (const definition of source.definitions) mergeBinding(fromReference, definition.name, { value: definition.value, definition, owner });
    }
    // A later substituteFrom entry overrides an earlier one.
    for (const [name, binding] of fromReference) bindings.set(name, binding);
  }
  for (const definition of kustomization.substitute) bindings.set(definition.name, { value: definition.value, definition, owner: 'postBuild.substitute' });
  return bindings;
}

function sameNamespace(source: string | undefined, kustomization: string | undefined): boolean {
  return source === undefined || kustomization === undefined || source === kustomization;
}

/** The sources whose files share the longest leading folder path with `uri`: the same cluster's, in a repository of several. */
function nearestTo<T extends { uri: string }>(uri: string, sources: readonly T[]): T[] {
  const shared = (other: string) => ancestors(other).find((dir) => isInside(uri, dir))?.length ?? 0;
  const best = Math.max(0, ...sources.map((source) => shared(source.uri)));
  return sources.filter((source) => shared(source.uri) === best);
}

/** Adds a binding; a second, different value for the name makes it ambiguous. */
function mergeBinding(bindings: Map<string, Binding | undefined>, name: string, binding: Binding | undefined): void {
  if (!bindings.has(name)) {
    bindings.set(name, binding);
    return;
  }
  const earlier = bindings.get(name);
  if (earlier === undefined || binding === undefined || earlier.value !== binding.value) bindings.set(name, undefined);
}

/** The variables of every Kustomization whose directory holds the file. */
function bindingsFor(uri: string, scopes: Map<string, SubstitutionScope[]>): Map<string, Binding | undefined> | undefined {
  const containing = ancestors(uri).flatMap((dir) => scopes.get(dir) ?? []);
  if (containing.length === 0) return undefined;
  const merged = new Map<string, Binding | undefined>();
  for (const scope of containing) for (const [name, binding] of scope.bindings) mergeBinding(merged, name, binding);
  return merged;
}

/**
 * The file read with its placeholders replaced; the file itself when none is resolved or the result
 * reads worse. Either outcome is kept for the same replacements, so an edit elsewhere reads it no more.
 */
function substitutedFile(file: ManifestFile, spans: readonly Span[], bindings: Map<string, Binding | undefined> | undefined): ManifestFile {
  if (!bindings) return file;
  const { text, replacements } = replacePlaceholders(file, spans, bindings);
  if (replacements.length === 0) return file;
  const key = JSON.stringify(replacements);
  const earlier = substituted.get(file);
  if (earlier?.key === key) return earlier.file;
  const read = readManifestFile(file.uri, text);
  // A value that breaks the YAML around it must not cost the file its other facts.
  const result: ManifestFile = read.skipped.length > file.skipped.length ? file : { ...file, facts: mapFacts(read.facts, replacements) };
  substituted.set(file, { key, file: result });
  return result;
}

/** Replaces the resolvable placeholders inside the file's placeholder facts. */
function replacePlaceholders(file: ManifestFile, spans: readonly Span[], bindings: Map<string, Binding | undefined>): { text: string; replacements: Replacement[] } {
  const replacements: Replacement[] = [];
  let text = '';
  let copied = 0;
  for (const span of spans) {
    if (span.start < copied) continue;
    PLACEHOLDER.lastIndex = span.start;
    for (let match = PLACEHOLDER.exec(file.text); match && match.index + match[0].length <= span.end; match = PLACEHOLDER.exec(file.text)) {
      if (file.text[match.index - 1] === '$') continue;
      const binding = bindings.get(match[1]);
      const value = binding?.value ?? (bindings.has(match[1]) ? undefined : match[2]);
      if (value === undefined) continue;
      text += file.text.slice(copied, match.index);
      const newStart = text.length;
      text += value;
      const definedAt = binding ? { uri: binding.definition.uri, span: binding.definition.span, owner: binding.owner } : undefined;
      replacements.push({ start: match.index, end: match.index + match[0].length, newStart, newEnd: text.length, substitution: { variable: match[1], ...(definedAt ? { definedAt } : {}) } });
      copied = match.index + match[0].length;
    }
  }
  return { text: text + file.text.slice(copied), replacements };
}

/** The facts of the substituted text, with spans of the file as written. */
function mapFacts(facts: readonly Fact[], replacements: readonly Replacement[]): Fact[] {
  const docs = new Map<DocumentRef, DocumentRef>();
  const mapDoc = (doc: DocumentRef) => {
    let mapped = docs.get(doc);
    if (!mapped) docs.set(doc, (mapped = { ...doc, anchor: mapSpan(doc.anchor, replacements) }));
    return mapped;
  };
  return facts.map((fact) => {
    const span = mapSpan(fact.span, replacements);
    const from = fact.isDefault ? undefined : firstOverlapping(fact.span, replacements);
    return { ...fact, doc: mapDoc(fact.doc), span, ...(from ? { substitution: from.substitution } : {}) };
  });
}

/** A span of the substituted text as a span of the file: one touching a replaced value covers its whole placeholder. */
function mapSpan(span: Span, replacements: readonly Replacement[]): Span {
  return { start: mapOffset(span.start, replacements, 'start'), end: mapOffset(span.end, replacements, 'end') };
}

/**
 * An offset of the substituted text in the file as written. Replacements are sorted and disjoint, so
 * the one at or before the offset is found by binary search: a file with 100,000 placeholders maps
 * its facts in n log n.
 */
function mapOffset(offset: number, replacements: readonly Replacement[], side: 'start' | 'end'): number {
  // The last replacement that begins before the offset (at or before it, for a start).
  const i = lastIndexWhere(replacements, (r) => (side === 'start' ? r.newStart <= offset : r.newStart < offset));
  if (i < 0) return offset;
  const r = replacements[i];
  const inside = side === 'start' ? offset < r.newEnd : offset <= r.newEnd;
  if (inside) return side === 'start' ? r.start : r.end;
  return offset + r.end - r.newEnd;
}

/** The first replacement sharing a character with the span, if any. */
function firstOverlapping(span: Span, replacements: readonly Replacement[]): Replacement | undefined {
  const i = lastIndexWhere(replacements, (r) => r.newEnd <= span.start) + 1;
  const r = replacements[i];
  return r && r.newStart < span.end ? r : undefined;
}

/** The last index whose element satisfies `test`, for a test that holds on a prefix of the list; -1 when none does. */
function lastIndexWhere<T>(list: readonly T[], test: (item: T) => boolean): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (test(list[mid])) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}
