// The `externalNetworks` entries that name an IPAM export instead of a CIDR —
// `{ from: ipam/prefixes.csv, format: netbox-csv, filter: { status: active } }` — and `allocateFrom`,
// the space suggestions come from. Parsed here, beside config.ts, so the config file's own parser only
// hands these entries over.

import type { Document } from 'yaml';
import type { Span } from '../model';
import { IPAM_FORMATS, ImportedNetwork, IpamFormat, isIpamFormat } from '../ipam/types';
import { isParseError } from '../net/addr';
import { IpRange, parsePrefix, prefixToRange } from '../net/prefix';
import { scalarSource } from '../manifest/scalar';
import { SourceText, spanOf } from '../manifest/sourceText';
import { Node, getKey, isScalarNode, mapEntries, scalarString, seqItems } from '../manifest/yamlNode';

/** The fields of an imported network a filter can test. */
export const FILTER_FIELDS = ['status', 'vrf', 'tenant', 'role', 'site', 'kind'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

/** Per field, the values a network may have (case-insensitive); values starting with `!` are excluded. */
export type ImportFilter = Readonly<Partial<Record<FilterField, readonly string[]>>>;

/** One `from:` entry: which export files to read, how, and which of their networks to keep. */
export interface ImportRequest {
  /** The path or glob as written. */
  readonly from: string;
  /**
   * The folder `from` is relative to: the config file's folder, or undefined for the `cidrLens.*`
   * settings, whose entries are relative to each workspace folder.
   */
  readonly base: string | undefined;
  readonly format?: IpamFormat;
  readonly filter: ImportFilter;
  /** The `from` value in the config file, where problems with the import are reported. */
  readonly location?: { readonly uri: string; readonly span: Span };
}

/** An export file as a front end read it: its text, or why it was not read (too large, unreadable). */
export interface ImportFile {
  readonly uri: string;
  readonly text?: string;
  readonly skipped?: string;
}

/** An `allocateFrom` entry: a CIDR, or the name or role of an imported network ("Kubernetes pool"). */
export interface AllocateFromEntry {
  readonly text: string;
  /** Set when the entry is a CIDR. */
  readonly range?: IpRange;
  readonly location?: { readonly uri: string; readonly span: Span };
}

export type ProblemReporter = (node: Node | undefined, message: string, severity?: 'error' | 'warning') => void;

export function isImportEntry(item: Node, yaml: Document.Parsed): boolean {
  return getKey(item, 'from', yaml) !== undefined;
}

/** Reads one `{ from, format?, filter? }` entry of a config file; undefined (after a reported problem) when unusable. */
export function parseImportEntry(item: Node, yaml: Document.Parsed, source: SourceText, uri: string, base: string, problem: ProblemReporter): ImportRequest | undefined {
  const fromNode = getKey(item, 'from', yaml);
  const decoded = isScalarNode(fromNode) ? scalarSource(source, fromNode) : undefined;
  if (!decoded || decoded.text.trim() === '') {
    problem(fromNode ?? item, 'externalNetworks "from" must name an export file or glob, e.g. ipam/prefixes.csv');
    return undefined;
  }
  const location = { uri, span: spanOf(decoded, 0, decoded.text.length) };
  for (const [key, , keyNode] of mapEntries(item, yaml)) {
    if (!['from', 'format', 'filter'].includes(key)) problem(keyNode, `unknown key "${key}" in an externalNetworks "from" entry (expected from, format, filter)`, 'warning');
  }
  const formatNode = getKey(item, 'format', yaml);
  const formatText = scalarString(formatNode);
  if (formatNode && (formatText === undefined || !isIpamFormat(formatText))) problem(formatNode, `format must be one of ${IPAM_FORMATS.join(', ')}`);
  const filter: Partial<Record<FilterField, string[]>> = {};
  for (const [key, valueNode, keyNode] of mapEntries(getKey(item, 'filter', yaml), yaml)) {
    if (!(FILTER_FIELDS as readonly string[]).includes(key)) {
      problem(keyNode, `unknown filter "${key}" (expected ${FILTER_FIELDS.join(', ')})`, 'warning');
      continue;
    }
    const values = isScalarNode(valueNode) ? [scalarString(valueNode)] : seqItems(valueNode, yaml).map((n) => scalarString(n));
    filter[key as FilterField] = values.filter((v): v is string => v !== undefined);
  }
  return {
    from: decoded.text.trim(),
    base,
    ...(formatText !== undefined && isIpamFormat(formatText) ? { format: formatText } : {}),
    filter,
    location,
  };
}

/** `allocateFrom: [10.60.0.0/16, Kubernetes pool]`. */
export function parseAllocateFrom(node: Node | undefined, yaml: Document.Parsed, source: SourceText, uri: string, problem: ProblemReporter): AllocateFromEntry[] {
  if (node && !isScalarNode(node) && seqItems(node, yaml).length === 0 && mapEntries(node, yaml).length > 0) {
    problem(node, 'allocateFrom must be a list of CIDRs or IPAM network names');
    return [];
  }
  const items = isScalarNode(node) ? [node] : seqItems(node, yaml);
  const entries: AllocateFromEntry[] = [];
  for (const item of items) {
    const decoded = isScalarNode(item) ? scalarSource(source, item) : undefined;
    if (!decoded || decoded.text.trim() === '') {
      problem(item, 'each allocateFrom entry is a CIDR or the name of an imported network');
      continue;
    }
    entries.push(allocateFromEntry(decoded.text.trim(), { uri, span: spanOf(decoded, 0, decoded.text.length) }));
  }
  return entries;
}

function allocateFromEntry(text: string, location?: AllocateFromEntry['location']): AllocateFromEntry {
  if (!/^[0-9a-fA-F:.]+\/\d+$/.test(text)) return { text, ...(location ? { location } : {}) };
  const parsed = parsePrefix(text);
  return { text, ...(isParseError(parsed) ? {} : { range: prefixToRange(parsed.prefix) }), ...(location ? { location } : {}) };
}

/** The settings' `from` entries (plain JSON); entries that do not fit are dropped, as the settings UI validates them. */
/** The `from` entries of the settings' externalNetworks; settings come from the repository, so `entries` may be anything. */
export function importRequestsFromSettings(entries: unknown): ImportRequest[] {
  const requests: ImportRequest[] = [];
  for (const entry of Array.isArray(entries) ? entries : []) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { from, format, filter } = entry as { from?: unknown; format?: unknown; filter?: unknown };
    if (typeof from !== 'string' || from.trim() === '') continue;
    requests.push({ from: from.trim(), base: undefined, ...(typeof format === 'string' && isIpamFormat(format) ? { format } : {}), filter: filterFromJson(filter) });
  }
  return requests;
}

