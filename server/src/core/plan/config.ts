// `.cidr-lens.yaml` and the `cidrLens.*` settings that mirror it (SPEC §2). A config file with mistakes
// gets its own findings (rule `invalid-config`), placed on the offending value, and the rest of the file
// still applies.

import { type Finding, type Severity, type Span, RULE_IDS } from '../model';
import { isParseError } from '../net/addr';
import { IpRange, parsePrefix, prefixToRange, formatPrefix, masked, hasHostBits } from '../net/prefix';
import { parseManifests } from '../manifest/parse';
import { scalarSource } from '../manifest/scalar';
import { fileSource, spanOf } from '../manifest/sourceText';
import { Node, getKey, mapEntries, scalarString, isScalarNode } from '../manifest/yamlNode';
import type { Glob } from '../text/glob';
import { dirName, resolvePath } from '../text/paths';
import type { ImportedNetwork } from '../ipam/types';
import { AllocateFromEntry, ImportFile, ImportRequest, allocateFromSettings, importRequestsFromSettings, isImportEntry, parseAllocateFrom, parseImportEntry } from './importEntries';
import { ConfigPath, EXPECTED_COUNT_RULE, MAX_NAME_LENGTH, expectedCount, globList, listValue, mapValue, nameValue, quoted, scalarValue, settingsGlobs, settingsList, settingsObject } from './configValues';

export const CONFIG_FILE_NAME = '.cidr-lens.yaml';

export type RuleSetting = Severity | 'off';

/** A range the cluster's own ranges must not collide with (a VPC, an office LAN, the node network). */
export interface NamedNetwork {
  readonly range: IpRange;
  readonly text: string;
  readonly name: string;
  /** Where it is written: in a config file, or on its row of an IPAM export. */
  readonly location?: { readonly uri: string; readonly span: Span };
  /** What the IPAM export says about it, when it was imported (`{ from: … }`). */
  readonly imported?: ImportedNetwork;
}

export interface Expectations {
  readonly nodes?: number;
  readonly podsPerNode?: number;
  readonly services?: number;
}

/** The configuration in effect for one cluster scope. */
export interface ClusterConfig {
  readonly cluster?: string;
  readonly scope: 'cluster' | 'file';
  readonly expect: Expectations;
  readonly externalNetworks: readonly NamedNetwork[];
  /** The `externalNetworks` entries that name IPAM exports; `plan/imports.ts` reads their networks into `externalNetworks`. */
  readonly imports: readonly ImportRequest[];
  /** Where new ranges should come from (`allocateFrom`); empty: anywhere free. */
  readonly allocateFrom: readonly AllocateFromEntry[];
  readonly nodeNetworks: readonly NamedNetwork[];
  /** Roots of connected clusters, resolved against the config file's folder. */
  readonly connectedClusters: readonly string[];
  readonly rules: Readonly<Partial<Record<string, RuleSetting>>>;
  /** Compiled `ignore` globs, matched against paths relative to the config file's folder. */
  readonly ignore: readonly Glob[];
}

export const EMPTY_CONFIG: ClusterConfig = {
  scope: 'cluster',
  expect: {},
  externalNetworks: [],
  imports: [],
  allocateFrom: [],
  nodeNetworks: [],
  connectedClusters: [],
  rules: {},
  ignore: [],
};

export interface ConfigFile {
  readonly uri: string;
  readonly text: string;
  readonly config: ClusterConfig;
  readonly findings: readonly Finding[];
  /** The IPAM export files its `from` entries read, once resolved (plan/imports.ts). */
  readonly imports?: readonly ImportFile[];
  /** The paths the file names (`connectedClusters`), for the checks that need the workspace's folders. */
  readonly paths: readonly ConfigPath[];
  /** Where the `ignore` list is written, for a finding when matching it runs out of budget. */
  readonly ignoreLocation?: { readonly uri: string; readonly span: Span };
}

