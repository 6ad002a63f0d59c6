// Bundles the extension client, the language server and the CLI with esbuild, and compiles the tests.
// `npm install` runs this through the `prepare` script, so a fresh clone is ready to use.
import { build } from 'esbuild';
import { readdirSync, statSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: false, logLevel: 'warning' };
// Shipped bundles are minified (the .vsix stays small); names are kept so internal errors stay readable.
const shipped = { ...common, minify: true, keepNames: true };

function findTests(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'fixtures' && name !== 'e2e') out.push(...findTests(path));
    } else if (name.endsWith('.test.ts')) {
      out.push(path);
    }
  }
  return out;
}

rmSync('out', { recursive: true, force: true });
await Promise.all([
  build({ ...shipped, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] }),
  build({ ...shipped, entryPoints: ['server/src/lsp/main.ts'], outfile: 'server/out/server.js', banner: { js: '#!/usr/bin/env node' } }),
  build({ ...shipped, entryPoints: ['server/src/cli/main.ts'], outfile: 'server/out/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  build({ ...common, entryPoints: findTests('test'), outdir: 'out/test', outbase: 'test', packages: 'external' }),
  build({ ...common, entryPoints: ['bench/run.ts'], outfile: 'out/bench/run.js', packages: 'external' }),
]);
