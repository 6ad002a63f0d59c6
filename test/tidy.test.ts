// Architecture invariants, enforced as tests (model-codebases.md §7.1): the core is pure, every rule
// is registered once and documented, and the version is stated once.

import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RULE_IDS, rules } from '../server/src/core';
import { TOOL_VERSION } from '../server/src/cli/version';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

describe('tidy', () => {
  it('server/src/core imports only yaml, ip-cidr and itself', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles('server/src/core')) {
      for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const target = match[1] ?? match[2] ?? match[3];
        const allowed = target.startsWith('.') || target === 'yaml' || target === 'ip-cidr';
        if (!allowed) offenders.push(`${file} imports ${target}`);
        if (target.startsWith('.') && /\/(lsp|cli|node)\//.test(join(file, '..', target) + '/')) offenders.push(`${file} reaches out of the core to ${target}`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('only server/src/lsp imports vscode-languageserver', () => {
    const offenders = [...sourceFiles('server/src'), ...sourceFiles('client/src')].filter((f) => !f.startsWith(join('server', 'src', 'lsp')) && /from ['"]vscode-languageserver/.test(readFileSync(f, 'utf8')));
    assert.deepEqual(offenders, []);
  });

  it('registers every rule of the catalogue exactly once, in catalogue order', () => {
    const registered = rules.map((r) => r.id);
    assert.deepEqual(new Set(registered).size, registered.length, 'a rule is registered twice');
    assert.deepEqual(registered, RULE_IDS.filter((id) => registered.includes(id)));
  });

  it('has one file per registered rule and a docs page for each', () => {
    for (const rule of rules) {
      const camel = rule.id.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
      assert.ok(existsSync(join('server/src/core/rules', `${camel}.ts`)), `missing server/src/core/rules/${camel}.ts`);
      assert.ok(existsSync(join('docs/rules', `${rule.id}.md`)), `missing docs/rules/${rule.id}.md`);
      assert.ok(existsSync(join('test/fixtures', rule.id)), `missing fixtures test/fixtures/${rule.id}/`);
    }
  });

  it('states one version everywhere', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    assert.equal(TOOL_VERSION, manifest.version);
  });
});
