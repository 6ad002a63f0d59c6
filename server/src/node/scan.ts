// Finding and reading the workspace's manifests on disk, for the CLI and the language server's scan
// of closed files. Only reads: nothing here writes, executes or leaves the given folders.

import { Dirent, closeSync, fstatSync, openSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { Glob, matchesAnyGlob, matchesGlob } from '../core/text/glob';

export const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];
/**
 * Installers keep manifests as templates: Jinja (`*.yml.j2`, Ansible), Go and Terraform templates
 * (`*.yaml.tpl`, `*.yaml.tmpl`: Talos machine-config patches of Terraform modules) and helmfile's
 * `*.yaml.gotmpl`. The core masks the template syntax.
 */
const TEMPLATE_EXTENSIONS = ['.j2', '.tpl', '.tmpl', '.gotmpl'];
/** The same set as one glob, for editor file watchers and document selectors. */
export const MANIFEST_GLOB = '**/*.{yaml,yml,json,yaml.j2,yml.j2,yaml.tpl,yml.tpl,yaml.tmpl,yml.tmpl,yaml.gotmpl,yml.gotmpl}';
export const CONFIG_FILE_NAME = '.cidr-lens.yaml';
/** Default for `cidrLens.scan.maxFileSizeKb`: larger than any real manifest bundle (tigera-operator.yaml is ~2 MB). */
export const DEFAULT_MAX_FILE_SIZE_KB = 8192;
/** The largest limit a setting may ask for: 256 MB of text is already more than the server should hold. */
export const MAX_FILE_SIZE_KB = 262_144;
/** Folders that never hold a cluster's own manifests and can be huge. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface ScanOptions {
  readonly maxFileSizeKb?: number;
  /** Compiled exclusion globs, matched against paths relative to the scanned root. */
  readonly exclude?: readonly Glob[];
}

export interface ScannedFile {
  readonly path: string;
  readonly text?: string;
  /** Why the file was not read (too large, unreadable); undefined when it was. */
  readonly skipped?: string;
}

export function isManifestPath(file: string): boolean {
  const name = file.toLowerCase();
  const extension = path.extname(name);
  if (TEMPLATE_EXTENSIONS.includes(extension)) return ['.yaml', '.yml'].includes(path.extname(name.slice(0, -extension.length)));
  return MANIFEST_EXTENSIONS.includes(extension);
}

/**
 * Every manifest path below `root` (or `root` itself when it is a file), in a stable order.
 * Synchronous on purpose: for thousands of small files, one thread-pool round trip per file costs
 * more than the reads themselves. The server calls it between other work, not on a hot path.
 */
export function listManifests(root: string, options: ScanOptions = {}): string[] {
  if (statSync(root).isFile()) return [root];
  const out: string[] = [];
  const exclude = options.exclude ?? [];
  walkSorted(root, (full, entry) => {
    if (exclude.length > 0 && matchesAnyGlob(relativePath(root, full), exclude)) return false;
    if (entry.isDirectory()) return !SKIPPED_FOLDERS.has(entry.name);
    if (entry.isFile() && isManifestPath(entry.name)) out.push(full);
    return false;
  });
  return out;
}

/**
 * Visits every entry below `dir` in name order, descending into the folders for which `visit` returns
 * true; a folder that cannot be listed is passed over. Links are never followed: a `Dirent` of a link
 * is neither a folder nor a file.
 */
function walkSorted(dir: string, visit: (full: string, entry: Dirent) => boolean): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (visit(full, entry)) walkSorted(full, visit);
  }
}

/** `file` relative to `root`, with `/` as the separator, as globs are written. */
function relativePath(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

/**
 * Whether a scan of `root` would read `file`: a manifest inside `root`, below no skipped folder and
 * matching no exclusion glob. The language server asks this of the files its watcher reports.
 */
export function isScannedPath(root: string, file: string, options: ScanOptions = {}): boolean {
  const relative = relativePath(root, file);
  if (relative === '' || relative.startsWith('../') || path.isAbsolute(relative) || !isManifestPath(file)) return false;
  const parts = relative.split('/');
  if (parts.slice(0, -1).some((part) => SKIPPED_FOLDERS.has(part))) return false;
  // A glob that names a folder matches every path below it, so one test of the whole path is the walk's answer.
  return !matchesAnyGlob(relative, options.exclude ?? []);
}

/**
 * Whether `file` lies below `root` through real folders only, as the scan reaches files: no link on
 * the way. A linked folder or file may lead out of the workspace (`linked/secret.yaml`), or back into
 * it under a second name (a loop), so nothing is read through one. False when `file` does not exist.
 */
export function isReachedWithoutLinks(file: string, root: string): boolean {
  try {
    return realpathSync(file) === path.join(realpathSync(root), path.relative(root, file));
  } catch {
    return false;
  }
}

/** Why a manifest of `bytes` is not read, or undefined when it is within the size limit. */
export function sizeLimitReason(bytes: number, options: ScanOptions = {}): string | undefined {
  const limitKb = options.maxFileSizeKb ?? DEFAULT_MAX_FILE_SIZE_KB;
  return bytes > limitKb * 1024 ? `file is ${Math.ceil(bytes / 1024)} KB, above the ${limitKb} KB limit (cidrLens.scan.maxFileSizeKb)` : undefined;
}

/** Reads one manifest, unless it is larger than the limit; the size is checked on the open file. */
export function readManifest(file: string, options: ScanOptions = {}): ScannedFile {
  return readTextFile(file, (bytes) => sizeLimitReason(bytes, options));
}

/**
 * Reads `file` as UTF-8 without its byte-order mark, unless `tooLarge` gives a reason not to for its
 * size, which is taken from the open file so a file that grows between a stat and the read is still bounded.
 */
function readTextFile(file: string, tooLarge: (bytes: number) => string | undefined): ScannedFile {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const reason = tooLarge(fstatSync(fd).size);
    if (reason) return { path: file, skipped: reason };
    const text = readFileSync(fd, 'utf8');
    return { path: file, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch (error) {
    return { path: file, skipped: `unreadable: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * IPAM exports are read up to this size. A NetBox or cloud export of a large estate runs to tens of
 * megabytes, beyond any manifest, and its readers are linear; above it the file is reported, unread.
 */
export const MAX_IMPORT_FILE_SIZE_KB = 65536;

/** The files below `root` whose path relative to it matches `pattern`, any extension, without following links. */
export function listImportFiles(root: string, pattern: Glob, exactPath?: string): string[] {
  if (exactPath !== undefined) return isReachedWithoutLinks(exactPath, root) && statSync(exactPath, { throwIfNoEntry: false })?.isFile() ? [exactPath] : [];
  const out: string[] = [];
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) return out;
  walkSorted(root, (full, entry) => {
    if (entry.isDirectory()) return !SKIPPED_FOLDERS.has(entry.name);
    if (entry.isFile() && matchesGlob(pattern, relativePath(root, full))) out.push(full);
    return false;
  });
  return out;
}

/** Reads one IPAM export, unless it is larger than `MAX_IMPORT_FILE_SIZE_KB`; the size is checked on the open file. */
export function readImportFile(file: string): ScannedFile {
  return readTextFile(file, (bytes) => (bytes > MAX_IMPORT_FILE_SIZE_KB * 1024 ? `file is ${Math.ceil(bytes / 1024)} KB, above the ${MAX_IMPORT_FILE_SIZE_KB} KB limit for IPAM exports` : undefined));
}
