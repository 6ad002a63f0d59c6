// A test reporter that prints what tests note with `t.diagnostic()` — measurements such as latency
// percentiles — which the dot reporter leaves out. Only notes of a test carry a file; the runner's
// own summary notes (tests, pass, fail…) do not and stay with the dot reporter's summary.
export default async function* noteReporter(source) {
  for await (const event of source) {
    if (event.type === 'test:diagnostic' && event.data.file !== undefined) yield `\n${event.data.message}\n`;
  }
}
