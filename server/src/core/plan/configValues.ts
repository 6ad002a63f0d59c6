// Every value of `.cidr-lens.yaml` and of the `cidrLens.*` settings is written by the workspace, so it
// is checked before use: its type, its size, and (for globs and paths) what it may reach. Each check
// here is small and reports one problem on the value it is about; the caller drops that value and
// keeps the rest of the config.

import { isMap, isScalar, isSeq } from 'yaml';
import type { Document } from 'yaml';
import type { Severity, Span } from '../model';
import { Node, seqItems, scalarString } from '../manifest/yamlNode';
import { Glob, compileGlob, isGlobError } from '../text/glob';
import { isInside } from '../text/paths';

/** The most entries of one list that are read; the finding on a longer list says the rest are dropped. */
export const MAX_LIST_ENTRIES = 10_000;
/** The largest `expect` figure: far above any cluster (Kubernetes supports 5,000 nodes), small enough for exact arithmetic. */
export const MAX_EXPECTED = 1_000_000_000;
/** The most characters of globs one list may hold: about 300,000 automaton states, a few MB. */
export const MAX_GLOB_CHARACTERS_PER_LIST = 100_000;
const GLOB_CHARACTERS_MESSAGE = `holds more than ${MAX_GLOB_CHARACTERS_PER_LIST.toLocaleString('en-US')} characters of globs`;
/** How much of a user's value a message quotes. */
const QUOTE_LENGTH = 60;

/** Reports a problem on a value of the config file (its node), as an `invalid-config` finding. */
export type ReportProblem = (node: Node | undefined, message: string, severity?: Severity) => void;

/** A value that is absent, or written as `key:` with nothing (YAML null): the key's default applies. */
function isAbsent(node: Node | undefined): boolean {
  return node === undefined || (isScalar(node) && (node.value === null || node.value === undefined));
}

/** A user's text for a message: quoted, and cut short when long. */
export function quoted(text: string): string {
  return JSON.stringify(text.length > QUOTE_LENGTH ? `${text.slice(0, QUOTE_LENGTH)}…` : text);
}

/** The items of a list-valued key; none, with a problem, when the value is not a list; at most MAX_LIST_ENTRIES. */
export function listValue(node: Node | undefined, key: string, yaml: Document.Parsed, report: ReportProblem): Node[] {
  if (isAbsent(node)) return [];
  if (!isSeq(node)) {
    report(node, `${key} must be a list`);
    return [];
  }
  const items = seqItems(node, yaml);
  if (items.length <= MAX_LIST_ENTRIES) return items;
  report(node, `${key} has ${items.length.toLocaleString('en-US')} entries; only the first ${MAX_LIST_ENTRIES.toLocaleString('en-US')} are read`);
  return items.slice(0, MAX_LIST_ENTRIES);
}

/** A map-valued key's node, or undefined (with a problem when it is something else than a map). */
export function mapValue(node: Node | undefined, key: string, report: ReportProblem): Node | undefined {
  if (isAbsent(node)) return undefined;
  if (isMap(node)) return node;
  report(node, `${key} must be a map of keys to values`);
  return undefined;
}

/** A scalar key's text, or undefined (with a problem when it is a list or a map). */
export function scalarValue(node: Node | undefined, key: string, report: ReportProblem): string | undefined {
  if (isAbsent(node)) return undefined;
  const text = scalarString(node);
  if (text === undefined) report(node, `${key} must be a single value, not a list or a map`);
  return text;
}

/** The longest name a cluster or network may have: names go into messages, once per finding. */
export const MAX_NAME_LENGTH = 256;

/** A display name: a single value of at most MAX_NAME_LENGTH characters, or undefined with a problem. */
export function nameValue(node: Node | undefined, key: string, report: ReportProblem): string | undefined {
  const text = scalarValue(node, key, report);
  if (text === undefined || text.length <= MAX_NAME_LENGTH) return text;
  report(node, `${key} is ${text.length.toLocaleString('en-US')} characters long; a name has at most ${MAX_NAME_LENGTH}, so the default is used`);
  return undefined;
}

