// The server's picture of the workspace: the latest text of every manifest (open documents win over
// disk), read into facts once per content, and the findings last published for each file, so that
// a deleted or fixed file never keeps a stale diagnostic.

import { AnalysisResult, ConfigFile, Finding, ManifestFile, SettingsInput, analyze, parseConfigFile, readManifestFile, CONFIG_FILE_NAME } from '../core';

export interface WorkspaceState {
  readonly folders: string[];
  setFolders(folders: readonly string[]): void;
  /** Records the text of a file; returns false when it did not change. */
  setText(uri: string, text: string): boolean;
  /** Records why a file was not read (too large, unreadable). */
  setSkipped(uri: string, reason: string): void;
  remove(uri: string): boolean;
  has(uri: string): boolean;
  textOf(uri: string): string | undefined;
  setSettings(settings: SettingsInput | undefined): void;
  analyze(): AnalysisResult;
  /** Findings by file from the last analysis. */
  findingsOf(uri: string): readonly Finding[];
  /** Every file that has findings now or had them at the previous analysis. */
  urisToPublish(): string[];
  skipped(): ReadonlyMap<string, string>;
  files(): readonly ManifestFile[];
  lastResult(): AnalysisResult | undefined;
}

export function isConfigUri(uri: string): boolean {
  return uri.endsWith('/' + CONFIG_FILE_NAME);
}

export function createWorkspaceState(): WorkspaceState {
  let folders: string[] = [];
  const manifests = new Map<string, ManifestFile>();
  const configs = new Map<string, ConfigFile>();
  const skippedFiles = new Map<string, string>();
  let settings: SettingsInput | undefined;
  let byUri = new Map<string, Finding[]>();
  let previouslyPublished = new Set<string>();
  let result: AnalysisResult | undefined;

  return {
    get folders() {
      return folders;
    },
    setFolders(next) {
      folders = [...next];
    },
    setText(uri, text) {
      skippedFiles.delete(uri);
      if (isConfigUri(uri)) {
        if (configs.get(uri)?.text === text) return false;
        configs.set(uri, parseConfigFile(uri, text));
        return true;
      }
      if (manifests.get(uri)?.text === text) return false;
      manifests.set(uri, readManifestFile(uri, text));
      return true;
    },
    setSkipped(uri, reason) {
      manifests.delete(uri);
      configs.delete(uri);
      skippedFiles.set(uri, reason);
    },
    remove(uri) {
      const removed = manifests.delete(uri) || configs.delete(uri);
      skippedFiles.delete(uri);
      return removed;
    },
    has: (uri) => manifests.has(uri) || configs.has(uri),
    textOf: (uri) => manifests.get(uri)?.text ?? configs.get(uri)?.text,
    setSettings(next) {
      settings = next;
    },
    analyze() {
      result = analyze({ folders, files: [...manifests.values()], configs: [...configs.values()], ...(settings ? { settings } : {}) });
      previouslyPublished = new Set([...previouslyPublished, ...byUri.keys()]);
      byUri = new Map();
      for (const finding of result.findings) {
        let list = byUri.get(finding.uri);
        if (!list) byUri.set(finding.uri, (list = []));
        list.push(finding);
      }
      return result;
    },
    findingsOf: (uri) => byUri.get(uri) ?? [],
    urisToPublish() {
      const uris = new Set([...previouslyPublished, ...byUri.keys()]);
      previouslyPublished = new Set(byUri.keys());
      return [...uris];
    },
    skipped: () => skippedFiles,
    files: () => [...manifests.values()],
    lastResult: () => result,
  };
}
