// One spelling per file. Clients spell file URIs in their own ways (`file:///c%3A/x` for `c:\x`);
// the server keys everything by the URI Node would write for the path, whatever the client sent.

import { fileURLToPath, pathToFileURL } from 'node:url';

export function normaliseUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return pathToFileURL(fileURLToPath(uri)).href;
  } catch {
    return uri;
  }
}

/** The file system path of a `file:` URI, or undefined for other schemes. */
export function pathOf(uri: string): string | undefined {
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** Whether `uri` is `folder` itself or lies below it. */
export function isAtOrBelow(uri: string, folder: string): boolean {
  return uri === folder || uri.startsWith(folder.endsWith('/') ? folder : folder + '/');
}
