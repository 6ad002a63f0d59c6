// Waiting for the language server's diagnostics without sleeping: a condition is checked now and again
// on every `languages.onDidChangeDiagnostics`, bounded by a timeout whose message lists what the
// extension had reported by then (the first clue when a rule is missing or misplaced).
import * as vscode from 'vscode';

export const SOURCE = 'cidr-lens';
const DEFAULT_WAIT_MS = 20_000;

/** The rule ID of a CIDR Lens diagnostic (its `code`, which carries a link to the rule's page). */
export function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function findings(uri: vscode.Uri, rule?: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE && (!rule || ruleOf(d) === rule));
}

export function anyFindingInWorkspace(): boolean {
  return vscode.languages.getDiagnostics().some(([, diagnostics]) => diagnostics.some((d) => d.source === SOURCE));
}

/**
 * Resolves with the first value `check` returns other than undefined, false or an empty array.
 * `what` completes "timed out waiting for …".
 */
export function until<T>(check: () => T | undefined | false, what: string, timeoutMs = DEFAULT_WAIT_MS): Promise<T> {
  return new Promise((resolve, reject) => {
    const settled = (value: T | undefined | false): value is T => value !== undefined && value !== false && !(Array.isArray(value) && value.length === 0);
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; ${SOURCE} diagnostics now: ${describeAll()}`));
    }, timeoutMs);
    const evaluate = () => {
      const value = check();
      if (!settled(value)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(value);
    };
    const subscription = vscode.languages.onDidChangeDiagnostics(evaluate);
    evaluate();
  });
}

/** Resolves once `uri` holds no finding of `rule`. */
export async function untilGone(uri: vscode.Uri, rule: string, what: string): Promise<void> {
  await until(() => findings(uri, rule).length === 0, what);
}

function describeAll(): string {
  const lines = vscode.languages
    .getDiagnostics()
    .flatMap(([uri, diagnostics]) =>
      diagnostics
        .filter((d) => d.source === SOURCE)
        .map((d) => `${vscode.workspace.asRelativePath(uri)}:${d.range.start.line + 1}:${d.range.start.character + 1} ${ruleOf(d)}`),
    );
  return lines.length ? lines.join(', ') : 'none';
}
