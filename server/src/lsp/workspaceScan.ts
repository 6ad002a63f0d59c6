// Reading the workspace from disk: the scan of every folder at start (with `$/progress`), and the
// files and folders the watcher or the editor's file operations report afterwards. Open documents are
// never read from disk: the editor's text wins until the document closes.

import { statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { WorkDoneProgressServerReporter } from 'vscode-languageserver/node';
import { matchesTarget } from '../core';
import { globBudgetExhausted } from '../core/text/glob';
import { ScanOptions, isReachedWithoutLinks, isScannedPath, listImportFiles, listManifests, readImportFile, readManifest } from '../node/scan';
import type { AnalysisLoop } from './analysisLoop';
import { isAtOrBelow, pathOf } from './uris';
import type { WorkspaceState } from './workspaceState';

export interface WorkspaceScan {
  /** Reads every manifest of the workspace folders, superseding a scan in progress; analyses at the end. */
  scanAll(): Promise<void>;
  /**
   * Brings one path up to date with the disk: reads a created or changed file (and forgets it when it
   * is gone or excluded), or every manifest of a created folder.
   */
  refresh(uri: string): void;
  /** Forgets a deleted file, or every file of a deleted folder. */
  forget(uri: string): void;
  /**
   * Reads the IPAM exports the configs and settings name now (`externalNetworks: [{ from: … }]`) and
   * forgets those no longer named. Called after a scan, a config change and a change of an export.
   */
  syncImports(): void;
}

export interface ScanContext {
  readonly state: WorkspaceState;
  readonly loop: AnalysisLoop;
  isOpen(uri: string): boolean;
  scanOptions(): ScanOptions;
  /** A progress reporter when the client shows server-initiated progress. */
  startProgress(): Promise<WorkDoneProgressServerReporter | undefined>;
  log(message: string): void;
}

/** Files read between two yields to the event loop, so edits and cancellations get through a long scan. */
const FILES_PER_SLICE = 100;

export function createWorkspaceScan(ctx: ScanContext): WorkspaceScan {
  let generation = 0;

  /** The path of the innermost workspace folder holding `uri`: the root its exclusion globs are relative to. */
  const rootOf = (uri: string) => {
    const folder = ctx.state.folders.filter((f) => isAtOrBelow(uri, f)).sort((a, b) => b.length - a.length)[0];
    return folder === undefined ? undefined : pathOf(folder);
  };

  const readFile = (uri: string, path: string) => {
    if (ctx.isOpen(uri)) return;
    const read = readManifest(path, ctx.scanOptions());
    if (read.text !== undefined) ctx.state.setText(uri, read.text);
    else if (read.skipped?.startsWith('unreadable')) ctx.state.remove(uri);
    else {
      ctx.state.setSkipped(uri, read.skipped ?? 'not read');
      ctx.log(`skipped ${uri}: ${read.skipped}`);
    }
  };

  const forget = (uri: string) => {
    for (const known of ctx.state.uris()) if (isAtOrBelow(known, uri) && !ctx.isOpen(known)) ctx.state.remove(known);
    if (ctx.state.importUris().some((known) => isAtOrBelow(known, uri))) syncImports();
  };

  const syncImports = () => {
    const named = new Set<string>();
    for (const target of ctx.state.importTargets()) {
      const root = pathOf(target.root);
      if (root === undefined) continue;
      const exact = target.path === undefined ? undefined : pathOf(target.path);
      for (const path of listImportFiles(root, target.pattern, exact)) {
        const uri = pathToFileURL(path).href;
        if (named.has(uri)) continue;
        named.add(uri);
        const read = readImportFile(path);
        ctx.state.setImport(uri, read.text !== undefined ? { text: read.text } : { skipped: read.skipped ?? 'unreadable' });
      }
    }
    for (const uri of ctx.state.importUris()) if (!named.has(uri)) ctx.state.removeImport(uri);
  };

  /** Whether a changed file is, or may become, one of the exports: then the exports are read again. */
  const concernsImports = (uri: string) => uri.endsWith('/.cidr-lens.yaml') || ctx.state.importTargets().some((t) => matchesTarget(uri, t));

  /** Every manifest below the workspace folders, as URIs with their paths. */
  const listAll = () => {
    const files: Array<{ uri: string; path: string }> = [];
    for (const folder of ctx.state.folders) {
      const root = pathOf(folder);
      if (!root) continue;
      try {
        for (const path of listManifests(root, ctx.scanOptions())) files.push({ uri: pathToFileURL(path).href, path });
      } catch (error) {
        ctx.log(`cannot scan ${folder}: ${String(error)}`);
      }
    }
    return files;
  };

  return {
    async scanAll() {
      const current = ++generation;
      ctx.loop.hold();
      const progress = await ctx.startProgress();
      try {
        const files = listAll();
        const total = files.length.toLocaleString('en-US');
        progress?.begin('CIDR Lens', 0, `Scanning ${total} manifests`, false);
        for (let i = 0; i < files.length; i++) {
          if (i % FILES_PER_SLICE === 0 && i > 0) {
            await new Promise((resolve) => setImmediate(resolve));
            if (current !== generation) return;
            progress?.report(Math.round((i / files.length) * 100), `${i.toLocaleString('en-US')} of ${total} manifests`);
          }
          readFile(files[i].uri, files[i].path);
        }
        // Files the scan no longer finds (deleted while nobody watched, excluded since) must not linger.
        const listed = new Set(files.map((f) => f.uri));
        for (const uri of ctx.state.uris()) if (!listed.has(uri) && !ctx.isOpen(uri)) ctx.state.remove(uri);
        syncImports();
        ctx.log(`scanned ${total} manifests in ${ctx.state.folders.length} folder(s)`);
        if (globBudgetExhausted(ctx.scanOptions().exclude ?? [])) ctx.log('cidrLens.scan.exclude ran out of matching budget (its globs are built to be slow); the files it did not reach were read');
      } finally {
        progress?.done();
        // A newer scan holds the loop now and releases it when it ends.
        if (current === generation) ctx.loop.release();
      }
    },
    refresh(uri) {
      refreshManifest(uri);
      if (concernsImports(uri)) syncImports();
    },
    forget,
    syncImports,
  };

  /** Brings one manifest or config (or a folder of them) up to date with the disk. */
  function refreshManifest(uri: string): void {
    const path = pathOf(uri);
    const root = rootOf(uri);
    // Nothing outside the workspace folders is looked at, and, as in the scan, no link is followed
    // (one may lead out of the workspace, or loop): such a path counts as gone.
    if (path === undefined || root === undefined || !isReachedWithoutLinks(path, root)) return forget(uri);
    const kind = kindOnDisk(path);
    if (kind === undefined) return forget(uri);
    const options = ctx.scanOptions();
    if (kind === 'folder') {
      for (const file of listManifests(path, options)) if (isScannedPath(root, file, options)) readFile(pathToFileURL(file).href, file);
    } else if (isScannedPath(root, path, options)) {
      readFile(uri, path);
    } else if (!ctx.isOpen(uri)) {
      ctx.state.remove(uri);
    }
  }
}

function kindOnDisk(path: string): 'file' | 'folder' | undefined {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'file';
  } catch {
    return undefined;
  }
}
