// Loads the paths given on the command line into the core's inputs: manifests, config files, and
// the files that could not be read, each with its reason.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { ConfigFile, ImportFile, ManifestFile, importTargets, lineIndexOf, parseConfigFile, positionAt, readManifestFile } from '../core';
import { CONFIG_FILE_NAME, listImportFiles, listManifests, readImportFile, readManifest } from '../node/scan';
import { UsageError } from './args';

export interface LoadedWorkspace {
  /** Absolute folders: each PATH argument (a file's folder when PATH is a file). */
  readonly folders: readonly string[];
  readonly files: readonly ManifestFile[];
  readonly configs: readonly ConfigFile[];
  /** The IPAM exports the configs' `externalNetworks: [{ from: … }]` entries name. */
  readonly imports: readonly ImportFile[];
  /** The text of every file a finding can point into, by URI: manifests, config files and IPAM exports. */
  readonly texts: ReadonlyMap<string, string>;
  readonly skipped: ReadonlyArray<{ readonly file: string; readonly reason: string }>;
}

/** Called after each file is read, so that a long run can show how far it got. */
export type ReadProgress = (done: number, total: number) => void;

export async function loadWorkspace(paths: readonly string[], configPath: string | undefined, scopeOverride: 'auto' | 'file', onProgress?: ReadProgress): Promise<LoadedWorkspace> {
  const { folders, manifestPaths, explicitFiles } = await resolvePaths(paths);
  const files: ManifestFile[] = [];
  const configs: ConfigFile[] = [];
  const texts = new Map<string, string>();
  const skipped: Array<{ file: string; reason: string }> = [];
  const sorted = [...manifestPaths].sort();
  for (const [done, file] of sorted.entries()) {
    const read = readManifest(file);
    onProgress?.(done + 1, sorted.length);
    const uri = toUri(file);
    if (read.text === undefined) {
      // A file found while walking a folder may be skipped; one named on the command line must be read.
      if (explicitFiles.has(file) && read.skipped?.startsWith('unreadable')) throw new UsageError(`cannot read ${path.relative(process.cwd(), file) || file}: ${read.skipped}`);
      skipped.push({ file: uri, reason: read.skipped ?? 'unreadable' });
      continue;
    }
    texts.set(uri, read.text);
    if (path.basename(file) === CONFIG_FILE_NAME) {
      configs.push(parseConfigFile(uri, read.text));
      continue;
    }
    const manifest = readManifestFile(uri, read.text);
    files.push(manifest);
    for (const reason of manifest.skipped) skipped.push({ file: uri, reason });
  }
  if (configPath !== undefined) {
    const explicit = await loadExplicitConfig(configPath, folders);
    texts.set(explicit.textUri, explicit.text);
    configs.unshift(explicit.config);
  }
  if (scopeOverride === 'file') applyFileScope(configs, folders);
  const imports = readImports(configs, folders.map(toUri), texts);
  // A file an import names is an export, not a manifest: it is read only as the export.
  const importUris = new Set(imports.map((f) => f.uri));
  const manifests = files.filter((f) => !importUris.has(f.uri));
  const notSkipped = skipped.filter((s) => !importUris.has(s.file));
  return { folders: folders.map(toUri), files: manifests, configs, imports, texts, skipped: notSkipped };
}

/** Reads every file the configs' imports name (inside their folders, no links), each once. */
function readImports(configs: readonly ConfigFile[], folders: readonly string[], texts: Map<string, string>): ImportFile[] {
  const byUri = new Map<string, ImportFile>();
  for (const target of importTargets(configs, folders)) {
    for (const file of listImportFiles(target.root, target.pattern, target.path)) {
      const uri = toUri(file);
      if (byUri.has(uri)) continue;
      const read = readImportFile(file);
      if (read.text !== undefined) texts.set(uri, read.text);
      byUri.set(uri, read.text !== undefined ? { uri, text: read.text } : { uri, skipped: read.skipped ?? 'unreadable' });
    }
  }
  return [...byUri.values()];
}

async function resolvePaths(paths: readonly string[]): Promise<{ folders: string[]; manifestPaths: Set<string>; explicitFiles: Set<string> }> {
  const folders: string[] = [];
  const manifestPaths = new Set<string>();
  const explicitFiles = new Set<string>();
  for (const given of paths) {
    const absolute = path.resolve(given);
    let stat;
    try {
      stat = await fs.stat(absolute);
    } catch {
      throw new UsageError(`path not found: ${given}`);
    }
    if (stat.isDirectory()) {
      await assertReadableFolder(absolute, given);
      folders.push(absolute);
    } else {
      folders.push(path.dirname(absolute));
      explicitFiles.add(absolute);
    }
    for (const file of listManifests(absolute)) manifestPaths.add(file);
  }
  return { folders, manifestPaths, explicitFiles };
}

/** A folder named on the command line that cannot be listed would otherwise look like an empty, healthy one. */
async function assertReadableFolder(absolute: string, given: string): Promise<void> {
  try {
    await fs.readdir(absolute);
  } catch (error) {
    throw new UsageError(`cannot read folder ${given}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/** `--scope file` turns every config, and every given folder without one, into a `scope: file` root. */
function applyFileScope(configs: ConfigFile[], folders: readonly string[]): void {
  for (let i = 0; i < configs.length; i++) configs[i] = { ...configs[i], config: { ...configs[i].config, scope: 'file' } };
  for (const folder of folders) {
    if (configs.some((c) => path.dirname(c.uri) === toUri(folder))) continue;
    const empty = parseConfigFile(toUri(path.join(folder, CONFIG_FILE_NAME)), '');
    configs.push({ ...empty, config: { ...empty.config, scope: 'file' } });
  }
}

/**
 * `--config FILE` applies to every given folder, as if the file sat in their common folder. Its
 * findings keep pointing at the file itself (`textUri`), so they are shown where the mistake is.
 */
async function loadExplicitConfig(configPath: string, folders: readonly string[]): Promise<{ config: ConfigFile; textUri: string; text: string }> {
  let text: string;
  try {
    text = await fs.readFile(path.resolve(configPath), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `config file not found: ${configPath}` : `cannot read config file ${configPath}: ${code ?? String(error)}`);
  }
  const textUri = toUri(path.resolve(configPath));
  const parsed = parseConfigFile(textUri, text);
  const firstError = parsed.findings.find((f) => f.severity === 'error');
  if (firstError) {
    const position = positionAt(lineIndexOf(text), firstError.span.start);
    throw new UsageError(`bad config file ${configPath}:${position.line + 1}:${position.character + 1}: ${firstError.message}`);
  }
  const root = commonFolder(folders);
  return { config: { ...parsed, uri: toUri(path.join(root, CONFIG_FILE_NAME)) }, textUri, text };
}

function commonFolder(folders: readonly string[]): string {
  let common = folders[0] ?? process.cwd();
  for (const folder of folders) {
    // The file system root contains everything, so the climb always ends.
    while (!isInsideFolder(folder, common) && path.dirname(common) !== common) common = path.dirname(common);
  }
  return common;
}

function isInsideFolder(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '..' && !relative.startsWith('..' + path.sep) && !path.isAbsolute(relative);
}

/** The core's file identity in the CLI: an absolute path with `/` separators. */
export function toUri(file: string): string {
  return file.split(path.sep).join('/');
}

/** How a file is shown: relative to the current directory, `/` separators (SPEC §5). */
export function displayPath(uri: string): string {
  return path.relative(process.cwd(), uri).split(path.sep).join('/') || '.';
}
