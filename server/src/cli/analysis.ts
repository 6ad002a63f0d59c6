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
  const progress = progressLine(stderr);
  try {
    const workspace = await loadWorkspace(options.paths, options.config, options.scope, progress.update);
    const result = analyze({ folders: workspace.folders, files: workspace.files, configs: workspace.configs });
    return { workspace, result };
  } finally {
    progress.clear();
  }
}
