// Where the shared corpus of real manifests is: `../shared/corpus` beside the repository (read-only,
// never copied in). A clone made elsewhere (CI's clean clone, `git clone . /tmp/x`) finds it beside the
// repository it was cloned from; `CIDR_LENS_CORPUS` names it explicitly.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';

function originFolder(): string | undefined {
  try {
    const url = execFileSync('git', ['config', '--get', 'remote.origin.url'], { encoding: 'utf8' }).trim();
    const path = url.startsWith('file://') ? new URL(url).pathname : url;
    return isAbsolute(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

function candidates(): string[] {
  const origin = originFolder();
  return [process.env.CIDR_LENS_CORPUS, resolve('..', 'shared', 'corpus'), origin && resolve(origin, '..', 'shared', 'corpus')].filter(
    (p): p is string => typeof p === 'string' && p.length > 0,
  );
}

/** The corpus folder; throws (failing the test) with every place looked at when it is nowhere. */
export function corpusFolder(): string {
  const tried = candidates();
  const found = tried.find((p) => existsSync(resolve(p, 'INDEX.tsv')));
  if (!found) throw new Error(`the corpus of real manifests is missing: looked at ${tried.join(', ')} (set CIDR_LENS_CORPUS to its folder)`);
  return resolve(found);
}
