// The server's picture of the workspace: the latest text of every manifest (open documents win over
// disk), read into facts once per content, and the last analysis with what it changed. Manifest and
// config files are replaced only when their text changes, which is what lets the core's incremental
// analysis recognise untouched scopes.

import {
  AnalysisResult,
  CONFIG_FILE_NAME,
  ConfigFile,
  Finding,
  ImportFile,
  ImportTarget,
  ManifestFile,
  ScopeAnalysis,
  ScopeIndex,
  SettingsInput,
  analyze,
  buildScopeIndex,
  importTargets,
  parseConfigFile,
  readManifestFile,
} from '../core';
import type { AddressPlan } from '../core';

export interface AnalysisUpdate {
  readonly result: AnalysisResult;
  /** The files whose findings may differ from those of the previous analysis. */
  readonly affected: ReadonlySet<string>;
}

export interface WorkspaceState {
  readonly folders: readonly string[];
  setFolders(folders: readonly string[]): void;
  /** Records the text of a file; returns false when it did not change. */
  setText(uri: string, text: string): boolean;
  /** Records why a file was not read (too large, unreadable). */
  setSkipped(uri: string, reason: string): void;
  remove(uri: string): void;
  /** Every file the state knows, read or skipped. */
  uris(): string[];
  setSettings(settings: SettingsInput | undefined): void;
  /** Records an IPAM export's text, or why it was not read; returns false when nothing changed. */
  setImport(uri: string, read: { text: string } | { skipped: string }): boolean;
  removeImport(uri: string): void;
  /** The IPAM exports read so far. */
  importUris(): string[];
  /** Where the configs' and settings' `externalNetworks: [{ from: … }]` entries look for exports. */
  importTargets(): ImportTarget[];
  analyze(): AnalysisUpdate;
  /** Findings on a file at the last analysis. */
  findingsOf(uri: string): readonly Finding[];
  /** The text a file had at the last analysis: the text its findings' offsets refer to. */
  analysedTextOf(uri: string): string | undefined;
  /** The scope a file belonged to at the last analysis. */
  scopeOf(uri: string): ScopeAnalysis | undefined;
  /** The editor-feature index of a scope, built on first use and kept while its plan is unchanged. */
  indexOf(scope: ScopeAnalysis): ScopeIndex;
}

export function isConfigUri(uri: string): boolean {
  return uri.endsWith('/' + CONFIG_FILE_NAME);
}

export function createWorkspaceState(): WorkspaceState {
  let folders: string[] = [];
  const manifests = new Map<string, ManifestFile>();
  const configs = new Map<string, ConfigFile>();
  const skipped = new Map<string, string>();
  const imports = new Map<string, ImportFile>();
  let settings: SettingsInput | undefined;
  let result: AnalysisResult | undefined;
  let findingsByUri = new Map<string, Finding[]>();
  const scopeByUri = new Map<string, ScopeAnalysis>();
  // The texts of the last analysis; `changed` lists the files set or removed since, so an analysis
  // updates only their entries instead of copying every file of the workspace.
  const analysedFiles = new Map<string, { readonly text: string }>();
  const changed = new Set<string>();
  const indexes = new WeakMap<AddressPlan, ScopeIndex>();

  return {
    get folders() {
      return folders;
    },
    setFolders(next) {
      folders = [...next];
    },
    setText(uri, text) {
      skipped.delete(uri);
      if (isConfigUri(uri)) {
        if (configs.get(uri)?.text === text) return false;
        configs.set(uri, parseConfigFile(uri, text));
        changed.add(uri);
        return true;
      }
      if (manifests.get(uri)?.text === text) return false;
      manifests.set(uri, readManifestFile(uri, text));
      changed.add(uri);
      return true;
    },
    setSkipped(uri, reason) {
      manifests.delete(uri);
      configs.delete(uri);
      skipped.set(uri, reason);
      changed.add(uri);
    },
    remove(uri) {
      manifests.delete(uri);
      configs.delete(uri);
      skipped.delete(uri);
      changed.add(uri);
    },
    uris: () => [...manifests.keys(), ...configs.keys(), ...skipped.keys()],
    setSettings(next) {
      settings = next;
    },
    setImport(uri, read) {
      const before = imports.get(uri);
      if ('text' in read ? before?.text === read.text : before?.skipped === read.skipped && before.text === undefined) return false;
      imports.set(uri, { uri, ...read });
      changed.add(uri);
      return true;
    },
    removeImport(uri) {
      if (imports.delete(uri)) changed.add(uri);
    },
    importUris: () => [...imports.keys()],
    importTargets: () => importTargets([...configs.values()], folders, settings),
    analyze() {
      const previous = result;
      // A file an import names is an export, not a manifest: it is read only as the export.
      const files = imports.size === 0 ? [...manifests.values()] : [...manifests.values()].filter((f) => !imports.has(f.uri));
      result = analyze({ folders, files, configs: [...configs.values()], imports: [...imports.values()], ...(settings ? { settings } : {}) }, previous);
      const affected = affectedUris(previous, result, findingsByUri);
      findingsByUri = groupByUri(result.findings);
      updateScopesByUri(scopeByUri, previous, result);
      for (const uri of changed) {
        const file = imports.get(uri) ?? manifests.get(uri) ?? configs.get(uri);
        if (file?.text !== undefined) analysedFiles.set(uri, { text: file.text });
        else analysedFiles.delete(uri);
      }
      changed.clear();
      return { result, affected };
    },
    findingsOf: (uri) => findingsByUri.get(uri) ?? [],
    analysedTextOf: (uri) => analysedFiles.get(uri)?.text,
    scopeOf: (uri) => scopeByUri.get(uri),
    indexOf(scope) {
      let index = indexes.get(scope.plan);
      if (!index) indexes.set(scope.plan, (index = buildScopeIndex(scope.plan)));
      return index;
    },
  };
}

