// A test-only way to make the shipped engine fail inside an extractor, without any hook in the product:
// a script preloaded with `node --require` makes `RegExp.prototype.test` throw for one marker value.
// Every extracted value passes through a template check (`isTemplate`, a regular expression) before it
// is parsed, so a manifest holding the marker in a quoted field fails exactly where an extractor bug
// would. (Quoted, because the YAML parser tests plain scalars with regular expressions itself.)

import { writeFileSync } from 'node:fs';
import * as path from 'node:path';

export const PLANTED_VALUE = 'cidr-lens-planted-failure';

const HOOK = `// Preloaded by the robustness tests: the planted value fails like an extractor bug would.
const test = RegExp.prototype.test;
RegExp.prototype.test = function (input) {
  if (input === ${JSON.stringify(PLANTED_VALUE)}) throw new TypeError('planted failure (robustness test hook)');
  return test.call(this, input);
};
`;

/** Writes the preload script into `dir`; returns the Node arguments that load it. */
export function failureHookArgs(dir: string): string[] {
  const file = path.join(dir, 'planted-failure-hook.cjs');
  writeFileSync(file, HOOK);
  return ['--require', file];
}

/** A Service whose clusterIP is the planted value: its extractor fails, the rest of the file does not matter. */
export const BROKEN_SERVICE = `apiVersion: v1\nkind: Service\nmetadata: {name: broken}\nspec:\n  clusterIP: "${PLANTED_VALUE}"\n`;
