// Cluster scopes (SPEC §2): the sets of files checked against each other. A `.cidr-lens.yaml` marks its
// folder as the root of one cluster; a file belongs to the nearest root above it; without any, each
// workspace folder is one cluster. `scope: file` makes every file below a config its own cluster.

import type { ManifestFile } from '../manifest/file';
import { ClusterConfig, ConfigFile, mergeConfig } from './config';
import { baseNameOf, dirName, isInside, relativeTo } from '../text/paths';
import { matchesAnyGlob } from '../text/glob';

export interface Scope {
  /** Stable identity: the root folder, or the file itself for `scope: file`. */
  readonly id: string;
  /** Display name: the config's `cluster`, else the root folder's name. */
  readonly name: string;
  readonly root: string;
  readonly config: ClusterConfig;
  readonly configUri?: string;
  readonly files: readonly ManifestFile[];
}

export interface ScopeInput {
  /** Workspace folders (LSP) or the paths given on the command line (CLI). */
  readonly folders: readonly string[];
  readonly files: readonly ManifestFile[];
  readonly configs: readonly ConfigFile[];
  /** Workspace-wide settings, as a config. */
  readonly settings: ClusterConfig;
}

/** Where a file belongs: its cluster root, the config that makes it one, and the merged config. */
interface Placement {
  readonly root: string;
  readonly configFile: ConfigFile | undefined;
  readonly config: ClusterConfig;
}

/**
 * The placement of every file seen so far, valid for exactly these folders, configs and settings (the
 * same objects). An edit changes a file's text, not where it belongs, so the next analysis looks each
 * file up by its URI instead of searching folders and configs again: the per-edit cost of assigning
 * 20,000 files stays a map lookup each. `undefined` marks a file an `ignore` glob leaves out.
 */
export interface Placements {
  readonly folders: readonly string[];
  readonly configs: readonly ConfigFile[];
  readonly settings: ClusterConfig;
  readonly byUri: Map<string, Placement | undefined>;
}

/** Groups files into scopes; `previous` placements are reused when they were made for the same folders, configs and settings. */
export function assignScopes(input: ScopeInput, previous?: Placements): { scopes: Scope[]; placements: Placements } {
  const placements = previous && samePlacementInputs(previous, input) ? previous : { folders: input.folders, configs: input.configs, settings: input.settings, byUri: new Map<string, Placement | undefined>() };
  const place = placer(input);
  const scopes = new Map<string, { root: string; name: string; config: ClusterConfig; configUri?: string; files: ManifestFile[] }>();
  for (const file of input.files) {
    let placement: Placement | undefined;
    if (placements.byUri.has(file.uri)) placement = placements.byUri.get(file.uri);
    else placements.byUri.set(file.uri, (placement = place(file.uri)));
    if (!placement) continue;
    const { root, configFile, config } = placement;
    const clusterName = config.cluster ?? (baseNameOf(root) || 'workspace');
    const perFile = config.scope === 'file';
    const id = perFile ? file.uri : root;
    let scope = scopes.get(id);
    if (!scope) {
      scope = {
        root,
        name: perFile ? `${clusterName}/${relativeTo(file.uri, root)}` : clusterName,
        config,
        ...(configFile ? { configUri: configFile.uri } : {}),
        files: [],
      };
      scopes.set(id, scope);
    }
    scope.files.push(file);
  }
  return { scopes: [...scopes.entries()].map(([id, s]) => ({ id, ...s })), placements };
}

function samePlacementInputs(previous: Placements, input: ScopeInput): boolean {
  return previous.settings === input.settings && sameItems(previous.folders, input.folders) && sameItems(previous.configs, input.configs);
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/** Places one file: the innermost workspace folder holding it, the nearest config above it, and the ignore globs of both. */
function placer(input: ScopeInput): (uri: string) => Placement | undefined {
  let configByFolder: Map<string, ConfigFile> | undefined;
  let foldersByDepth: string[] | undefined;
  const merged = new Map<ConfigFile | undefined, ClusterConfig>();
  return (uri) => {
    foldersByDepth ??= [...input.folders].sort((a, b) => b.length - a.length);
    configByFolder ??= configsByFolder(input.configs);
    const folder = foldersByDepth.find((f) => isInside(uri, f)) ?? dirName(uri);
    if (matchesAnyGlob(relativeTo(uri, folder), input.settings.ignore)) return undefined;
    const configFile = nearestConfig(configByFolder, uri);
    const root = configFile ? dirName(configFile.uri) : folder;
    if (configFile && matchesAnyGlob(relativeTo(uri, root), configFile.config.ignore)) return undefined;
    let config = merged.get(configFile);
    if (!config) merged.set(configFile, (config = mergeConfig(input.settings, configFile?.config)));
    return { root, configFile, config };
  };
}

/** The config of each folder; of two in one folder, the first listed. */
function configsByFolder(configs: readonly ConfigFile[]): Map<string, ConfigFile> {
  const byFolder = new Map<string, ConfigFile>();
  for (const config of configs) if (!byFolder.has(dirName(config.uri))) byFolder.set(dirName(config.uri), config);
  return byFolder;
}

/** The config of the nearest folder above a file that holds one: a walk up its path, not a scan of every config. */
function nearestConfig(configByFolder: ReadonlyMap<string, ConfigFile>, uri: string): ConfigFile | undefined {
  for (let dir = dirName(uri); ; dir = dirName(dir)) {
    const config = configByFolder.get(dir);
    if (config || dir === '') return config;
  }
}
