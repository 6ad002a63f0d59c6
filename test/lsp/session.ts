// Helpers for protocol tests: a started server on a temporary workspace, positions found by text, and
// LSP text edits applied the way an editor applies them.

import { LspClient } from '../support/lspClient';
import { TempWorkspace, tempWorkspace } from '../support/workspace';

export const SERVER = 'server/out/server.js';

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface LspTextEdit {
  readonly range: { readonly start: Position; readonly end: Position };
  readonly newText: string;
}

export interface Session {
  readonly ws: TempWorkspace;
  readonly client: LspClient;
  /** What the client answers to `workspace/configuration`; change it, then notify. */
  settings: Record<string, unknown>;
  readonly capabilities: Record<string, unknown>;
  dispose(): Promise<void>;
}

/**
 * Starts the server on a workspace of `files` and initialises it. Waiters set up in `beforeInitialize`
 * see everything the server sends from the first message on.
 */
export async function startSession(
  files: Readonly<Record<string, string>>,
  options: { capabilities?: Record<string, unknown>; settings?: Record<string, unknown>; folders?: readonly string[]; beforeInitialize?: (client: LspClient) => void } = {},
): Promise<Session> {
  const ws = tempWorkspace(files);
  const client = new LspClient(SERVER);
  let settings = options.settings ?? {};
  client.handlers.set('workspace/configuration', (params) => (params as { items: unknown[] }).items.map(() => settings));
  options.beforeInitialize?.(client);
  let result: { capabilities: Record<string, unknown> };
  if (options.folders) {
    result = await client.request('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: options.folders.map((folder) => ({ uri: ws.uri(folder), name: folder })),
      capabilities: {
        textDocument: { publishDiagnostics: { relatedInformation: true } },
        workspace: { configuration: true, workspaceFolders: true },
      },
    });
    client.notify('initialized', {});
  } else {
    result = (await client.initialize(ws.rootUri, options.capabilities ?? {})) as typeof result;
  }
  return {
    ws,
    client,
    capabilities: result.capabilities,
    get settings() {
      return settings;
    },
    set settings(next) {
      settings = next;
    },
    async dispose() {
      await client.shutdown();
      ws.dispose();
    },
  };
}

/** The position of the `occurrence`-th `needle` in `text` (0-based), moved `delta` characters right. */
export function positionOf(text: string, needle: string, delta = 0, occurrence = 0): Position {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${JSON.stringify(needle)} not found ${occurrence + 1} times`);
  }
  return positionAtOffset(text, at + delta);
}

export function positionAtOffset(text: string, offset: number): Position {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

function offsetAt(text: string, position: Position): number {
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < position.line; i++) offset += lines[i].length + 1;
  return offset + position.character;
}

/** Applies edits as an editor does: all ranges refer to the original text. */
export function applyEdits(text: string, edits: readonly LspTextEdit[]): string {
  const sorted = [...edits].sort((a, b) => offsetAt(text, b.range.start) - offsetAt(text, a.range.start));
  let result = text;
  for (const edit of sorted) result = result.slice(0, offsetAt(text, edit.range.start)) + edit.newText + result.slice(offsetAt(text, edit.range.end));
  return result;
}
