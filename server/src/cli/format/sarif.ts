// `check --format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. One
// reportingDescriptor per rule of the catalogue; results with 1-based regions in UTF-16 code units,
// the related locations of the other side of a pair, and fixes as text replacements. Artifact URIs
// are relative to %SRCROOT%, the current directory, so that a log made in CI matches the repository.

import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Severity } from '../../core';
import type { Range } from '../locate';
import type { Report, ReportedFinding } from '../report';
import { TOOL_NAME, TOOL_VERSION } from '../version';

const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const SOURCE_ROOT = '%SRCROOT%';
const PROJECT_URI = 'https://github.com/cidr-lens/cidr-lens';

/** What SARIF needs to know of a rule; the core's rule registry provides it. */
export interface RuleMetadata {
  readonly id: string;
  readonly defaultSeverity: Severity;
  readonly description: string;
  /** Where the rule is documented; `docs/rules/<id>.md` in the project repository when absent. */
  readonly helpUri?: string;
}

export interface SarifInput {
  readonly report: Report;
  readonly rules: readonly RuleMetadata[];
  /** The absolute folder that relative paths in the report start from. */
  readonly cwd: string;
  /** Internal errors of the run; SARIF records them as a failed execution. */
  readonly internalErrors: readonly string[];
}

const LEVELS: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', info: 'note' };

export function formatSarif(input: SarifInput): string {
  const ruleIndex = new Map(input.rules.map((rule, index) => [rule.id, index]));
  const location = artifactLocation(input.cwd);
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: TOOL_VERSION,
            semanticVersion: TOOL_VERSION,
            informationUri: PROJECT_URI,
            rules: input.rules.map(reportingDescriptor),
          },
        },
        invocations: [invocation(input, location)],
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: folderUri(input.cwd) } },
        columnKind: 'utf16CodeUnits',
        results: input.report.findings.map((finding) => result(finding, ruleIndex, location)),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function ruleHelpUri(id: string): string {
  return `${PROJECT_URI}/blob/main/docs/rules/${id}.md`;
}

function reportingDescriptor(rule: RuleMetadata) {
  const level = LEVELS[rule.defaultSeverity];
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: {
      text: `${rule.description} Default severity: ${rule.defaultSeverity}. A cluster's .cidr-lens.yaml can change it: rules: { ${rule.id}: error | warning | info | off }.`,
    },
    helpUri: rule.helpUri ?? ruleHelpUri(rule.id),
    defaultConfiguration: { level },
  };
}

type ArtifactLocation = (file: string) => { uri: string; uriBaseId?: string };

function result(finding: ReportedFinding, ruleIndex: ReadonlyMap<string, number>, location: ArtifactLocation) {
  const index = ruleIndex.get(finding.rule);
  return {
    ruleId: finding.rule,
    ...(index !== undefined ? { ruleIndex: index } : {}),
    level: LEVELS[finding.severity],
    message: { text: finding.message },
    locations: [{ physicalLocation: { artifactLocation: location(finding.file), region: region(finding.range) } }],
    ...(finding.related.length > 0
      ? {
          relatedLocations: finding.related.map((related, id) => ({
            id,
            physicalLocation: { artifactLocation: location(related.file), region: region(related.range) },
            message: { text: related.message },
          })),
        }
      : {}),
    ...(finding.fixes.length > 0 ? { fixes: finding.fixes.map((fix) => sarifFix(fix, location)) } : {}),
    properties: { cluster: finding.cluster },
  };
}

/** A fix's edits, grouped by file as SARIF's artifactChanges are, in the order the files first appear. */
function sarifFix(fix: ReportedFinding['fixes'][number], location: ArtifactLocation) {
  const byFile = new Map<string, Array<(typeof fix.edits)[number]>>();
  for (const edit of fix.edits) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
  return {
    description: { text: fix.title },
    artifactChanges: [...byFile].map(([file, edits]) => ({
      artifactLocation: location(file),
      replacements: edits.map((edit) => ({ deletedRegion: region(edit.range), insertedContent: { text: edit.newText } })),
    })),
  };
}

/** SARIF lines and columns are 1-based; the end column is the one just past the last character. */
function region(range: Range) {
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

/** Files skipped by the scan become notes, internal errors errors, so a SARIF viewer shows both. */
function invocation(input: SarifInput, location: ArtifactLocation) {
  const skipped = input.report.summary.skipped.map((s) => ({
    level: 'note',
    message: { text: `Skipped: ${s.reason}` },
    locations: [{ physicalLocation: { artifactLocation: location(s.file) } }],
  }));
  const failures = input.internalErrors.map((error) => ({ level: 'error', message: { text: error } }));
  return { executionSuccessful: failures.length === 0, toolExecutionNotifications: [...skipped, ...failures] };
}

/**
 * A display path (relative to `cwd`) as a SARIF artifact location: relative to %SRCROOT% when the
 * file lies below the current directory, an absolute file URI when it lies elsewhere.
 */
function artifactLocation(cwd: string): ArtifactLocation {
  return (file) => {
    if (file.startsWith('../') || file === '..' || path.isAbsolute(file)) return { uri: pathToFileURL(path.resolve(cwd, file)).href };
    return { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
  };
}

/** SARIF requires a base URI to end with a slash, or relative references would replace its last segment. */
function folderUri(folder: string): string {
  const uri = pathToFileURL(folder).href;
  return uri.endsWith('/') ? uri : uri + '/';
}

function pascalCase(id: string): string {
  return id.replace(/(^|-)([a-z])/g, (_, __: string, letter: string) => letter.toUpperCase());
}
