// When the server analyses. Edits arrive keystroke by keystroke, so an analysis runs after a short
// pause, and every new change pushes it back: work for a text that is already outdated never starts.
// While the workspace scan reads files, analyses are held back altogether, since a half-read workspace
// would report findings that the next file read takes back. Requests that must answer for the latest
// text (pull diagnostics, hovers, code actions) wait until the loop has settled.

export interface AnalysisLoop {
  /** Analyses after the debounce delay, restarting the delay if one is already pending. */
  schedule(): void;
  /** Holds analyses back until `release`. */
  hold(): void;
  /** Ends a hold and analyses at once. */
  release(): void;
  /** Resolves when no analysis is pending or held, i.e. the last analysis covers every change so far. */
  settled(): Promise<void>;
}

/** `debounceMs` is read at every edit, so initialization options can change it. */
export function createAnalysisLoop(run: () => void, debounceMs: () => number): AnalysisLoop {
  let timer: NodeJS.Timeout | undefined;
  let holding = false;
  let waiting: Array<() => void> = [];

  const runNow = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (holding) return;
    run();
    const woken = waiting;
    waiting = [];
    for (const wake of woken) wake();
  };

  return {
    schedule() {
      if (timer) clearTimeout(timer);
      timer = setTimeout(runNow, debounceMs());
    },
    hold() {
      holding = true;
    },
    release() {
      holding = false;
      runNow();
    },
    settled() {
      if (!timer && !holding) return Promise.resolve();
      return new Promise((resolve) => waiting.push(resolve));
    },
  };
}
