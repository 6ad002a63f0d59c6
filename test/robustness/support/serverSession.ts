// The real language server over stdio on a temporary workspace, for the robustness tests: settings the
// test can change between messages, and Node arguments for the server process (a failure hook).

import { readFileSync } from 'node:fs';
import { LspClient, PublishedDiagnostics } from '../../support/lspClient';
import { TempWorkspace, tempWorkspace } from '../../support/workspace';

export const SERVER = 'server/out/server.js';

export interface ServerSession {
  readonly ws: TempWorkspace;
  readonly client: LspClient;
  /** What the client answers to `workspace/configuration`; change it, then notify. */
  settings: Record<string, unknown>;
  dispose(): Promise<void>;
}

export interface SessionOptions {
  readonly settings?: Record<string, unknown>;
  readonly execArgv?: readonly string[];
  /** Called before `initialize`, so waiters see the server's first messages. */
  readonly beforeInitialize?: (client: LspClient) => void;
}

export async function startServerSession(files: Readonly<Record<string, string>>, options: SessionOptions = {}): Promise<ServerSession> {
  const ws = tempWorkspace(files);
  const client = new LspClient(SERVER, ['--stdio'], { execArgv: options.execArgv ?? [] });
  let settings = options.settings ?? {};
  client.handlers.set('workspace/configuration', (params) => (params as { items: unknown[] }).items.map(() => settings));
  options.beforeInitialize?.(client);
  await client.initialize(ws.rootUri);
  return {
    ws,
    client,
    get settings() {
      return settings;
    },
    set settings(next) {
      settings = next;
    },
    async dispose() {
      try {
        await client.shutdown();
      } finally {
        ws.dispose();
      }
    },
  };
}

/** Opens `uri` in the editor with `text`, as `textDocument/didOpen` does. */
export function openDocument(client: LspClient, uri: string, text: string, version = 1): void {
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
}

/**
 * A session on `files` with the workspace file `file` open as it is on disk, once the server has
 * published diagnostics for it that satisfy `ready`: the starting point of every abuse test.
 */
export async function startWithOpenFile(
  files: Readonly<Record<string, string>>,
  file: string,
  ready: (diagnostics: PublishedDiagnostics['diagnostics']) => boolean,
  options: SessionOptions = {},
): Promise<{ session: ServerSession; uri: string }> {
  const session = await startServerSession(files, options);
  const uri = session.ws.uri(file);
  openDocument(session.client, uri, files[file]);
  await session.client.waitForDiagnostics(uri, ready);
  return { session, uri };
}

/** Resident memory of a process in MB (Linux), or undefined where /proc is missing. */
export function residentMb(pid: number): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

/** LSP `MessageType`: what a log line is. */
export const LOG_ERROR = 1;

/** Resolves with the first log message (received so far or later) that satisfies `predicate`. */
export async function waitForLog(client: LspClient, predicate: (log: { type: number; message: string }) => boolean, what: string, timeoutMs = 15_000): Promise<{ type: number; message: string }> {
  const seen = client.logMessages.find(predicate);
  if (seen) return seen;
  const message = await client.waitFor((m) => m.method === 'window/logMessage' && predicate(m.params as { type: number; message: string }), what, timeoutMs);
  return message.params as { type: number; message: string };
}
