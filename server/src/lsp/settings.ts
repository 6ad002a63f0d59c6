// The `cidrLens.*` settings as the server reads them: the analysis settings the core takes, plus the
// scan limits and the editor switches that only matter here.

import type { SettingsInput } from '../core';
import { globToRegExp } from '../core/text/glob';
import { DEFAULT_MAX_FILE_SIZE_KB, ScanOptions } from '../node/scan';

export interface ServerSettings extends SettingsInput {
  readonly scan?: { readonly exclude?: readonly string[]; readonly maxFileSizeKb?: number };
  readonly inlayHints?: { readonly enable?: boolean };
}

export function scanOptionsOf(settings: ServerSettings): ScanOptions {
  return {
    maxFileSizeKb: typeof settings.scan?.maxFileSizeKb === 'number' ? settings.scan.maxFileSizeKb : DEFAULT_MAX_FILE_SIZE_KB,
    exclude: (settings.scan?.exclude ?? []).filter((g) => typeof g === 'string').map(globToRegExp),
  };
}

/** Whether two settings read the same files, so that a change between them needs no new scan. */
export function sameScan(a: ServerSettings, b: ServerSettings): boolean {
  return JSON.stringify(a.scan ?? {}) === JSON.stringify(b.scan ?? {});
}

export function inlayHintsEnabled(settings: ServerSettings): boolean {
  return settings.inlayHints?.enable !== false;
}
