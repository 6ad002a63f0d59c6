// The part every command shares: read the given paths, showing progress on a terminal, and run the
// core on them.

import { AnalysisResult, analyze } from '../core';
import type { CliOptions } from './args';
import { TerminalStream, progressLine } from './progress';
import { LoadedWorkspace, loadWorkspace } from './workspace';

export interface WorkspaceAnalysis {
  readonly workspace: LoadedWorkspace;
  readonly result: AnalysisResult;
}

export async function analyzeWorkspace(options: CliOptions, stderr: TerminalStream): Promise<WorkspaceAnalysis> {
  // Reading includes parsing and extracting each file, the bulk of a run; the rules that follow are quick.
  const progress = progressLine(stderr);
  let workspace: LoadedWorkspace;
  try {
    workspace = await loadWorkspace(options.paths, options.config, options.scope, progress.update);
  } finally {
    progress.clear();
  }
  const result = analyze({ folders: workspace.folders, files: workspace.files, configs: workspace.configs, imports: workspace.imports });
  return { workspace, result };
}
