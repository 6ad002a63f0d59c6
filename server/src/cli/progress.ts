// A progress line on stderr for long runs: "Reading 1,234 of 2,000 manifests…", rewritten in place
// with `\r` and erased before the results are printed. Only on a terminal: in CI logs and pipes a
// progress line is noise, and a carriage return garbles them.

import { formatCount } from '../core';

export interface TerminalStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

export interface ProgressLine {
  update(done: number, total: number): void;
  /** Erases the line, if one was drawn; output that follows starts on a clean line. */
  clear(): void;
}

/** A run shorter than this never shows a progress line, so quick runs do not flicker. */
const SHOW_AFTER_MS = 300;
/** Redraw at most this often: writing to a terminal for each of thousands of files costs real time. */
const REDRAW_EVERY_MS = 80;
/** Moves to the start of the line and erases it. */
const ERASE_LINE = '\r\x1b[K';

export function progressLine(stream: TerminalStream, now: () => number = Date.now): ProgressLine {
  if (stream.isTTY !== true) return { update() {}, clear() {} };
  const startedAt = now();
  let drawnAt: number | undefined;
  return {
    update(done, total) {
      const time = now();
      if (time - startedAt < SHOW_AFTER_MS || (drawnAt !== undefined && time - drawnAt < REDRAW_EVERY_MS && done < total)) return;
      stream.write(`${ERASE_LINE}Reading ${formatCount(done)} of ${formatCount(total)} manifests…`);
      drawnAt = time;
    },
    clear() {
      if (drawnAt !== undefined) stream.write(ERASE_LINE);
      drawnAt = undefined;
    },
  };
}