/** An `expect` figure: a whole number from 0 to MAX_EXPECTED. */
export function expectedCount(text: string | undefined): number | undefined {
  const n = Number(text);
  return text !== undefined && text.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= MAX_EXPECTED ? n : undefined;
}

export const EXPECTED_COUNT_RULE = `a whole number from 0 to ${MAX_EXPECTED.toLocaleString('en-US')}`;

/** The compiled globs of a list; each entry that is not a string or not a valid glob is reported and left out. */
export function globList(items: readonly Node[], key: string, report: ReportProblem): Glob[] {
  const globs: Glob[] = [];
  let characters = 0;
  for (const item of items) {
    const text = scalarString(item);
    if (text === undefined) {
      report(item, `each ${key} entry must be a glob (a string)`);
      continue;
    }
    characters += text.length;
    if (characters > MAX_GLOB_CHARACTERS_PER_LIST) {
      report(item, `${key} ${GLOB_CHARACTERS_MESSAGE}; this entry and the ones after it are ignored`);
      break;
    }
    const glob = compileGlob(text);
    if (isGlobError(glob)) report(item, `${quoted(text)} is not a valid glob: ${glob.error}; it is ignored`);
    else globs.push(glob);
  }
  return globs;
}

/** A path written in a config file, where it is written, and what it names once resolved. */
export interface ConfigPath {
  readonly key: string;
  readonly text: string;
  /** Resolved against the config file's folder. */
  readonly resolved: string;
  readonly location: { readonly uri: string; readonly span: Span };
}

/**
 * Whether a configured path stays inside the workspace: inside one of its folders, or, when there
 * are none (single files opened in an editor), inside the config file's own folder.
 */
export function staysInWorkspace(resolved: string, folders: readonly string[], configFolder: string): boolean {
  const roots = folders.length > 0 ? folders : [configFolder];
  return roots.some((root) => isInside(resolved, root));
}

// Settings: plain JSON from the editor, as untrusted as the config file. Problems are sentences the
// language server logs once, when the settings change.

/** A list setting's entries; none, with a problem, when it is not a list; at most MAX_LIST_ENTRIES. */
export function settingsList(value: unknown, key: string, problems: string[]): readonly unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push(`setting cidrLens.${key} must be a list; it is ignored`);
    return [];
  }
  if (value.length <= MAX_LIST_ENTRIES) return value;
  problems.push(`setting cidrLens.${key} has ${value.length.toLocaleString('en-US')} entries; only the first ${MAX_LIST_ENTRIES.toLocaleString('en-US')} are read`);
  return value.slice(0, MAX_LIST_ENTRIES);
}

/** The compiled globs of a list setting; entries that are not valid globs are reported and left out. */
export function settingsGlobs(value: unknown, key: string, problems: string[]): Glob[] {
  const globs: Glob[] = [];
  let characters = 0;
  for (const entry of settingsList(value, key, problems)) {
    if (typeof entry !== 'string') {
      problems.push(`setting cidrLens.${key} holds ${JSON.stringify(entry)?.slice(0, QUOTE_LENGTH) ?? String(entry)}, which is not a glob; it is ignored`);
      continue;
    }
    characters += entry.length;
    if (characters > MAX_GLOB_CHARACTERS_PER_LIST) {
      problems.push(`setting cidrLens.${key} ${GLOB_CHARACTERS_MESSAGE}; the entries from ${quoted(entry)} on are ignored`);
      break;
    }
    const glob = compileGlob(entry);
    if (isGlobError(glob)) problems.push(`setting cidrLens.${key}: ${quoted(entry)} is not a valid glob: ${glob.error}; it is ignored`);
    else globs.push(glob);
  }
  return globs;
}

/** A settings object, or an empty one (with a problem) for anything else an editor might send. */
export function settingsObject(value: unknown, key: string, problems: string[]): Readonly<Record<string, unknown>> {
  if (value === undefined || value === null) return {};
  if (typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  problems.push(`setting cidrLens${key === '' ? '' : `.${key}`} must be an object; it is ignored`);
  return {};
}
