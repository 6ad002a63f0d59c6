// Temporary workspaces on disk for protocol and CLI tests.

import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface TempWorkspace {
  readonly root: string;
  readonly rootUri: string;
  uri(relative: string): string;
  path(relative: string): string;
  write(relative: string, text: string): void;
  remove(relative: string): void;
  dispose(): void;
}

export function tempWorkspace(files: Readonly<Record<string, string>>): TempWorkspace {
  const root = mkdtempSync(join(tmpdir(), 'cidr-lens-'));
  const ws: TempWorkspace = {
    root,
    rootUri: pathToFileURL(root).href,
    uri: (relative) => pathToFileURL(join(root, relative)).href,
    path: (relative) => join(root, relative),
    write(relative, text) {
      mkdirSync(dirname(join(root, relative)), { recursive: true });
      writeFileSync(join(root, relative), text);
    },
    remove(relative) {
      rmSync(join(root, relative), { force: true, recursive: true });
    },
    dispose() {
      rmSync(root, { recursive: true, force: true });
    },
  };
  for (const [relative, text] of Object.entries(files)) ws.write(relative, text);
  return ws;
}
