// What the request handlers share: the analysed workspace, positions of analysed texts, the settings,
// and how the client wants edits.

import type { ScopeIndex } from '../core';
import type { EditTarget, TextPositions } from './convert';
import type { RequestContext } from './requests';
import type { ServerSettings } from './settings';
import type { WorkspaceState } from './workspaceState';

export interface FeatureContext extends RequestContext, EditTarget {
  readonly state: WorkspaceState;
  positionsOf(uri: string): TextPositions;
  settings(): ServerSettings;
}

/** A document as the last analysis saw it: its text, positions, and the index of its cluster scope. */
export interface AnalysedDocument {
  readonly uri: string;
  readonly positions: TextPositions;
  readonly index?: ScopeIndex;
}

export function analysedDocument(ctx: FeatureContext, uri: string): AnalysedDocument | undefined {
  if (ctx.state.analysedTextOf(uri) === undefined) return undefined;
  const scope = ctx.state.scopeOf(uri);
  return { uri, positions: ctx.positionsOf(uri), ...(scope ? { index: ctx.state.indexOf(scope) } : {}) };
}
