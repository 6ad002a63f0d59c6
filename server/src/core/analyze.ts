// The core's entry point: manifest files and config files in, each cluster's plan and findings out.
// Pure: no file system, no LSP; the CLI and the language server feed it texts and print or publish.

import { type Finding, type Severity, MAX_RELATED } from './model';
import type { ManifestFile } from './manifest/file';
import { substituteFluxVariables } from './manifest/fluxSubstitution';
import { isSuppressed } from './manifest/suppressions';
import { ClusterConfig, ConfigFile, SettingsInput, configFromSettings } from './plan/config';
import { quoted, staysInWorkspace } from './plan/configValues';
import type { ImportFile } from './plan/importEntries';
import { configWithImports, settingsWithImports } from './plan/imports';
import { AddressPlan, buildPlan } from './plan/plan';
import { Placements, Scope, assignScopes } from './plan/scopes';
import { rules } from './rules';
import type { RuleContext } from './rules/rule';
import { lineIndexOf, positionAt, LineIndex } from './text/lineIndex';
import { baseName } from './text/format';
import { globBudgetExhausted } from './text/glob';
import { dirName, isInside } from './text/paths';

export interface AnalysisInput {
  readonly folders: readonly string[];
  readonly files: readonly ManifestFile[];
  readonly configs: readonly ConfigFile[];
  readonly settings?: SettingsInput;
  /** The IPAM export files that `externalNetworks: [{ from: … }]` entries name (see `importTargets`). */
  readonly imports?: readonly ImportFile[];
}

/**
 * What one scope's result was computed from. `ManifestFile` and `ConfigFile` values are immutable and
 * a front end replaces them when a text changes, so the same objects mean the same content.
 */
export interface ScopeInputs {
  readonly files: readonly ManifestFile[];
  readonly configFile: ConfigFile | undefined;
  readonly settings: SettingsInput | undefined;
}

export interface ScopeAnalysis {
  readonly scope: Scope;
  readonly plan: AddressPlan;
  readonly findings: readonly Finding[];
  /** The plans of the `connectedClusters` the findings were checked against. */
  readonly connected: readonly AddressPlan[];
  readonly inputs: ScopeInputs;
}

export interface AnalysisResult {
  readonly scopes: readonly ScopeAnalysis[];
  /** Every finding: per scope, plus the config files' own. */
  readonly findings: readonly Finding[];
  /**
   * Extractors and rules that failed internally, naming the file or scope they failed on; front ends
   * log these. A file's extractor failures are listed by the first analysis that sees its content, so
   * an incremental analysis does not repeat them.
   */
  readonly internalErrors: readonly string[];
  /** Where each file belonged, for the next incremental analysis (see `Placements`). */
  readonly placements: Placements;
}

/**
 * Analyses every scope of the input. Given the `previous` result, a scope whose inputs are the same
 * objects as then keeps its plan, and keeps its findings too when its connected clusters' plans are
 * also unchanged; so after an edit only the scopes the edited file belongs to (or is connected to)
 * run their rules again. The result is the same as a fresh analysis of the input.
 */
export function analyze(input: AnalysisInput, previous?: AnalysisResult): AnalysisResult {
  const imports = input.imports ?? [];
  const importedSettings = settingsWithImports(settingsConfig(input.settings), imports, input.folders);
  const settings = importedSettings.config;
  const configs = input.configs.map((c) => configWithImports(c, imports, input.folders));
  const files = substituteFluxVariables(input.files, input.folders);
  const { scopes, placements } = assignScopes({ ...input, files, configs, settings }, previous?.placements);
  const configsByUri = new Map(configs.map((c) => [c.uri, c]));
  const earlier = new Map((previous?.scopes ?? []).map((s) => [s.scope.id, s]));
  const prepared = scopes.map((scope) => {
    const inputs: ScopeInputs = { files: scope.files, configFile: scope.configUri ? configsByUri.get(scope.configUri) : undefined, settings: input.settings };
    const before = earlier.get(scope.id);
    const plan = before && sameInputs(before.inputs, inputs) && sameImports(before.scope.config, scope.config) ? before.plan : buildPlan(scope);
    return { inputs, plan, before };
  });
  const plans = prepared.map((p) => p.plan);
  const internalErrors: string[] = newFileErrors(input.files, previous);
  const results = prepared.map(({ inputs, plan, before }): ScopeAnalysis => {
    const connected = connectedPlans(plan, plans, input.folders);
    if (before && before.plan === plan && sameItems(before.connected, connected)) return before;
    return { scope: plan.scope, plan, connected, inputs, findings: analyzeScope(plan, connected, internalErrors, inputs.configFile, imports) };
  });
  const configFindings = [...configs.flatMap((c) => [...c.findings, ...pathsLeavingWorkspace(c, input.folders), ...ignoreOverBudget(c)]), ...importedSettings.findings];
  return { scopes: results, findings: [...results.flatMap((r) => r.findings), ...configFindings], internalErrors, placements };
}

