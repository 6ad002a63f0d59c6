// Resolving `externalNetworks: [{ from: … }]`: which export files an entry names, reading them with
// the IPAM readers, and turning their networks into the config's external networks (each located on
// its row of the export) and `allocateFrom` spaces. Problems become `invalid-config` findings: one on
// the `from` value saying what went wrong, and one on each row that could not be read.
//
// Front ends read the files (`importTargets` says which) and hand them in as `ImportFile`s; the same
// objects for the same content, like manifests, so resolution and reading are cached by identity.

import type { Finding, Severity, Span } from '../model';
import { ImportReading, ImportedNetwork, readIpamExport } from '../ipam';
import { Glob, compileGlob, isGlobError, matchesGlob } from '../text/glob';
import { lineIndexOf, positionAt } from '../text/lineIndex';
import { baseNameOf, dirName, isInside, relativeTo, resolvePath } from '../text/paths';
import type { ClusterConfig, ConfigFile, NamedNetwork, SettingsInput } from './config';
import { AllocateFromEntry, ImportFile, ImportRequest, importRequestsFromSettings, passesFilter } from './importEntries';

/** Where a front end should look for the files of one `from` entry. */
export interface ImportTarget {
  /** The folder the entry may read from: files outside it are never read. */
  readonly root: string;
  /** Matches paths relative to `root`. */
  readonly pattern: Glob;
  /** The exact file, when `from` has no glob characters. */
  readonly path?: string;
}

const GLOB_CHARACTERS = /[*?[\]{}]/;

/**
 * The target of a request: `from` resolved against its base (the config's folder, else the
 * workspace folder), bounded by the innermost workspace folder holding the base (or the base itself).
 * Undefined when `from` leads outside that bound, or is no glob (its entry then matches no file).
 */
export function importTarget(request: ImportRequest, folders: readonly string[], folder?: string): ImportTarget | undefined {
  const base = request.base ?? folder;
  if (base === undefined) return undefined;
  const root = [...folders].filter((f) => isInside(base, f)).sort((a, b) => b.length - a.length)[0] ?? base;
  const resolved = resolvePath(base, request.from);
  if (!isInside(resolved, root) || resolved === root) return undefined;
  const relative = relativeTo(resolved, root);
  const pattern = compileGlob('/' + relative);
  if (isGlobError(pattern)) return undefined;
  return { root, pattern, ...(GLOB_CHARACTERS.test(relative) ? {} : { path: resolved }) };
}

/** Every target of the configs and settings, for the front ends to read. */
export function importTargets(configs: readonly ConfigFile[], folders: readonly string[], settings?: SettingsInput): ImportTarget[] {
  const targets: ImportTarget[] = [];
  for (const config of configs) for (const request of config.config.imports) push(targets, importTarget(request, folders));
  for (const request of importRequestsFromSettings(settings?.externalNetworks)) for (const folder of folders) push(targets, importTarget(request, folders, folder));
  return targets;
}

function push(targets: ImportTarget[], target: ImportTarget | undefined): void {
  if (target) targets.push(target);
}

export function matchesTarget(uri: string, target: ImportTarget): boolean {
  return isInside(uri, target.root) && matchesGlob(target.pattern, relativeTo(uri, target.root));
}

const readings = new WeakMap<ImportFile, Map<string, ImportReading>>();

/** The reading of a file in a format (or the detected one), once per file object. */
function readingOf(file: ImportFile & { text: string }, request: ImportRequest): ImportReading {
  let byFormat = readings.get(file);
  if (!byFormat) readings.set(file, (byFormat = new Map()));
  const key = request.format ?? 'detect';
  let reading = byFormat.get(key);
  if (!reading) byFormat.set(key, (reading = readIpamExport(file.text, request.format)));
  return reading;
}

interface Resolution {
  readonly externalNetworks: NamedNetwork[];
  readonly allocateFrom: AllocateFromEntry[];
  readonly findings: Finding[];
}