const KNOWN_KEYS = ['cluster', 'scope', 'expect', 'externalNetworks', 'allocateFrom', 'nodeNetworks', 'connectedClusters', 'rules', 'ignore'];
const RULE_SETTINGS: readonly string[] = ['error', 'warning', 'info', 'off'];

export function parseConfigFile(uri: string, text: string): ConfigFile {
  const parsed = parseManifests(fileSource(text));
  const doc = parsed.documents[0];
  // Node ranges index the text the document was parsed from, which a recovery may have re-indented.
  const source = doc?.source ?? fileSource(text);
  const findings: Finding[] = [];
  // A collection's range runs to the next line; a finding covers only its characters.
  const spanOfNode = (node: Node | undefined): Span => (node?.range ? spanOf(source, node.range[0], trimTrailingSpace(source.text, node.range[0], node.range[1])) : { start: 0, end: 0 });
  const problem = (node: Node | undefined, message: string, severity: Severity = 'error') => {
    findings.push({ rule: 'invalid-config', severity, message, uri, span: spanOfNode(node), related: [], fixes: [] });
  };
  if (!doc || doc.errors.length > 0) {
    if (doc) problem(undefined, `${CONFIG_FILE_NAME} is not valid YAML: ${doc.errors[0]}`);
    return { uri, text, config: EMPTY_CONFIG, findings, paths: [] };
  }
  const root = mapValue((doc.contents ?? undefined) as Node | undefined, CONFIG_FILE_NAME, problem);
  if (root === undefined) return { uri, text, config: EMPTY_CONFIG, findings, paths: [] };
  const yaml = doc.yaml;
  for (const [key, , keyNode] of mapEntries(root, yaml)) {
    if (!KNOWN_KEYS.includes(key)) problem(keyNode, `unknown key ${quoted(key)} (expected one of ${KNOWN_KEYS.join(', ')})`, 'warning');
  }
  const get = (key: string, node: Node | undefined = root) => getKey(node, key, yaml);
  const dir = dirName(uri);

  const cluster = nameValue(get('cluster'), 'cluster', problem);

  const scopeNode = get('scope');
  const scopeText = scalarValue(scopeNode, 'scope', problem);
  if (scopeText !== undefined && scopeText !== 'cluster' && scopeText !== 'file') problem(scopeNode, `scope must be "cluster" or "file", not ${quoted(scopeText)}`);

  const expect: { nodes?: number; podsPerNode?: number; services?: number } = {};
  const expectNode = mapValue(get('expect'), 'expect', problem);
  for (const [key, valueNode, keyNode] of mapEntries(expectNode, yaml)) {
    if (key !== 'nodes' && key !== 'podsPerNode' && key !== 'services') {
      problem(keyNode, `unknown key ${quoted(`expect.${key}`)} (expected nodes, podsPerNode, services)`, 'warning');
      continue;
    }
    const n = expectedCount(scalarString(valueNode));
    if (n === undefined) problem(valueNode ?? keyNode, `expect.${key} must be ${EXPECTED_COUNT_RULE}`);
    else expect[key] = n;
  }

  const imports: ImportRequest[] = [];
  const networks = (key: string): NamedNetwork[] => {
    const out: NamedNetwork[] = [];
    for (const item of listValue(get(key), key, yaml, problem)) {
      if (key === 'externalNetworks' && isImportEntry(item, yaml)) {
        const request = parseImportEntry(item, yaml, source, uri, dir, problem);
        if (request) imports.push(request);
        continue;
      }
      const cidrNode = isScalarNode(item) ? item : get('cidr', item);
      const name = nameValue(get('name', item), `${key} name`, problem) ?? key.replace('Networks', ' network');
      const decoded = isScalarNode(cidrNode) ? scalarSource(source, cidrNode) : undefined;
      if (!decoded || !cidrNode?.range) {
        problem(item, `each ${key} entry needs a cidr`);
        continue;
      }
      const result = parsePrefix(decoded.text);
      if (isParseError(result)) {
        problem(cidrNode, `"${decoded.text}" is not a valid CIDR: ${result.error}`);
        continue;
      }
      if (hasHostBits(result.prefix)) problem(cidrNode, `"${decoded.text}" has host bits set; did you mean ${formatPrefix(masked(result.prefix))}?`, 'warning');
      const span = spanOf(decoded, 0, decoded.text.length);
      out.push({ range: prefixToRange(result.prefix), text: decoded.text, name, location: { uri, span } });
    }
    return out;
  };

  const paths: ConfigPath[] = [];
  for (const item of listValue(get('connectedClusters'), 'connectedClusters', yaml, problem)) {
    const decoded = isScalarNode(item) ? scalarSource(source, item) : undefined;
    if (!decoded || scalarString(item) === undefined) {
      problem(item, 'each connectedClusters entry must be the path of another cluster root');
      continue;
    }
    const span = spanOf(decoded, 0, decoded.text.length);
    paths.push({ key: 'connectedClusters', text: decoded.text, resolved: resolvePath(dir, decoded.text), location: { uri, span } });
  }
  const connectedClusters = paths.map((p) => p.resolved);

  const rules: Record<string, RuleSetting> = {};
  for (const [key, valueNode, keyNode] of mapEntries(mapValue(get('rules'), 'rules', problem), yaml)) {
    const value = scalarString(valueNode);
    if (!(RULE_IDS as readonly string[]).includes(key)) {
      problem(keyNode, `unknown rule ${quoted(key)}`, 'warning');
      continue;
    }
    if (value === undefined || !RULE_SETTINGS.includes(value)) {
      problem(valueNode ?? keyNode, `rule setting must be error, warning, info or off`);
      continue;
    }
    rules[key] = value as RuleSetting;
  }

  const ignoreNode = get('ignore');
  const ignore = globList(listValue(ignoreNode, 'ignore', yaml, problem), 'ignore', problem);

  const config: ClusterConfig = {
    ...(cluster !== undefined ? { cluster } : {}),
    scope: scopeText === 'file' ? 'file' : 'cluster',
    expect,
    externalNetworks: networks('externalNetworks'),
    imports,
    allocateFrom: parseAllocateFrom(get('allocateFrom'), yaml, source, uri, problem),
    nodeNetworks: networks('nodeNetworks'),
    connectedClusters,
    rules,
    ignore,
  };
  return { uri, text, config, findings, paths, ...(ignoreNode ? { ignoreLocation: { uri, span: spanOfNode(ignoreNode) } } : {}) };
}

