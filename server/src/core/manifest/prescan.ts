// The pre-scan: most manifests (Deployments, ConfigMaps of other apps) hold no address fact at all.
// A file in which no extractor's trigger occurs cannot yield a fact, so it is skipped without parsing.
// This is safe by construction as long as each extractor lists its triggers completely; a test over
// the corpus and the fixtures compares results with and without the pre-scan.

import { extractors } from './extract';

const triggerPattern = new RegExp(
  [...new Set(extractors.flatMap((e) => e.triggers))].map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
);

export function mayHoldFacts(text: string): boolean {
  return triggerPattern.test(text);
}