/**
 * The config with its imports read: imported networks appended to `externalNetworks` (all but
 * containers and the spaces `allocateFrom` names, which are where the cluster's ranges belong), and
 * `allocateFrom` names replaced by the ranges they name.
 */
function resolve(config: ClusterConfig, files: readonly ImportFile[], folders: readonly string[], settingsFolders: readonly string[], clusterName?: string): Resolution {
  const findings: Finding[] = [];
  const imported: NamedNetwork[] = [];
  for (const request of config.imports) {
    const bases = request.base !== undefined ? [undefined] : settingsFolders;
    for (const folder of bases) imported.push(...importRequest(request, files, folders, folder, findings).filter((n) => !isOwnRegistration(n, clusterName)));
  }
  const { allocateFrom, spaces } = resolveAllocateFrom(config.allocateFrom, imported, findings);
  const externalNetworks = [...config.externalNetworks, ...imported.filter((n) => !spaces.has(n) && !isContainer(n))];
  return { externalNetworks, allocateFrom, findings };
}

function importRequest(request: ImportRequest, files: readonly ImportFile[], folders: readonly string[], folder: string | undefined, findings: Finding[]): NamedNetwork[] {
  const report = (severity: Severity, message: string) => {
    if (request.location) findings.push(configFinding(request.location.uri, request.location.span, severity, message));
  };
  const target = importTarget(request, folders, folder);
  if (!target) {
    report('error', `"${request.from}" lies outside the workspace folder; CIDR Lens reads no file outside it`);
    return [];
  }
  const matched = files.filter((f) => matchesTarget(f.uri, target)).sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  if (matched.length === 0) {
    report(target.path ? 'error' : 'warning', target.path ? `"${request.from}" does not exist (or is a link, which CIDR Lens does not follow)` : `no file matches "${request.from}"`);
    return [];
  }
  const networks: NamedNetwork[] = [];
  for (const file of matched) {
    if (file.text === undefined) {
      report('error', `${relativeTo(file.uri, target.root)} was not read: ${file.skipped ?? 'unreadable'}`);
      continue;
    }
    const reading = readingOf(file as ImportFile & { text: string }, request);
    for (const problem of reading.problems) findings.push(configFinding(file.uri, problem.span, 'warning', `${reading.format}: ${problem.message}`));
    const kept = reading.networks.filter((n) => passesFilter(n, request.filter));
    if (reading.problems.length > 0) report(kept.length === 0 ? 'error' : 'warning', problemSummary(file, reading, kept.length, target.root));
    else if (reading.networks.length === 0) report('error', `${relativeTo(file.uri, target.root)} (${reading.format}) lists no network`);
    for (const network of kept) networks.push(namedNetwork(file.uri, network));
  }
  return networks;
}

function problemSummary(file: ImportFile & { text?: string }, reading: ImportReading, kept: number, root: string): string {
  const first = reading.problems[0];
  const line = positionAt(lineIndexOf(file.text ?? ''), first.span.start).line + 1;
  const count = reading.problems.length;
  return `${relativeTo(file.uri, root)} (${reading.format}): ${count} ${count === 1 ? 'row' : 'rows'} could not be read, ${kept} ${kept === 1 ? 'network' : 'networks'} imported; line ${line}: ${first.message}`;
}

function namedNetwork(uri: string, network: ImportedNetwork): NamedNetwork {
  return { range: network.range, text: network.text, name: network.name, location: { uri, span: network.span }, imported: network };
}

/**
 * A prefix `cidr-lens plan --format netbox-csv` wrote for this very cluster (`<cluster>: Kubernetes
 * pods (…)`) and the IPAM exported back is the cluster's own registration, not a collision.
 */
function isOwnRegistration(network: NamedNetwork, clusterName: string | undefined): boolean {
  return clusterName !== undefined && network.name.startsWith(`${clusterName}: `);
}

/** A NetBox container or an Infoblox network container holds allocations; it is not one. */
function isContainer(network: NamedNetwork): boolean {
  return network.imported?.status?.toLowerCase() === 'container' || network.imported?.kind.endsWith('container') === true;
}