/**
 * The files whose findings may have changed: the files and finding locations of every scope analysed
 * anew, the finding locations of every scope that is gone (a deleted file's scope is replaced, so its
 * findings are cleared), and config files, whose own findings come from parsing them, not from a scope.
 * Scopes reused from the previous analysis have the very same findings, so their files are left out.
 */
function affectedUris(previous: AnalysisResult | undefined, current: AnalysisResult, findingsBefore: ReadonlyMap<string, readonly Finding[]>): Set<string> {
  const before = new Set(previous?.scopes ?? []);
  const now = new Set(current.scopes);
  const affected = new Set<string>();
  for (const scope of current.scopes) {
    if (before.has(scope)) continue;
    for (const file of scope.scope.files) affected.add(file.uri);
    for (const finding of scope.findings) affected.add(finding.uri);
  }
  for (const scope of previous?.scopes ?? []) if (!now.has(scope)) for (const finding of scope.findings) affected.add(finding.uri);
  for (const finding of current.findings) if (finding.rule === 'invalid-config') affected.add(finding.uri);
  // Config files and IPAM exports carry findings of their own; those cleared since must be cleared in the editor too.
  for (const [uri, findings] of findingsBefore) if (isConfigUri(uri) || findings.some((f) => f.rule === 'invalid-config')) affected.add(uri);
  return affected;
}

/**
 * Points every file at its scope analysis, touching only the scopes analysed anew: a reused scope
 * keeps its very files. Entries of a scope that is gone are removed unless a new scope took the file.
 */
function updateScopesByUri(scopeByUri: Map<string, ScopeAnalysis>, previous: AnalysisResult | undefined, current: AnalysisResult): void {
  const before = new Set(previous?.scopes ?? []);
  const now = new Set(current.scopes);
  for (const scope of previous?.scopes ?? []) {
    if (now.has(scope)) continue;
    for (const file of scope.scope.files) if (scopeByUri.get(file.uri) === scope) scopeByUri.delete(file.uri);
  }
  for (const scope of current.scopes) if (!before.has(scope)) for (const file of scope.scope.files) scopeByUri.set(file.uri, scope);
}

function groupByUri(findings: readonly Finding[]): Map<string, Finding[]> {
  const byUri = new Map<string, Finding[]>();
  for (const finding of findings) {
    let list = byUri.get(finding.uri);
    if (!list) byUri.set(finding.uri, (list = []));
    list.push(finding);
  }
  return byUri;
}
