// Wires the core to an LSP connection: workspace scan and file watching, document sync, diagnostics
// for open and closed files, configuration, code actions, hovers and inlay hints.

import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeAction,
  CodeActionKind,
  CodeActionParams,
  Connection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  InitializeParams,
  InitializeResult,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SettingsInput } from '../core';
import { DEFAULT_MAX_FILE_SIZE_KB, isManifestPath, listManifests, readManifest } from '../node/scan';
import { globToRegExp } from '../core/text/glob';
import { FIX_ALL_KIND, TextPositions, findingKey, textPositions, toDiagnostic, toQuickFix, toRange, toWorkspaceEdit } from './convert';
import { createWorkspaceState } from './workspaceState';

/** Edits arrive keystroke by keystroke; analysing after a short pause keeps the server responsive. */
export const ANALYSIS_DEBOUNCE_MS = 60;

export interface ServerSettings extends SettingsInput {
  readonly scan?: { readonly exclude?: readonly string[]; readonly maxFileSizeKb?: number };
  readonly inlayHints?: { readonly enable?: boolean };
}

/** One spelling per file: the URI Node would write for its path, whatever the client sent. */
export function normaliseUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return pathToFileURL(fileURLToPath(uri)).href;
  } catch {
    return uri;
  }
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const state = createWorkspaceState();
  let settings: ServerSettings = {};
  let supportsConfiguration = false;
  let supportsWatchRegistration = false;
  let supportsRelated = false;
  let supportsProgress = false;
  let analysisTimer: NodeJS.Timeout | undefined;
  let scanGeneration = 0;
  const published = new Map<string, string>();
  const positionsCache = new Map<string, TextPositions>();

  const log = (message: string) => connection.console.log(message);
  const logError = (message: string) => connection.console.error(message);

  const positionsOf = (uri: string): TextPositions => {
    const text = state.textOf(uri) ?? '';
    let cached = positionsCache.get(uri);
    if (!cached || cached.text !== text) positionsCache.set(uri, (cached = textPositions(text)));
    return cached;
  };

  const analyzeAndPublish = () => {
    analysisTimer = undefined;
    let result;
    try {
      result = state.analyze();
    } catch (error) {
      logError(`analysis failed: ${error instanceof Error ? error.stack : String(error)}`);
      return;
    }
    for (const message of result.internalErrors) logError(message);
    for (const uri of state.urisToPublish()) {
      const diagnostics = state.findingsOf(uri).map((f) => toDiagnostic(f, positionsOf, supportsRelated));
      const key = JSON.stringify(diagnostics);
      if (published.get(uri) === key) continue;
      if (diagnostics.length === 0) published.delete(uri);
      else published.set(uri, key);
      void connection.sendDiagnostics({ uri, diagnostics });
    }
  };

  const scheduleAnalysis = (delay = ANALYSIS_DEBOUNCE_MS) => {
    if (analysisTimer) clearTimeout(analysisTimer);
    analysisTimer = setTimeout(analyzeAndPublish, delay);
  };

  const scanOptions = () => ({
    maxFileSizeKb: settings.scan?.maxFileSizeKb ?? DEFAULT_MAX_FILE_SIZE_KB,
    exclude: (settings.scan?.exclude ?? []).filter((g) => typeof g === 'string').map(globToRegExp),
  });

  const readFromDisk = async (uri: string) => {
    if (documents.get(uri)) return;
    let path: string;
    try {
      path = fileURLToPath(uri);
    } catch {
      return;
    }
    const read = readManifest(path, scanOptions());
    if (documents.get(uri)) return;
    if (read.text !== undefined) state.setText(uri, read.text);
    else if (read.skipped?.startsWith('unreadable')) state.remove(uri);
    else state.setSkipped(uri, read.skipped ?? 'not read');
  };

  const scanWorkspace = async () => {
    const generation = ++scanGeneration;
    const progress = supportsProgress ? await connection.window.createWorkDoneProgress() : undefined;
    try {
      const paths: string[] = [];
      for (const folder of state.folders) {
        try {
          paths.push(...listManifests(fileURLToPath(folder), scanOptions()));
        } catch (error) {
          logError(`cannot scan ${folder}: ${String(error)}`);
        }
      }
      progress?.begin('CIDR Lens', 0, `Scanning ${paths.length.toLocaleString('en-US')} manifests`, false);
      let done = 0;
      for (const path of paths) {
        if (generation !== scanGeneration) return;
        await readFromDisk(pathToFileURL(path).href);
        done++;
        // Reads are synchronous; yielding now and then keeps requests (hover, edits) answered mid-scan.
        if (done % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
        if (progress && done % 200 === 0) progress.report(Math.round((done / paths.length) * 100), `${done.toLocaleString('en-US')} of ${paths.length.toLocaleString('en-US')} manifests`);
      }
      log(`scanned ${paths.length} manifests in ${state.folders.length} folder(s)`);
    } finally {
      progress?.done();
    }
    if (generation === scanGeneration) analyzeAndPublish();
  };

  const fetchSettings = async () => {
    if (!supportsConfiguration) return;
    try {
      const fetched = (await connection.workspace.getConfiguration({ section: 'cidrLens' })) as ServerSettings | null;
      settings = fetched ?? {};
    } catch (error) {
      logError(`cannot read settings: ${String(error)}`);
    }
    state.setSettings(settings);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities;
    supportsConfiguration = capabilities.workspace?.configuration === true;
    supportsWatchRegistration = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    supportsRelated = capabilities.textDocument?.publishDiagnostics?.relatedInformation === true;
    supportsProgress = capabilities.window?.workDoneProgress === true;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    state.setFolders(folders.map(normaliseUri));
    const initOptions = params.initializationOptions as { settings?: ServerSettings } | undefined;
    if (initOptions?.settings) {
      settings = initOptions.settings;
      state.setSettings(settings);
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'cidr-lens-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    if (supportsConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'cidrLens' });
    if (supportsWatchRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.{yaml,yml,json}' }, { globPattern: '**/.cidr-lens.yaml' }],
      });
    }
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const removed = new Set(event.removed.map((f) => normaliseUri(f.uri)));
      state.setFolders([...state.folders.filter((f) => !removed.has(f)), ...event.added.map((f) => normaliseUri(f.uri))]);
      for (const file of state.files()) if ([...removed].some((r) => file.uri.startsWith(r + '/'))) state.remove(file.uri);
      void scanWorkspace();
    });
    await fetchSettings();
    await scanWorkspace();
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (supportsConfiguration) await fetchSettings();
    else {
      settings = ((change.settings as { cidrLens?: ServerSettings } | undefined)?.cidrLens ?? {}) as ServerSettings;
      state.setSettings(settings);
    }
    await scanWorkspace();
  });

  connection.onDidChangeWatchedFiles(async (params) => {
    for (const change of params.changes) {
      const uri = normaliseUri(change.uri);
      if (change.type === FileChangeType.Deleted) {
        // A deleted folder arrives as one event for the folder: drop everything below it too.
        state.remove(uri);
        for (const file of state.files()) if (file.uri.startsWith(uri + '/')) state.remove(file.uri);
      } else if (isManifestPath(uri)) {
        await readFromDisk(uri);
      }
    }
    scheduleAnalysis();
  });

  documents.onDidChangeContent((event) => {
    if (!isManifestPath(event.document.uri)) return;
    if (state.setText(normaliseUri(event.document.uri), event.document.getText())) scheduleAnalysis();
  });

  documents.onDidClose(async (event) => {
    const uri = normaliseUri(event.document.uri);
    // The editor's unsaved text is gone; the file on disk is the truth again (or nothing, if deleted).
    state.remove(uri);
    await readFromDisk(uri);
    scheduleAnalysis();
  });

  connection.onCodeAction((params: CodeActionParams): CodeAction[] => {
    try {
      return codeActions(params);
    } catch (error) {
      logError(`code actions failed for ${params.textDocument.uri}: ${String(error)}`);
      return [];
    }
  });

  const codeActions = (params: CodeActionParams): CodeAction[] => {
    const uri = normaliseUri(params.textDocument.uri);
    const findings = state.findingsOf(uri);
    const positions = positionsOf(uri);
    const only = params.context.only;
    const actions: CodeAction[] = [];
    if (!only || only.some((k) => k === CodeActionKind.QuickFix)) {
      for (const diagnostic of params.context.diagnostics) {
        if (diagnostic.source !== 'cidr-lens') continue;
        const key = (diagnostic.data as { key?: unknown } | undefined)?.key;
        for (const finding of findings) {
          if (key !== undefined ? key !== findingKey(finding) : !sameStart(toRange(positions, finding.span), diagnostic.range) || finding.rule !== diagnostic.code) continue;
          for (const fix of finding.fixes) actions.push(toQuickFix(fix, diagnostic, positionsOf));
        }
      }
    }
    if (only?.some((k) => FIX_ALL_KIND.startsWith(k) && k !== '')) {
      const edits = findings.flatMap((f) => f.fixes.filter((fix) => fix.isCanonicalization).slice(0, 1)).flatMap((fix) => fix.edits.filter((e) => e.uri === uri));
      if (edits.length > 0) {
        actions.push({ title: 'Fix all CIDR canonicalisations in file', kind: FIX_ALL_KIND, edit: toWorkspaceEdit({ title: '', edits: dedupeEdits(edits) }, positionsOf) });
      }
    }
    return actions;
  };

  documents.listen(connection);
  connection.listen();
}

function sameStart(a: { start: { line: number; character: number } }, b: { start: { line: number; character: number } }): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character;
}

function dedupeEdits<T extends { span: { start: number; end: number } }>(edits: readonly T[]): T[] {
  const seen = new Set<string>();
  return edits.filter((e) => {
    const key = `${e.span.start}:${e.span.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
