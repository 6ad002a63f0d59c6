// `.cidr-lens.yaml` and the `cidrLens.*` settings that mirror it (SPEC §2). A config file with mistakes
// gets its own findings (rule `invalid-config`), placed on the offending value, and the rest of the file
// still applies.

import { type Finding, type Severity, type Span, RULE_IDS } from '../model';
import { isParseError } from '../net/addr';
import { IpRange, parsePrefix, prefixToRange, formatPrefix, masked, hasHostBits } from '../net/prefix';
import { parseManifests } from '../manifest/parse';
import { scalarSource } from '../manifest/scalar';
import { fileSource, spanOf } from '../manifest/sourceText';
import { Node, getKey, mapEntries, scalarString, seqItems, isScalarNode } from '../manifest/yamlNode';
import { globToRegExp } from '../text/glob';
import { dirName, resolvePath } from '../text/paths';
import type { ImportedNetwork } from '../ipam/types';
import { AllocateFromEntry, ImportFile, ImportRequest, allocateFromSettings, importRequestsFromSettings, isImportEntry, parseAllocateFrom, parseImportEntry } from './importEntries';

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
  readonly ignore: readonly RegExp[];
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
}

const KNOWN_KEYS = ['cluster', 'scope', 'expect', 'externalNetworks', 'allocateFrom', 'nodeNetworks', 'connectedClusters', 'rules', 'ignore'];
const RULE_SETTINGS: readonly string[] = ['error', 'warning', 'info', 'off'];

export function parseConfigFile(uri: string, text: string): ConfigFile {
  const source = fileSource(text);
  const findings: Finding[] = [];
  const problem = (node: Node | undefined, message: string, severity: Severity = 'error') => {
    // A collection's range runs to the next line; the finding covers only its characters.
    const end = node?.range ? trimTrailingSpace(text, node.range[0], node.range[1]) : 0;
    const span = node?.range ? spanOf(source, node.range[0], end) : { start: 0, end: 0 };
    findings.push({ rule: 'invalid-config', severity, message, uri, span, related: [], fixes: [] });
  };
  const parsed = parseManifests(source);
  const doc = parsed.documents[0];
  if (!doc || doc.errors.length > 0) {
    if (doc) problem(undefined, `${CONFIG_FILE_NAME} is not valid YAML: ${doc.errors[0]}`);
    return { uri, text, config: EMPTY_CONFIG, findings };
  }
  const root = (doc.contents ?? undefined) as Node | undefined;
  if (root === undefined || scalarString(root) === undefined && mapEntries(root, doc.yaml).length === 0) {
    return { uri, text, config: EMPTY_CONFIG, findings };
  }
  const yaml = doc.yaml;
  for (const [key, , keyNode] of mapEntries(root, yaml)) {
    if (!KNOWN_KEYS.includes(key)) problem(keyNode, `unknown key "${key}" (expected one of ${KNOWN_KEYS.join(', ')})`, 'warning');
  }
  const get = (key: string, node: Node | undefined = root) => getKey(node, key, yaml);
  const dir = dirName(uri);

  const clusterNode = get('cluster');
  const cluster = scalarString(clusterNode);

  const scopeNode = get('scope');
  const scopeText = scalarString(scopeNode);
  if (scopeText !== undefined && scopeText !== 'cluster' && scopeText !== 'file') problem(scopeNode, `scope must be "cluster" or "file", not "${scopeText}"`);

  const expect: { nodes?: number; podsPerNode?: number; services?: number } = {};
  const expectNode = get('expect');
  for (const [key, valueNode, keyNode] of mapEntries(expectNode, yaml)) {
    if (key !== 'nodes' && key !== 'podsPerNode' && key !== 'services') {
      problem(keyNode, `unknown key "expect.${key}" (expected nodes, podsPerNode, services)`, 'warning');
      continue;
    }
    const n = Number(scalarString(valueNode));
    if (!Number.isInteger(n) || n < 0) problem(valueNode ?? keyNode, `expect.${key} must be a whole number`);
    else expect[key] = n;
  }

  const imports: ImportRequest[] = [];
  const networks = (key: string): NamedNetwork[] => {
    const out: NamedNetwork[] = [];
    for (const item of seqItems(get(key), yaml)) {
      if (key === 'externalNetworks' && isImportEntry(item, yaml)) {
        const request = parseImportEntry(item, yaml, source, uri, dir, problem);
        if (request) imports.push(request);
        continue;
      }
      const cidrNode = isScalarNode(item) ? item : get('cidr', item);
      const name = scalarString(get('name', item)) ?? key.replace('Networks', ' network');
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

  const connectedClusters = seqItems(get('connectedClusters'), yaml)
    .map((n) => scalarString(n))
    .filter((p): p is string => p !== undefined)
    .map((p) => resolvePath(dir, p));

  const rules: Record<string, RuleSetting> = {};
  for (const [key, valueNode, keyNode] of mapEntries(get('rules'), yaml)) {
    const value = scalarString(valueNode);
    if (!(RULE_IDS as readonly string[]).includes(key)) {
      problem(keyNode, `unknown rule "${key}"`, 'warning');
      continue;
    }
    if (value === undefined || !RULE_SETTINGS.includes(value)) {
      problem(valueNode ?? keyNode, `rule setting must be error, warning, info or off`);
      continue;
    }
    rules[key] = value as RuleSetting;
  }

  const ignore = seqItems(get('ignore'), yaml)
    .map((n) => scalarString(n))
    .filter((p): p is string => p !== undefined)
    .map(globToRegExp);

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
  return { uri, text, config, findings };
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

/** Settings as a config; entries that do not parse are dropped (the settings UI validates them). */
export function configFromSettings(settings: SettingsInput | undefined): ClusterConfig {
  if (!settings) return EMPTY_CONFIG;
  const number = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined);
  const expect: { nodes?: number; podsPerNode?: number; services?: number } = {};
  for (const key of ['nodes', 'podsPerNode', 'services'] as const) {
    const n = number(settings.expect?.[key]);
    if (n !== undefined) expect[key] = n;
  }
  const networks = (entries: readonly unknown[] | undefined, fallbackName: string): NamedNetwork[] =>
    (entries ?? []).flatMap((entry) => {
      const cidr = typeof entry === 'string' ? entry : typeof entry === 'object' && entry !== null ? (entry as { cidr?: unknown }).cidr : undefined;
      const name = typeof entry === 'object' && entry !== null && typeof (entry as { name?: unknown }).name === 'string' ? (entry as { name: string }).name : fallbackName;
      if (typeof cidr !== 'string') return [];
      const parsed = parsePrefix(cidr);
      return isParseError(parsed) ? [] : [{ range: prefixToRange(parsed.prefix), text: cidr, name }];
    });
  const rules: Record<string, RuleSetting> = {};
  for (const [key, value] of Object.entries(settings.rules ?? {})) {
    if ((RULE_IDS as readonly string[]).includes(key) && typeof value === 'string' && RULE_SETTINGS.includes(value)) rules[key] = value as RuleSetting;
  }
  return {
    scope: 'cluster',
    expect,
    externalNetworks: networks(settings.externalNetworks, 'external network'),
    imports: importRequestsFromSettings(settings.externalNetworks),
    allocateFrom: allocateFromSettings(settings.allocateFrom),
    nodeNetworks: networks(settings.nodeNetworks, 'node network'),
    connectedClusters: [],
    rules,
    ignore: (settings.ignore ?? []).filter((p): p is string => typeof p === 'string').map(globToRegExp),
  };
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
