// Where the shared corpus of real manifests is (read-only, never copied in): `CIDR_LENS_CORPUS`, or
// `../shared/corpus` beside the repository. Only `npm run test:corpus` reads it (test/run.mjs checks
// that it is there before any test starts); `.ci/run` names it.

import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The corpus folder; throws when it is not there. */
export function corpusFolder(): string {
  const folder = resolve(process.env.CIDR_LENS_CORPUS || join('..', 'shared', 'corpus'));
  if (!existsSync(join(folder, 'INDEX.tsv'))) throw new Error(`the corpus of real manifests is not at ${folder}: set CIDR_LENS_CORPUS to the folder holding its INDEX.tsv`);
  return folder;
}