function trimTrailingSpace(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}

/** Workspace-wide settings (`cidrLens.*`), the same keys as a config file, as plain JSON. */
export interface SettingsInput {
  readonly expect?: { nodes?: unknown; podsPerNode?: unknown; services?: unknown };
  readonly externalNetworks?: readonly unknown[];
  readonly allocateFrom?: readonly unknown[];
  readonly nodeNetworks?: readonly unknown[];
  readonly rules?: Readonly<Record<string, unknown>>;
  readonly ignore?: readonly unknown[];
}

/** Settings as a config; entries that are not valid are dropped (see `readSettings` for why). */
export function configFromSettings(settings: SettingsInput | undefined): ClusterConfig {
  return readSettings(settings).config;
}

/**
 * Settings as a config, and a sentence for each value that was dropped. Workspace settings come from
 * the repository (`.vscode/settings.json`), so any value may be of any type or size.
 */
export function readSettings(settings: SettingsInput | undefined): { config: ClusterConfig; problems: string[] } {
  const problems: string[] = [];
  if (settings === undefined) return { config: EMPTY_CONFIG, problems };
  const all = settingsObject(settings, '', problems);
  const expectSetting = settingsObject(all.expect, 'expect', problems);
  const expect: { nodes?: number; podsPerNode?: number; services?: number } = {};
  for (const key of ['nodes', 'podsPerNode', 'services'] as const) {
    const value = expectSetting[key];
    const n = typeof value === 'number' ? expectedCount(String(value)) : undefined;
    if (n !== undefined) expect[key] = n;
    else if (value !== undefined) problems.push(`setting cidrLens.expect.${key} must be ${EXPECTED_COUNT_RULE}; it is ignored`);
  }
  const externalEntries = settingsList(all.externalNetworks, 'externalNetworks', problems);
  const networks = (entries: readonly unknown[], key: string, fallbackName: string): NamedNetwork[] =>
    entries.flatMap((entry) => {
      const cidr = typeof entry === 'string' ? entry : typeof entry === 'object' && entry !== null ? (entry as { cidr?: unknown }).cidr : undefined;
      const written = typeof entry === 'object' && entry !== null ? (entry as { name?: unknown }).name : undefined;
      const name = typeof written === 'string' && written.length <= MAX_NAME_LENGTH ? written : fallbackName;
      if (typeof written === 'string' && written.length > MAX_NAME_LENGTH) problems.push(`setting cidrLens.${key} holds a name longer than ${MAX_NAME_LENGTH} characters; the default is used`);
      const parsed = typeof cidr === 'string' ? parsePrefix(cidr) : undefined;
      if (typeof cidr === 'string' && parsed && !isParseError(parsed)) return [{ range: prefixToRange(parsed.prefix), text: cidr, name }];
      problems.push(`setting cidrLens.${key} holds an entry without a valid cidr; it is ignored`);
      return [];
    });
  const rules: Record<string, RuleSetting> = {};
  for (const [key, value] of Object.entries(settingsObject(all.rules, 'rules', problems))) {
    if ((RULE_IDS as readonly string[]).includes(key) && typeof value === 'string' && RULE_SETTINGS.includes(value)) rules[key] = value as RuleSetting;
    else problems.push(`setting cidrLens.rules: ${quoted(key)} must be a known rule set to error, warning, info or off; it is ignored`);
  }
  const config: ClusterConfig = {
    scope: 'cluster',
    expect,
    externalNetworks: networks(externalEntries.filter((entry) => !isImportSetting(entry)), 'externalNetworks', 'external network'),
    imports: importRequestsFromSettings(externalEntries),
    allocateFrom: allocateFromSettings(settingsList(all.allocateFrom, 'allocateFrom', problems)),
    nodeNetworks: networks(settingsList(all.nodeNetworks, 'nodeNetworks', problems), 'nodeNetworks', 'node network'),
    connectedClusters: [],
    rules,
    ignore: settingsGlobs(all.ignore, 'ignore', problems),
  };
  return { config, problems };
}

/** A settings entry of `externalNetworks` that names an IPAM export (`{ from: … }`) instead of a CIDR. */
function isImportSetting(entry: unknown): boolean {
  return typeof entry === 'object' && entry !== null && 'from' in entry;
}

/** A config file's values win over the workspace settings inside its scope. */
export function mergeConfig(base: ClusterConfig, file: ClusterConfig | undefined): ClusterConfig {
  if (!file) return base;
  // Literal and imported external networks are one list: a config file that states either replaces both.
  const external = file.externalNetworks.length > 0 || file.imports.length > 0 ? file : base;
  return {
    ...(file.cluster !== undefined ? { cluster: file.cluster } : base.cluster !== undefined ? { cluster: base.cluster } : {}),
    scope: file.scope,
    expect: { ...base.expect, ...file.expect },
    externalNetworks: external.externalNetworks,
    imports: external.imports,
    allocateFrom: file.allocateFrom.length > 0 ? file.allocateFrom : base.allocateFrom,
    nodeNetworks: file.nodeNetworks.length > 0 ? file.nodeNetworks : base.nodeNetworks,
    connectedClusters: file.connectedClusters,
    rules: { ...base.rules, ...file.rules },
    ignore: file.ignore,
  };
}
