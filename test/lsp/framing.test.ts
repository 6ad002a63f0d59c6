// The framing in front of vscode-jsonrpc's reader (server/src/lsp/framing.ts): whatever garbage comes
// between well-framed messages, and however the bytes are cut into chunks, every well-framed message
// after it comes out intact and in order, and the garbage does not.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as fc from 'fast-check';
import { wellFramedMessages } from '../../server/src/lsp/framing';

const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

/** Runs bytes through the framing in the given chunks; the frames that come out, and what was dropped. */
async function reframe(bytes: Buffer, cuts: readonly number[]): Promise<{ output: string; dropped: string[] }> {
  const dropped: string[] = [];
  const transform = wellFramedMessages((reason) => dropped.push(reason));
  const chunks: Buffer[] = [];
  transform.on('data', (chunk: Buffer) => chunks.push(Buffer.from(chunk)));
  const ended = new Promise((resolve) => transform.on('end', resolve));
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    if (cut <= from || cut >= bytes.length) continue;
    transform.write(bytes.subarray(from, cut));
    from = cut;
  }
  transform.end(bytes.subarray(from));
  await ended;
  return { output: Buffer.concat(chunks).toString('utf8'), dropped };
}

/** Garbage as broken clients and pipes make it: header-like lines, blank lines, stray JSON, but never the field name itself. */
const garbage = fc
  .array(fc.constantFrom('\r\n', '\r\n\r\n', 'Content-Type: x', 'garbage', ':', 'Content-Len', '{"id": 1}', 'Content-Length: many', '\u00ff', ' '), { minLength: 1, maxLength: 8 })
  .map((pieces) => pieces.join(''));
const bodies = fc.array(fc.string({ maxLength: 40 }), { minLength: 1, maxLength: 5 }).map((texts) => texts.map((text) => JSON.stringify({ jsonrpc: '2.0', method: 'x', params: text })));

describe('framing: well-framed messages survive garbage between them', () => {
  it('passes every message after a stretch of garbage, intact and in order, for any chunking', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.option(garbage, { nil: undefined }), bodies), { minLength: 1, maxLength: 4 }), fc.array(fc.nat(2000), { maxLength: 10 }), async (parts, cuts) => {
        const bytes = Buffer.from(parts.map(([junk, messages]) => (junk ?? '') + messages.map(frame).join('')).join(''), 'utf8');
        const { output, dropped } = await reframe(bytes, cuts);
        assert.equal(output, parts.map(([, messages]) => messages.map(frame).join('')).join(''));
        if (parts.every(([junk]) => junk === undefined)) assert.deepEqual(dropped, []);
      }),
      { numRuns: 300, seed: 20261207 },
    );
  });

  it('drops a declared length above the limit as a bad header', async () => {
    const { output, dropped } = await reframe(Buffer.from(`Content-Length: 99999999999\r\n\r\n${frame('{}')}`), []);
    assert.equal(output, frame('{}'));
    assert.equal(dropped.length, 1);
  });
});
