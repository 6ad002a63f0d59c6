// Wires the core to an LSP connection: capabilities, document sync, the workspace scan and file
// events, configuration, and the feature handlers. Each concern lives in its own module; this file
// only connects them.

import {
  ClientCapabilities,
  CodeActionKind,
  Connection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  FileOperationRegistrationOptions,
  InitializeParams,
  InitializeResult,
  ServerCapabilities,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MANIFEST_GLOB, isManifestPath, sizeLimitReason } from '../node/scan';
import { createAnalysisLoop } from './analysisLoop';
import { registerAddressPlan } from './addressPlan';
import { registerCodeActions } from './codeActions';
import type { FeatureContext } from './context';
import { FIX_ALL_KIND, TextPositions, textPositions, toDiagnostic } from './convert';
import { DiagnosticsChannel, createDiagnosticsChannel } from './diagnostics';
import { registerFreeSubnets } from './freeSubnets';
import { registerHover } from './hover';
import { registerInlayHints } from './inlayHints';
import { ServerSettings, inlayHintsEnabled, sameScan, scanOptionsOf, settingsFrom, settingsProblems } from './settings';
import { normaliseUri } from './uris';
import { createWorkspaceScan } from './workspaceScan';
import { createWorkspaceState, isConfigUri } from './workspaceState';

/** Edits arrive keystroke by keystroke; analysing after a short pause keeps the server responsive. */
export const ANALYSIS_DEBOUNCE_MS = 60;

/** Initialization options beyond settings; `analysisDebounceMs` lets benchmarks measure analysis, not the pause. */
interface InitializationOptions {
  readonly settings?: ServerSettings;
  readonly analysisDebounceMs?: number;
}

/** What the client told us it can do, read once from `initialize`. */
interface ClientSupport {
  readonly configuration: boolean;
  readonly watchRegistration: boolean;
  readonly relatedInformation: boolean;
  readonly progress: boolean;
  /** Pull diagnostics with refresh; see diagnostics.ts for why refresh is required. */
  readonly pullDiagnostics: boolean;
  readonly documentChanges: boolean;
  readonly inlayHintRefresh: boolean;
}

function clientSupportOf(capabilities: ClientCapabilities): ClientSupport {
  return {
    configuration: capabilities.workspace?.configuration === true,
    watchRegistration: capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    relatedInformation: capabilities.textDocument?.publishDiagnostics?.relatedInformation === true,
    progress: capabilities.window?.workDoneProgress === true,
    pullDiagnostics: capabilities.textDocument?.diagnostic !== undefined && capabilities.workspace?.diagnostics?.refreshSupport === true,
    documentChanges: capabilities.workspace?.workspaceEdit?.documentChanges === true,
    inlayHintRefresh: capabilities.workspace?.inlayHint?.refreshSupport === true,
  };
}

/**
 * IPAM exports are watched by the extensions exports have (CSV, text lists; JSON is watched as a
 * manifest already); an export of another name is read at start and whenever a config changes.
 */
const IMPORT_WATCH_GLOB = '**/*.{csv,tsv,txt,list,lst}';

/** Manifests and folders: renaming or deleting a folder in the editor must reach the server too. */
const FILE_OPERATIONS: FileOperationRegistrationOptions = {
  filters: [
    { scheme: 'file', pattern: { glob: MANIFEST_GLOB, matches: 'file' } },
    { scheme: 'file', pattern: { glob: '**/*', matches: 'folder' } },
  ],
};

