// How request handlers answer: after pending edits are analysed (so the answer matches the text the
// user sees), with ServerNotInitialized before `initialize` (LSP 3.17: the server answers nothing else
// until then), with "cancelled" when the client withdrew the request meanwhile, and with a fallback
// instead of a crash when the request is malformed or a feature fails (the json-language-features
// `runSafeAsync` pattern).

import { CancellationToken, ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';

export interface RequestContext {
  /** Whether `initialize` has been answered. */
  initialized(): boolean;
  settled(): Promise<void>;
  logError(message: string): void;
}

export function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}

export async function answer<T>(ctx: RequestContext, what: string, token: CancellationToken, fallback: T, work: () => T): Promise<T | ResponseError<void>> {
  if (!ctx.initialized()) return new ResponseError(ErrorCodes.ServerNotInitialized, `${what} before initialize`);
  await ctx.settled();
  if (token.isCancellationRequested) return cancelled();
  try {
    return work();
  } catch (error) {
    // A deliberate answer (invalid parameters, a file outside every cluster) goes to the client as is.
    if (error instanceof ResponseError) return error;
    ctx.logError(`${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return fallback;
  }
}