const settingsConfigs = new WeakMap<SettingsInput, ClusterConfig>();

/** The settings as a config, the same object for the same settings object, so placements stay valid across edits. */
function settingsConfig(settings: SettingsInput | undefined): ClusterConfig {
  if (!settings) return configFromSettings(undefined);
  let config = settingsConfigs.get(settings);
  if (!config) settingsConfigs.set(settings, (config = configFromSettings(settings)));
  return config;
}

/** The extractor failures of the files the previous analysis did not have (as these very objects). */
function newFileErrors(files: readonly ManifestFile[], previous: AnalysisResult | undefined): string[] {
  // Files with extractor failures are rare: the set of known files is only built when there is one.
  const failed = files.filter((file) => file.internalErrors.length > 0);
  if (failed.length === 0) return [];
  const known = new Set(previous?.scopes.flatMap((s) => s.inputs.files) ?? []);
  return failed.filter((file) => !known.has(file)).flatMap((file) => file.internalErrors);
}

/**
 * The plans of the other scopes that lie inside one of the scope's `connectedClusters` roots. A root
 * outside the workspace is refused (`pathsLeavingWorkspace` says so): `../../..` would otherwise
 * connect every cluster of the workspace.
 */
function connectedPlans(plan: AddressPlan, all: readonly AddressPlan[], folders: readonly string[]): AddressPlan[] {
  const roots = plan.scope.config.connectedClusters.filter((root) => staysInWorkspace(root, folders, plan.scope.root));
  if (roots.length === 0) return [];
  return all.filter((other) => other.scope.id !== plan.scope.id && roots.some((root) => isInside(other.scope.root, root)));
}

/** A finding on an `ignore` list that ran out of its matching budget (see MAX_GLOB_STEPS): files it may have left out are checked. */
function ignoreOverBudget(config: ConfigFile): Finding[] {
  if (!config.ignoreLocation || !globBudgetExhausted(config.config.ignore)) return [];
  const message = 'matching the ignore globs ran out of budget (they are built to be slow); files they did not reach are checked';
  return [{ rule: 'invalid-config', severity: 'warning', message, uri: config.ignoreLocation.uri, span: config.ignoreLocation.span, related: [], fixes: [] }];
}

/** A finding on each path of a config file that leads out of the workspace; such a path is never used. */
function pathsLeavingWorkspace(config: ConfigFile, folders: readonly string[]): Finding[] {
  return config.paths
    .filter((p) => !staysInWorkspace(p.resolved, folders, dirName(config.uri)))
    .map((p) => ({
      rule: 'invalid-config',
      severity: 'warning',
      message: `${p.key} entry ${quoted(p.text)} leads out of the workspace; it is ignored`,
      uri: p.location.uri,
      span: p.location.span,
      related: [],
      fixes: [],
    }));
}

function sameInputs(a: ScopeInputs, b: ScopeInputs): boolean {
  return a.configFile === b.configFile && a.settings === b.settings && sameItems(a.files, b.files);
}

/**
 * The networks the settings' imports read change when an export does, which the settings object does
 * not show; resolved lists are the same arrays while their exports are the same objects.
 */
function sameImports(a: ClusterConfig, b: ClusterConfig): boolean {
  return a.externalNetworks === b.externalNetworks && a.allocateFrom === b.allocateFrom;
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

export function analyzeScope(plan: AddressPlan, connected: readonly AddressPlan[], internalErrors: string[] = [], configFile?: ConfigFile, imports: readonly ImportFile[] = []): Finding[] {
  const config = plan.scope.config;
  const texts = new Map(plan.scope.files.map((f) => [f.uri, f]));
  // Messages name the line of an imported network in its export, which the config file's or the settings' imports hold.
  const textOf = (uri: string) => texts.get(uri)?.text ?? (configFile?.uri === uri ? configFile.text : imports.find((f) => f.uri === uri)?.text ?? '');
  const lineIndexes = new Map<string, LineIndex>();
  const ctx: RuleContext = {
    plan,
    config,
    connected,
    locate(uri, offset) {
      let index = lineIndexes.get(uri);
      if (!index) lineIndexes.set(uri, (index = lineIndexOf(textOf(uri))));
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
      const bounded = withBoundedRelated(finding);
      findings.push(setting ? { ...bounded, severity: setting as Severity } : bounded);
    }
  }
  return dedupe(findings).sort(compareFindings);
}

function withBoundedRelated(finding: Finding): Finding {
  return finding.related.length > MAX_RELATED ? { ...finding, related: finding.related.slice(0, MAX_RELATED) } : finding;
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