function serverCapabilities(client: ClientSupport): ServerCapabilities {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    hoverProvider: true,
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
    inlayHintProvider: true,
    ...(client.pullDiagnostics ? { diagnosticProvider: { identifier: 'cidr-lens', interFileDependencies: true, workspaceDiagnostics: true } } : {}),
    workspace: {
      workspaceFolders: { supported: true, changeNotifications: true },
      fileOperations: { didCreate: FILE_OPERATIONS, didRename: FILE_OPERATIONS, didDelete: FILE_OPERATIONS },
    },
  };
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const openDocuments = new Map<string, TextDocument>();
  const state = createWorkspaceState();
  let settings: ServerSettings = {};
  let client = clientSupportOf({});
  let initialized = false;
  let diagnostics: DiagnosticsChannel | undefined;
  const positionsCache = new Map<string, TextPositions>();

  const log = (message: string) => connection.console.log(message);
  const logError = (message: string) => connection.console.error(message);

  /** Positions in the text the last analysis read, which is what every offset of its results refers to. */
  const positionsOf = (uri: string): TextPositions => {
    const text = state.analysedTextOf(uri);
    if (text === undefined) {
      positionsCache.delete(uri);
      return textPositions('');
    }
    let cached = positionsCache.get(uri);
    if (!cached || cached.text !== text) positionsCache.set(uri, (cached = textPositions(text)));
    return cached;
  };

  /** Open documents edited since the last analysis: read once per analysis, not at every keystroke. */
  const editedDocuments = new Set<string>();

  const readEditedDocuments = () => {
    for (const uri of editedDocuments) {
      const text = openDocuments.get(uri)?.getText();
      if (text === undefined) continue;
      // Held to the size limit of files on disk: parsing megabytes stalls the server.
      const tooLarge = sizeLimitReason(Buffer.byteLength(text), scanOptionsOf(settings));
      if (tooLarge) state.setSkipped(uri, tooLarge);
      else state.setText(uri, text);
    }
    // An edited config may name other IPAM exports than before.
    const configEdited = [...editedDocuments].some(isConfigUri);
    editedDocuments.clear();
    if (configEdited) scan.syncImports();
  };

  const analyzeAndReport = () => {
    let update;
    try {
      readEditedDocuments();
      update = state.analyze();
    } catch (error) {
      logError(`analysis failed: ${error instanceof Error ? error.stack : String(error)}`);
      return;
    }
    for (const message of update.result.internalErrors) logError(message);
    diagnostics?.update(update.affected, (uri) => state.findingsOf(uri).map((f) => toDiagnostic(f, positionsOf, client.relatedInformation)));
  };

  let debounceMs = ANALYSIS_DEBOUNCE_MS;
  const loop = createAnalysisLoop(analyzeAndReport, () => debounceMs);
  const scan = createWorkspaceScan({
    state,
    loop,
    isOpen: (uri) => openDocuments.has(uri),
    scanOptions: () => scanOptionsOf(settings),
    startProgress: async () => (client.progress ? connection.window.createWorkDoneProgress() : undefined),
    log,
  });
  const versionOf = (uri: string) => openDocuments.get(uri)?.version ?? null;
  const ctx: FeatureContext = {
    initialized: () => initialized,
    state,
    settled: () => loop.settled(),
    logError,
    positionsOf,
    settings: () => settings,
    // Read per request: whether the client takes versioned edits is known only after initialize.
    get versionOf() {
      return client.documentChanges ? versionOf : undefined;
    },
  };

  /**
   * Settings unchanged in content keep their identity, so the core's per-scope reuse still applies.
   * Values that cannot be used are logged once, when they arrive, not at every analysis.
   */
  const applySettings = (received: unknown) => {
    const before = settings;
    const next = settingsFrom(received);
    if (JSON.stringify(next) === JSON.stringify(before)) return { scanChanged: false, hintsChanged: false };
    settings = next;
    for (const problem of settingsProblems(settings)) logError(problem);
    state.setSettings(settings);
    return { scanChanged: !sameScan(before, next), hintsChanged: inlayHintsEnabled(before) !== inlayHintsEnabled(next) };
  };

  const fetchSettings = async (): Promise<unknown> => {
    try {
      return (await connection.workspace.getConfiguration({ section: 'cidrLens' })) as unknown;
    } catch (error) {
      logError(`cannot read settings: ${String(error)}`);
      return settings;
    }
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    client = clientSupportOf(params.capabilities);
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    state.setFolders(folders.map(normaliseUri));
    const initOptions = params.initializationOptions as InitializationOptions | undefined;
    if (initOptions?.settings) applySettings(initOptions.settings);
    const requestedDebounce = initOptions?.analysisDebounceMs;
    if (typeof requestedDebounce === 'number' && requestedDebounce >= 0 && requestedDebounce <= 10_000) debounceMs = requestedDebounce;
    diagnostics = createDiagnosticsChannel(connection, { pull: client.pullDiagnostics, settled: () => loop.settled(), versionOf, logError });
    initialized = true;
    return { capabilities: serverCapabilities(client), serverInfo: { name: 'cidr-lens-server', version: '0.1.0' } };
  });

  connection.onInitialized(async () => {
    if (client.configuration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'cidrLens' });
    if (client.watchRegistration) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: MANIFEST_GLOB }, { globPattern: IMPORT_WATCH_GLOB }] });
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const removed = new Set(event.removed.map((f) => normaliseUri(f.uri)));
      state.setFolders([...state.folders.filter((f) => !removed.has(f)), ...event.added.map((f) => normaliseUri(f.uri))]);
      void scan.scanAll();
    });
    if (client.configuration) applySettings(await fetchSettings());
    await scan.scanAll();
  });

  connection.onDidChangeConfiguration(async (change) => {
    const next = client.configuration ? await fetchSettings() : (change.settings as { cidrLens?: unknown } | null | undefined)?.cidrLens;
    const { scanChanged, hintsChanged } = applySettings(next);
    if (scanChanged) await scan.scanAll();
    else {
      // The settings may name other IPAM exports (`cidrLens.externalNetworks` entries with `from`).
      scan.syncImports();
      loop.schedule();
    }
    if (hintsChanged && client.inlayHintRefresh) void connection.languages.inlayHint.refresh();
  });

  connection.onDidChangeWatchedFiles((params) => {
    for (const change of params.changes) {
      const uri = normaliseUri(change.uri);
      if (change.type === FileChangeType.Deleted) scan.forget(uri);
      else scan.refresh(uri);
    }
    loop.schedule();
  });
  connection.workspace.onDidCreateFiles((params) => {
    for (const file of params.files) scan.refresh(normaliseUri(file.uri));
    loop.schedule();
  });
  connection.workspace.onDidRenameFiles((params) => {
    for (const file of params.files) {
      scan.forget(normaliseUri(file.oldUri));
      scan.refresh(normaliseUri(file.newUri));
    }
    loop.schedule();
  });
  connection.workspace.onDidDeleteFiles((params) => {
    for (const file of params.files) scan.forget(normaliseUri(file.uri));
    loop.schedule();
  });

  documents.onDidChangeContent((event) => {
    const uri = normaliseUri(event.document.uri);
    if (!isManifestPath(uri)) return;
    openDocuments.set(uri, event.document);
    // Read when the analysis runs: a burst of keystrokes costs one parse, not one each.
    editedDocuments.add(uri);
    loop.schedule();
  });
  documents.onDidClose((event) => {
    const uri = normaliseUri(event.document.uri);
    editedDocuments.delete(uri);
    if (!openDocuments.delete(uri)) return;
    diagnostics?.documentClosed(uri);
    // The editor's unsaved text is gone: the file on disk is the truth again (or nothing, if it is gone).
    scan.refresh(uri);
    loop.schedule();
  });

  registerHover(connection, ctx);
  registerCodeActions(connection, ctx);
  registerInlayHints(connection, ctx);
  registerFreeSubnets(connection, ctx);
  registerAddressPlan(connection, ctx);
  connection.onShutdown(() => diagnostics?.dispose());

  documents.listen(connection);
  connection.listen();
}