/** `allocateFrom` names resolved against the imported networks (by name or role, case-insensitive). */
function resolveAllocateFrom(entries: readonly AllocateFromEntry[], imported: readonly NamedNetwork[], findings: Finding[]): { allocateFrom: AllocateFromEntry[]; spaces: Set<NamedNetwork> } {
  const spaces = new Set<NamedNetwork>();
  const allocateFrom: AllocateFromEntry[] = [];
  for (const entry of entries) {
    if (entry.range) {
      allocateFrom.push(entry);
      continue;
    }
    const wanted = entry.text.toLowerCase();
    const named = imported.filter((n) => n.name.toLowerCase() === wanted || n.imported?.role?.toLowerCase() === wanted);
    if (named.length === 0 && entry.location) findings.push(configFinding(entry.location.uri, entry.location.span, 'error', `allocateFrom "${entry.text}" is neither a CIDR nor the name or role of an imported network`));
    for (const network of named) {
      spaces.add(network);
      allocateFrom.push({ text: entry.text, range: network.range, ...(network.location ? { location: network.location } : {}) });
    }
  }
  return { allocateFrom, spaces };
}

function configFinding(uri: string, span: Span, severity: Severity, message: string): Finding {
  return { rule: 'invalid-config', severity, message, uri, span, related: [], fixes: [] };
}

const resolvedConfigs = new WeakMap<ConfigFile, { files: readonly ImportFile[]; folders: readonly string[]; result: ConfigFile }>();

/** A config file with its imports resolved; the same object while its matched files and the folders stay the same. */
export function configWithImports(configFile: ConfigFile, files: readonly ImportFile[], folders: readonly string[]): ConfigFile {
  if (configFile.config.imports.length === 0 && configFile.config.allocateFrom.every((e) => e.range)) return configFile;
  const matched = matchedFiles(configFile.config, files, folders, []);
  const cached = resolvedConfigs.get(configFile);
  if (cached && sameItems(cached.files, matched) && sameItems(cached.folders, folders)) return cached.result;
  const clusterName = configFile.config.cluster ?? baseNameOf(dirName(configFile.uri));
  const { externalNetworks, allocateFrom, findings } = resolve(configFile.config, matched, folders, [], clusterName);
  const result: ConfigFile = { ...configFile, config: { ...configFile.config, externalNetworks, allocateFrom }, findings: [...configFile.findings, ...findings], imports: matched };
  resolvedConfigs.set(configFile, { files: matched, folders, result });
  return result;
}

const resolvedSettings = new WeakMap<ClusterConfig, { files: readonly ImportFile[]; folders: readonly string[]; result: { config: ClusterConfig; findings: readonly Finding[] } }>();

/** The settings' config with its imports resolved, relative to each workspace folder; cached like `configWithImports`. */
export function settingsWithImports(config: ClusterConfig, files: readonly ImportFile[], folders: readonly string[]): { config: ClusterConfig; findings: readonly Finding[] } {
  if (config.imports.length === 0 && config.allocateFrom.every((e) => e.range)) return { config, findings: [] };
  const matched = matchedFiles(config, files, folders, folders);
  const cached = resolvedSettings.get(config);
  if (cached && sameItems(cached.files, matched) && sameItems(cached.folders, folders)) return cached.result;
  const { externalNetworks, allocateFrom, findings } = resolve(config, matched, folders, folders);
  const result = { config: { ...config, externalNetworks, allocateFrom }, findings };
  resolvedSettings.set(config, { files: matched, folders, result });
  return result;
}

/** The files any import of the config names, in input order. */
function matchedFiles(config: ClusterConfig, files: readonly ImportFile[], folders: readonly string[], settingsFolders: readonly string[]): ImportFile[] {
  const targets: ImportTarget[] = [];
  for (const request of config.imports) {
    for (const folder of request.base !== undefined ? [undefined] : settingsFolders) push(targets, importTarget(request, folders, folder));
  }
  return files.filter((file) => targets.some((t) => matchesTarget(file.uri, t)));
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

