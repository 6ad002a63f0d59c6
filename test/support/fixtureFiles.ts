import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every `*.yaml` fixture below `dir`, sorted, with paths relative to the repository root. */
export function fixtureFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? fixtureFiles(path) : name.endsWith('.yaml') || name.endsWith('.yml') ? [path] : [];
    })
    .sort();
}
