// The core's entry point: manifest files and config files in, each cluster's plan and findings out.
// Pure: no file system, no LSP; the CLI and the language server feed it texts and print or publish.

import type { Finding, Severity } from './model';
import type { ManifestFile } from './manifest/file';
import { isSuppressed } from './manifest/suppressions';
import { ConfigFile, SettingsInput, configFromSettings } from './plan/config';
import { AddressPlan, buildPlan } from './plan/plan';
import { Scope, assignScopes } from './plan/scopes';
import { rules } from './rules';
import type { RuleContext } from './rules/rule';
import { lineIndexOf, positionAt, LineIndex } from './text/lineIndex';
import { baseName } from './text/format';
import { isInside } from './text/paths';

export interface AnalysisInput {
  readonly folders: readonly string[];
  readonly files: readonly ManifestFile[];
  readonly configs: readonly ConfigFile[];
  readonly settings?: SettingsInput;
}

export interface ScopeAnalysis {
  readonly scope: Scope;
  readonly plan: AddressPlan;
  readonly findings: readonly Finding[];
}

export interface AnalysisResult {
  readonly scopes: readonly ScopeAnalysis[];
  /** Every finding: per scope, plus the config files' own. */
  readonly findings: readonly Finding[];
  /** Rules that failed internally, with the scope they failed on; front ends log these. */
  readonly internalErrors: readonly string[];
}

export function analyze(input: AnalysisInput): AnalysisResult {
  const scopes = assignScopes({ ...input, settings: configFromSettings(input.settings) });
  const plans = new Map(scopes.map((s) => [s.id, buildPlan(s)]));
  const internalErrors: string[] = [];
  const results = scopes.map((scope) => {
    const plan = plans.get(scope.id)!;
    const connected = scope.config.connectedClusters.flatMap((root) => [...plans.values()].filter((p) => p.scope.id !== scope.id && isInside(p.scope.root, root)));
    return { scope, plan, findings: analyzeScope(plan, connected, internalErrors) };
  });
  const configFindings = input.configs.flatMap((c) => c.findings);
  return { scopes: results, findings: [...results.flatMap((r) => r.findings), ...configFindings], internalErrors };
}

export function analyzeScope(plan: AddressPlan, connected: readonly AddressPlan[], internalErrors: string[] = []): Finding[] {
  const config = plan.scope.config;
  const texts = new Map(plan.scope.files.map((f) => [f.uri, f]));
  const lineIndexes = new Map<string, LineIndex>();
  const ctx: RuleContext = {
    plan,
    config,
    connected,
    locate(uri, offset) {
      let index = lineIndexes.get(uri);
      if (!index) lineIndexes.set(uri, (index = lineIndexOf(texts.get(uri)?.text ?? '')));
      return `${baseName(uri)}:${positionAt(index, offset).line + 1}`;
    },
  };
  const findings: Finding[] = [];
  for (const rule of rules) {
    const setting = config.rules[rule.id];
    if (setting === 'off') continue;
    let produced: Finding[];
    try {
      produced = rule.run(ctx);
    } catch (error) {
      internalErrors.push(`rule ${rule.id} failed on cluster ${plan.scope.name}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      continue;
    }
    for (const finding of produced) {
      const file = texts.get(finding.uri);
      if (file && isSuppressed(finding, file.suppressions)) continue;
      findings.push(setting ? { ...finding, severity: setting as Severity } : finding);
    }
  }
  return dedupe(findings).sort(compareFindings);
}

/** The same finding can be produced twice when a value pairs with two equal ranges; keep one. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.uri}|${f.span.start}|${f.span.end}|${f.rule}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.span.start - b.span.start || a.span.end - b.span.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}
