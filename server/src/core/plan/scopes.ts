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

export function assignScopes(input: ScopeInput): Scope[] {
  const configsByDepth = [...input.configs].sort((a, b) => dirName(b.uri).length - dirName(a.uri).length);
  const foldersByDepth = [...input.folders].sort((a, b) => b.length - a.length);
  const scopes = new Map<string, { root: string; name: string; config: ClusterConfig; configUri?: string; files: ManifestFile[] }>();
  for (const file of input.files) {
    const folder = foldersByDepth.find((f) => isInside(file.uri, f)) ?? dirName(file.uri);
    if (matchesAnyGlob(relativeTo(file.uri, folder), input.settings.ignore)) continue;
    const configFile = configsByDepth.find((c) => isInside(file.uri, dirName(c.uri)));
    const root = configFile ? dirName(configFile.uri) : folder;
    const config = mergeConfig(input.settings, configFile?.config);
    if (configFile && matchesAnyGlob(relativeTo(file.uri, root), configFile.config.ignore)) continue;
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
  return [...scopes.entries()].map(([id, s]) => ({ id, ...s }));
}
