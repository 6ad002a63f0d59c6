import type { Fact } from '../../model';
import type { ExtractContext } from './context';

/** Reads the address facts of one source (one product or object family) from a document. */
export interface Extractor {
  readonly name: string;
  /**
   * Substrings of which at least one occurs in every document this extractor can read a fact from
   * (its kinds, keys or env names). The pre-scan skips files containing none of any extractor's
   * triggers without parsing them, so a missing trigger means missed facts: keep these complete.
   */
  readonly triggers: readonly string[];
  extract(ctx: ExtractContext): Fact[];
}
