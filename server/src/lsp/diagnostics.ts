// Diagnostics for every file of the workspace, open or closed, by push or by pull — whatever the client
// offers (LSP 3.17 §diagnostics):
//
// - A client without pull diagnostics gets `textDocument/publishDiagnostics` for every file.
// - A client with pull diagnostics and `workspace/diagnostic/refresh` pulls the documents it shows;
//   when an analysis changes the findings of such a document (an edit elsewhere can), the server asks
//   it to pull again. Without refresh support the server could not tell it, so such clients get push.
// - Files the client does not pull are pushed, until the client asks for workspace diagnostics. From
//   then on every file travels by pull (VS Code's client keeps a `workspace/diagnostic` request going
//   and shows closed files' reports in the Problems panel) and the server pushes nothing. A workspace
//   request stays open until some file's diagnostics differ from what the client already holds (a long
//   poll), so the client's polling costs nothing while nothing changes. Clients that never ask for
//   workspace diagnostics (Neovim, Helix) keep getting closed files pushed.
//
// A file is never reported both ways at once: when it switches to pull, its pushed diagnostics are
// cleared, and when the client stops pulling it (the document closes) it is pushed again.

import { CancellationToken, Connection, Diagnostic, DocumentDiagnosticReport, WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver/node';
import { cancelled } from './requests';
import { normaliseUri } from './uris';

export interface DiagnosticsChannel {
  /** Takes the diagnostics of the files an analysis may have changed, and sends those that did change. */
  update(uris: Iterable<string>, diagnosticsOf: (uri: string) => Diagnostic[]): void;
  /** The editor closed a document: the client stops pulling it. */
  documentClosed(uri: string): void;
  /** Answers the open workspace requests, so shutdown does not wait for them. */
  dispose(): void;
}

export interface DiagnosticsOptions {
  /** The client pulls document diagnostics and honours refresh requests. */
  readonly pull: boolean;
  /** Resolves once every change received so far is analysed. */
  settled(): Promise<void>;
  /** The version of an open document, for workspace reports; null for closed files. */
  versionOf(uri: string): number | null;
  logError(message: string): void;
}

/** One file's current diagnostics and the id the client echoes back to ask "anything new?". */
interface Report {
  readonly resultId: string;
  readonly diagnostics: Diagnostic[];
  /** The diagnostics serialised, to tell a real change from a re-analysis with the same outcome. */
  readonly key: string;
}

export function createDiagnosticsChannel(connection: Connection, options: DiagnosticsOptions): DiagnosticsChannel {
  const reports = new Map<string, Report>();
  /** Documents the client pulls (it asked for them and has not closed them since). */
  const pulled = new Set<string>();
  /** Files whose last push was not empty: switching them to pull must clear them. */
  const pushed = new Set<string>();
  let workspacePull = false;
  let disposed = false;
  let changeWaiters: Array<() => void> = [];
  // Result ids start with a per-process prefix: a restarted server must not match ids of its predecessor.
  const session = Date.now().toString(36);
  let counter = 0;
  const EMPTY_RESULT_ID = `${session}-empty`;

  const isPushed = (uri: string) => !options.pull || (!workspacePull && !pulled.has(uri));

  const push = (uri: string) => {
    const diagnostics = reports.get(uri)?.diagnostics ?? [];
    if (diagnostics.length === 0 && !pushed.has(uri)) return;
    if (diagnostics.length === 0) pushed.delete(uri);
    else pushed.add(uri);
    void connection.sendDiagnostics({ uri, diagnostics });
  };

  const clearPush = (uri: string) => {
    if (!pushed.delete(uri)) return;
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  };

  const wakeWorkspaceRequests = () => {
    const woken = changeWaiters;
    changeWaiters = [];
    for (const wake of woken) wake();
  };

  const nextChange = (token: CancellationToken) =>
    new Promise<void>((resolve) => {
      const cancellation = token.onCancellationRequested(() => resolve());
      changeWaiters.push(() => {
        cancellation.dispose();
        resolve();
      });
    });

  if (options.pull) {
    connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
      await options.settled();
      const uri = normaliseUri(params.textDocument.uri);
      pulled.add(uri);
      clearPush(uri);
      if (token.isCancellationRequested) throw cancelled();
      const report = reports.get(uri);
      if (!report) return { kind: 'full', resultId: EMPTY_RESULT_ID, items: [] };
      if (params.previousResultId === report.resultId) return { kind: 'unchanged', resultId: report.resultId };
      return { kind: 'full', resultId: report.resultId, items: report.diagnostics };
    });

    connection.languages.diagnostics.onWorkspace(async (params, token) => {
      if (!workspacePull) {
        workspacePull = true;
        for (const uri of [...pushed]) clearPush(uri);
      }
      const known = new Map(params.previousResultIds.map((p) => [normaliseUri(p.uri), p.value]));
      for (;;) {
        await options.settled();
        if (disposed || token.isCancellationRequested) return { items: [] };
        const items = [...reports].filter(([uri, report]) => known.get(uri) !== report.resultId).map(([uri, report]) => workspaceReport(uri, report));
        if (items.length > 0) return { items };
        await nextChange(token);
      }
    });
  }

  const workspaceReport = (uri: string, report: Report): WorkspaceDocumentDiagnosticReport => ({
    kind: 'full',
    uri,
    version: options.versionOf(uri),
    resultId: report.resultId,
    items: report.diagnostics,
  });

  return {
    update(uris, diagnosticsOf) {
      const changed: string[] = [];
      for (const uri of uris) {
        const diagnostics = diagnosticsOf(uri);
        const key = JSON.stringify(diagnostics);
        const report = reports.get(uri);
        if (report ? report.key === key : diagnostics.length === 0) continue;
        reports.set(uri, { resultId: `${session}-${++counter}`, diagnostics, key });
        changed.push(uri);
      }
      if (changed.length === 0) return;
      for (const uri of changed) if (isPushed(uri)) push(uri);
      if (options.pull && changed.some((uri) => pulled.has(uri))) {
        connection.languages.diagnostics.refresh().catch((error: unknown) => options.logError(`diagnostic refresh failed: ${String(error)}`));
      }
      wakeWorkspaceRequests();
    },
    documentClosed(uri) {
      if (!pulled.delete(uri)) return;
      if (isPushed(uri)) push(uri);
    },
    dispose() {
      disposed = true;
      wakeWorkspaceRequests();
    },
  };
}
