// Architecture invariants, enforced as tests (model-codebases.md §7.1): the core is pure, every rule
// is registered once and documented, and the version is stated once.

import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
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

/** The relative imports of every module below `dir`, type-only imports included: a cycle of types is still a cycle of meaning. */
function importGraph(dir: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(dir)) {
    const targets: string[] = [];
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = match[1] ?? match[2] ?? match[3];
      if (!target.startsWith('.')) continue;
      const base = join(dirname(file), target);
      const resolved = [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
      if (resolved) targets.push(resolved);
    }
    graph.set(file, targets);
  }
  return graph;
}

/** The strongly connected components of more than one module (Tarjan), each a cycle to report. */
function importCycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const visit = (module: string) => {
    index.set(module, next);
    low.set(module, next++);
    stack.push(module);
    onStack.add(module);
    for (const target of graph.get(module) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(module, Math.min(low.get(module)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(module, Math.min(low.get(module)!, index.get(target)!));
    }
    if (low.get(module) !== index.get(module)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== module);
    if (component.length > 1 || (graph.get(module) ?? []).includes(module)) cycles.push(component.sort());
  };
  for (const module of graph.keys()) if (!index.has(module)) visit(module);
  return cycles;
}

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

  it('has no import cycle in server/src', () => {
    const cycles = importCycles(importGraph('server/src')).map((cycle) => cycle.map((file) => relative('server/src', file)).join(' ⇄ '));
    assert.deepEqual(cycles, []);
  });

  it('keeps the plan layer below the rules: nothing in plan/ imports rules/', () => {
    const offenders = [...importGraph('server/src/core/plan')].flatMap(([file, targets]) => targets.filter((t) => t.startsWith(join('server/src/core/rules'))).map((t) => `${file} imports ${t}`));
    assert.deepEqual(offenders, []);
  });

  it('states one version everywhere', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    assert.equal(TOOL_VERSION, manifest.version);
  });
});
