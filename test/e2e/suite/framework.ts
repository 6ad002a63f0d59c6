// A minimal test runner for the extension host. Mocha or node:test would need their own loader inside
// VS Code; this suite only needs ordered tests, a time bound per test and a per-test report in the
// shape both e2e runners read ({ name, ok, ms, error? }).

export interface TestResult {
  readonly name: string;
  readonly ok: boolean;
  readonly ms: number;
  readonly error?: string;
}

export interface TestOptions {
  /** Later tests cannot succeed without this one (e.g. activation): on failure they are not run. */
  readonly essential?: boolean;
  /** Upper bound for the whole test; each wait inside has its own, shorter one. */
  readonly timeoutMs?: number;
}

export type Register = (name: string, body: () => Promise<void>, options?: TestOptions) => void;

const DEFAULT_TEST_TIMEOUT_MS = 45_000;

interface TestCase {
  readonly name: string;
  readonly body: () => Promise<void>;
  readonly options: TestOptions;
}

/** Rejects with a message naming `what` unless `promise` settles within `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export class TestList {
  private readonly cases: TestCase[] = [];

  readonly register: Register = (name, body, options = {}) => {
    this.cases.push({ name, body, options });
  };

  /** Runs the tests one after another, in the order they were registered. */
  async run(): Promise<TestResult[]> {
    const results: TestResult[] = [];
    let blockedBy: string | undefined;
    for (const { name, body, options } of this.cases) {
      if (blockedBy) {
        results.push({ name, ok: false, ms: 0, error: `not run: "${blockedBy}" failed` });
        continue;
      }
      const result = await runOne(name, body, options.timeoutMs ?? DEFAULT_TEST_TIMEOUT_MS);
      results.push(result);
      if (!result.ok && options.essential) blockedBy = name;
    }
    return results;
  }
}

async function runOne(name: string, body: () => Promise<void>, timeoutMs: number): Promise<TestResult> {
  const started = Date.now();
  try {
    await withTimeout(body(), timeoutMs, `test "${name}" to finish`);
    return { name, ok: true, ms: Date.now() - started };
  } catch (error) {
    return { name, ok: false, ms: Date.now() - started, error: String((error as Error)?.stack ?? error) };
  }
}
