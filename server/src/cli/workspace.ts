// Loads the paths given on the command line into the core's inputs: manifests, config files, and
// the files that could not be read, each with its reason.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { ConfigFile, ManifestFile, parseConfigFile, readManifestFile } from '../core';
import { CONFIG_FILE_NAME, listManifests, readManifest } from '../node/scan';
import { UsageError } from './args';

export interface LoadedWorkspace {
  /** Absolute folders: each PATH argument (a file's folder when PATH is a file). */
  readonly folders: readonly string[];
  readonly files: readonly ManifestFile[];
  readonly configs: readonly ConfigFile[];
  readonly skipped: ReadonlyArray<{ readonly file: string; readonly reason: string }>;
}

export async function loadWorkspace(paths: readonly string[], configPath: string | undefined, scopeOverride: 'auto' | 'file'): Promise<LoadedWorkspace> {
  const folders: string[] = [];
  const manifestPaths = new Set<string>();
  for (const given of paths) {
    const absolute = path.resolve(given);
    let stat;
    try {
      stat = await fs.stat(absolute);
    } catch {
      throw new UsageError(`path not found: ${given}`);
    }
    folders.push(stat.isDirectory() ? absolute : path.dirname(absolute));
    for (const file of await listManifests(absolute)) manifestPaths.add(file);
  }
  const files: ManifestFile[] = [];
  const configs: ConfigFile[] = [];
  const skipped: Array<{ file: string; reason: string }> = [];
  for (const file of [...manifestPaths].sort()) {
    const read = await readManifest(file);
    const uri = toUri(file);
    if (read.text === undefined) {
      skipped.push({ file: uri, reason: read.skipped ?? 'unreadable' });
      continue;
    }
    if (path.basename(file) === CONFIG_FILE_NAME) {
      configs.push(parseConfigFile(uri, read.text));
      continue;
    }
    const manifest = readManifestFile(uri, read.text);
    files.push(manifest);
    for (const reason of manifest.skipped) skipped.push({ file: uri, reason });
  }
  if (configPath !== undefined) configs.unshift(await loadExplicitConfig(configPath, folders));
  if (scopeOverride === 'file') {
    for (let i = 0; i < configs.length; i++) configs[i] = { ...configs[i], config: { ...configs[i].config, scope: 'file' } };
    for (const folder of folders) {
      if (!configs.some((c) => path.dirname(c.uri) === folder)) configs.push({ ...parseConfigFile(toUri(path.join(folder, CONFIG_FILE_NAME)), ''), config: { ...parseConfigFile('', '').config, scope: 'file' } });
    }
  }
  return { folders: folders.map(toUri), files, configs, skipped };
}

/** `--config FILE` applies to every given folder, as if the file sat in each of them. */
async function loadExplicitConfig(configPath: string, folders: readonly string[]): Promise<ConfigFile> {
  let text: string;
  try {
    text = await fs.readFile(path.resolve(configPath), 'utf8');
  } catch {
    throw new UsageError(`config file not found: ${configPath}`);
  }
  const parsed = parseConfigFile(toUri(path.resolve(configPath)), text);
  const errors = parsed.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) throw new UsageError(`bad config file ${configPath}: ${errors[0].message}`);
  const root = folders.length === 1 ? folders[0] : commonFolder(folders);
  return { ...parsed, uri: toUri(path.join(root, CONFIG_FILE_NAME)) };
}

function commonFolder(folders: readonly string[]): string {
  let common = folders[0] ?? process.cwd();
  for (const f of folders) while (!(f === common || f.startsWith(common + path.sep))) common = path.dirname(common);
  return common;
}

/** The core's file identity in the CLI: an absolute path with `/` separators. */
export function toUri(file: string): string {
  return file.split(path.sep).join('/');
}

/** How a file is shown: relative to the current directory, `/` separators (SPEC §5). */
export function displayPath(uri: string): string {
  return path.relative(process.cwd(), uri).split(path.sep).join('/') || '.';
}
