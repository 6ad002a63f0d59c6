// The `cidrLens.*` settings as the server reads them: the analysis settings the core takes, plus the
// scan limits and the editor switches that only matter here.

import type { SettingsInput } from '../core';
import { readSettings } from '../core/plan/config';
import { settingsGlobs, settingsObject } from '../core/plan/configValues';
import { DEFAULT_MAX_FILE_SIZE_KB, MAX_FILE_SIZE_KB, ScanOptions } from '../node/scan';

export interface ServerSettings extends SettingsInput {
  readonly scan?: { readonly exclude?: readonly string[]; readonly maxFileSizeKb?: number };
  readonly inlayHints?: { readonly enable?: boolean };
}

/** The scan options of a settings object, read once: the server asks at every analysis and file event. */
export function scanOptionsOf(settings: ServerSettings): ScanOptions {
  let options = scanOptionsBySettings.get(settings);
  if (!options) scanOptionsBySettings.set(settings, (options = readScanOptions(settings, [])));
  return options;
}

const scanOptionsBySettings = new WeakMap<ServerSettings, ScanOptions>();

/** The scan settings; a limit outside 1..MAX_FILE_SIZE_KB and globs that do not compile are reported and not used. */
function readScanOptions(settings: ServerSettings, problems: string[]): ScanOptions {
  const scan = settingsObject(settings.scan, 'scan', problems);
  const limit = scan.maxFileSizeKb;
  const validLimit = typeof limit === 'number' && Number.isInteger(limit) && limit >= 1 && limit <= MAX_FILE_SIZE_KB;
  if (limit !== undefined && !validLimit) problems.push(`setting cidrLens.scan.maxFileSizeKb must be a whole number from 1 to ${MAX_FILE_SIZE_KB}; the default ${DEFAULT_MAX_FILE_SIZE_KB} applies`);
  return { maxFileSizeKb: validLimit ? limit : DEFAULT_MAX_FILE_SIZE_KB, exclude: settingsGlobs(scan.exclude, 'scan.exclude', problems) };
}

/** Every value of the settings that is dropped, one sentence each; the server logs them when the settings change. */
export function settingsProblems(settings: ServerSettings): string[] {
  const problems = readSettings(settings).problems;
  readScanOptions(settings, problems);
  return problems;
}

/** Settings as the server keeps them: always an object, whatever the client sent. */
export function settingsFrom(value: unknown): ServerSettings {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as ServerSettings) : {};
}

/** Whether two settings read the same files, so that a change between them needs no new scan. */
export function sameScan(a: ServerSettings, b: ServerSettings): boolean {
  return JSON.stringify(a.scan ?? {}) === JSON.stringify(b.scan ?? {});
}

export function inlayHintsEnabled(settings: ServerSettings): boolean {
  return settings.inlayHints?.enable !== false;
}