export function allocateFromSettings(entries: unknown): AllocateFromEntry[] {
  return (Array.isArray(entries) ? entries : []).filter((e): e is string => typeof e === 'string' && e.trim() !== '').map((e) => allocateFromEntry(e.trim()));
}

function filterFromJson(filter: unknown): ImportFilter {
  if (typeof filter !== 'object' || filter === null) return {};
  const out: Partial<Record<FilterField, string[]>> = {};
  for (const field of FILTER_FIELDS) {
    const value = (filter as Record<string, unknown>)[field];
    const values = typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
    if (values.length > 0) out[field] = values;
  }
  return out;
}

/** Whether a network passes every field of the filter: one of the listed values, none of the `!` ones. */
export function passesFilter(network: ImportedNetwork, filter: ImportFilter): boolean {
  for (const field of FILTER_FIELDS) {
    const wanted = filter[field];
    if (!wanted || wanted.length === 0) continue;
    const actual = (network[field] ?? '').toLowerCase();
    const included = wanted.filter((v) => !v.startsWith('!')).map((v) => v.toLowerCase());
    const excluded = wanted.filter((v) => v.startsWith('!')).map((v) => v.slice(1).toLowerCase());
    if (excluded.includes(actual)) return false;
    if (included.length > 0 && !included.includes(actual)) return false;
  }
  return true;
}
