// A small, independent LSP client for protocol tests: spawns the real server over stdio, frames
// JSON-RPC by hand (no shared code with the server), and waits on notifications with a timeout —
// never a sleep.

import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';

export interface Message {
  readonly jsonrpc: '2.0';
  readonly id?: number | string;
  readonly method?: string;
  readonly params?: unknown;
  readonly result?: unknown;
  readonly error?: { code: number; message: string };
}

export interface PublishedDiagnostics {
  readonly uri: string;
  readonly diagnostics: ReadonlyArray<{
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    severity: number;
    code: string;
    source: string;
    message: string;
    data?: unknown;
    relatedInformation?: unknown[];
  }>;
}

export class LspClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly events = new EventEmitter();
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (m: Message) => void }>();
  /** The latest diagnostics published for each URI. */
  readonly diagnostics = new Map<string, PublishedDiagnostics['diagnostics']>();
  readonly stderr: string[] = [];
  /** Every `window/logMessage` so far (what an editor shows in the server's output channel). */
  readonly logMessages: Array<{ readonly type: number; readonly message: string }> = [];
  /** Answers for server-to-client requests, by method. */
  readonly handlers = new Map<string, (params: unknown) => unknown>();

  /** `execArgv` goes to Node before the server script (e.g. `--require` a test hook). */
  constructor(serverPath: string, args: readonly string[] = ['--stdio'], options: { readonly execArgv?: readonly string[] } = {}) {
    this.child = spawn(process.execPath, [...(options.execArgv ?? []), serverPath, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.events.setMaxListeners(100);
  }

  /** The server's process id, e.g. to read its memory from /proc. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Whether the server process is still running. */
  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const length = Number(/Content-Length: (\d+)/i.exec(header)?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body) as Message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method !== undefined && message.id !== undefined) {
      const handler = this.handlers.get(message.method);
      const result = handler ? handler(message.params) : null;
      this.write({ jsonrpc: '2.0', id: message.id, result: result ?? null });
      this.events.emit('request', message);
      return;
    }
    if (message.method !== undefined) {
      if (message.method === 'window/logMessage') this.logMessages.push(message.params as { type: number; message: string });
      if (message.method === 'textDocument/publishDiagnostics') {
        const p = message.params as PublishedDiagnostics;
        this.diagnostics.set(p.uri, p.diagnostics);
      }
      this.events.emit('notification', message);
      return;
    }
    const pending = this.pending.get(Number(message.id));
    if (pending) {
      this.pending.delete(Number(message.id));
      pending.resolve(message);
    }
  }

  private write(message: Message): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  request<T = unknown>(method: string, params: unknown, timeoutMs = 10_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${method} timed out after ${timeoutMs} ms`)), timeoutMs);
      this.pending.set(id, {
        resolve: (m) => {
          clearTimeout(timer);
          if (m.error) reject(new Error(`${method} failed: ${m.error.message}`));
          else resolve(m.result as T);
        },
      });
      this.write({ jsonrpc: '2.0', id, method, params });
    });
  }

  /** A raw request whose error is returned instead of thrown (for malformed-request tests). */
  rawRequest(method: string, params: unknown, timeoutMs = 10_000): Promise<Message> {
    const id = this.nextId++;
    return new Promise<Message>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${method} timed out after ${timeoutMs} ms`)), timeoutMs);
      this.pending.set(id, {
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
      this.write({ jsonrpc: '2.0', id, method, params });
    });
  }

  /** Writes bytes to the server as they are, framing included: for tests of broken framing. */
  writeRaw(bytes: string | Buffer): void {
    this.child.stdin.write(bytes);
  }

  notify(method: string, params: unknown): void {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /** Resolves with the first notification satisfying `predicate`, or rejects after `timeoutMs`. */
  waitFor(predicate: (m: Message) => boolean, what: string, timeoutMs = 10_000): Promise<Message> {
    return new Promise((resolve, reject) => {
      const listener = (m: Message) => {
        if (!predicate(m)) return;
        clearTimeout(timer);
        this.events.off('notification', listener);
        resolve(m);
      };
      const timer = setTimeout(() => {
        this.events.off('notification', listener);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; stderr: ${this.stderr.join('').slice(-500)}`));
      }, timeoutMs);
      this.events.on('notification', listener);
    });
  }

  /** Waits until diagnostics for `uri` satisfy `predicate` (checking the latest ones first). */
  async waitForDiagnostics(uri: string, predicate: (d: PublishedDiagnostics['diagnostics']) => boolean, timeoutMs = 10_000): Promise<PublishedDiagnostics['diagnostics']> {
    const current = this.diagnostics.get(uri);
    if (current && predicate(current)) return current;
    const m = await this.waitFor(
      (n) => n.method === 'textDocument/publishDiagnostics' && (n.params as PublishedDiagnostics).uri === uri && predicate((n.params as PublishedDiagnostics).diagnostics),
      `diagnostics for ${uri}`,
      timeoutMs,
    );
    return (m.params as PublishedDiagnostics).diagnostics;
  }

  async initialize(rootUri: string, capabilities: Record<string, unknown> = {}, initializationOptions?: unknown): Promise<unknown> {
    const result = await this.request('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'workspace' }],
      capabilities: {
        textDocument: { publishDiagnostics: { relatedInformation: true }, hover: { contentFormat: ['markdown', 'plaintext'] } },
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
        window: { workDoneProgress: true },
        ...capabilities,
      },
      ...(initializationOptions !== undefined ? { initializationOptions } : {}),
    });
    this.notify('initialized', {});
    return result;
  }

  async shutdown(): Promise<void> {
    try {
      await this.request('shutdown', null, 3000);
      this.notify('exit', null);
    } finally {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      if (this.child.exitCode === null) {
        const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
        await exited;
        clearTimeout(timer);
      }
    }
  }
}
