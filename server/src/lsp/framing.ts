// Message framing for `--stdio`, in front of vscode-jsonrpc's reader. That reader stops making sense
// of the stream after one bad header: the body of the bad message is read as the next header, which
// fails, and so on for every message after it — the server goes deaf. This transform passes on only
// well-framed messages (`Content-Length: N`, a blank line, N bytes), and after a bad header skips to
// the next `Content-Length:`, so the stream recovers. What a body holds is the reader's concern: a
// body that is not JSON is one error there, and the framing around it stays intact.

import { Transform, TransformCallback } from 'node:stream';

const HEADER_END = Buffer.from('\r\n\r\n');
const LENGTH_FIELD = Buffer.from('Content-Length:');
/** A header block longer than this is garbage, not a header: the stream resynchronises after it. */
const MAX_HEADER_BYTES = 64 * 1024;
/** A larger message is refused as a bad header; open documents beyond the scan's size limit are not analysed anyway. */
export const MAX_MESSAGE_BYTES = 1024 * 1024 * 1024;

/** The body length a header block declares, or why it is not a valid LSP header. */
function declaredLength(header: string): number | string {
  let length: number | undefined;
  for (const line of header.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) return `a header line without a colon (${JSON.stringify(line.slice(0, 40))})`;
    if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    if (!/^\d{1,10}$/.test(value) || Number(value) > MAX_MESSAGE_BYTES) return `a Content-Length of ${JSON.stringify(value.slice(0, 20))}`;
    length = Number(value);
  }
  return length ?? 'a header without Content-Length';
}

/** How many bytes at the end of `bytes` could begin a `Content-Length:` that the next chunk completes. */
function partialFieldAtEnd(bytes: Buffer): number {
  for (let length = Math.min(LENGTH_FIELD.length - 1, bytes.length - 1); length > 0; length--) {
    if (bytes.subarray(bytes.length - length).equals(LENGTH_FIELD.subarray(0, length))) return length;
  }
  return 0;
}

/**
 * A stream of well-framed LSP messages read from a stream of bytes that may not be. `onDropped`
 * hears of every stretch of bytes that was skipped, with the reason.
 */
export function wellFramedMessages(onDropped: (reason: string) => void): Transform {
  /** Bytes not yet framed, while looking for a header. */
  let head: Buffer = Buffer.alloc(0);
  /** The body being received: its declared length and the chunks so far (concatenated once, when complete). */
  let body: { length: number; chunks: Buffer[]; received: number } | undefined;

  /**
   * Drops bytes up to the next `Content-Length:` after the start of `head`; without one, keeps only
   * the end of `head` that may be the beginning of one. Either way at least one byte goes, so the
   * framing loop always ends.
   */
  const resynchronise = (reason: string) => {
    onDropped(reason);
    const next = head.indexOf(LENGTH_FIELD, 1);
    head = next >= 0 ? head.subarray(next) : head.subarray(head.length - partialFieldAtEnd(head));
  };

  const frame = (transform: Transform) => {
    for (;;) {
      if (body) {
        if (body.received < body.length) return;
        const bytes = Buffer.concat(body.chunks, body.received);
        transform.push(`Content-Length: ${body.length}\r\n\r\n`);
        transform.push(bytes.subarray(0, body.length));
        head = bytes.subarray(body.length);
        body = undefined;
      }
      const end = head.indexOf(HEADER_END);
      if (end < 0) {
        if (head.length > MAX_HEADER_BYTES) resynchronise(`${head.length} bytes without a header`);
        return;
      }
      const length = declaredLength(head.subarray(0, end).toString('latin1'));
      if (typeof length === 'string') {
        resynchronise(length);
        continue;
      }
      const rest = head.subarray(end + HEADER_END.length);
      body = { length, chunks: [rest], received: rest.length };
      head = Buffer.alloc(0);
    }
  };

  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      if (body) {
        body.chunks.push(chunk);
        body.received += chunk.length;
      } else {
        head = head.length === 0 ? chunk : Buffer.concat([head, chunk]);
      }
      frame(this);
      done();
    },
  });
}
