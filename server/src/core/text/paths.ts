// Path arithmetic on URIs and relative paths with `/` separators. The core never touches a file
// system; front ends hand it `file:///…` URIs (LSP) or relative paths (CLI), and both work here.

export function dirName(uri: string): string {
  const slash = uri.lastIndexOf('/');
  return slash < 0 ? '' : uri.slice(0, slash);
}

/** Whether `uri` lies inside the folder `dir` (or is `dir` itself). */
export function isInside(uri: string, dir: string): boolean {
  if (dir === '') return true;
  return uri === dir || uri.startsWith(dir.endsWith('/') ? dir : dir + '/');
}

/** `uri` relative to the folder `dir`; `uri` itself when it is not inside. */
export function relativeTo(uri: string, dir: string): string {
  if (dir === '') return uri;
  const prefix = dir.endsWith('/') ? dir : dir + '/';
  return uri.startsWith(prefix) ? uri.slice(prefix.length) : uri;
}

/** Resolves a relative path such as `../staging` against the folder `dir`. */
export function resolvePath(dir: string, path: string): string {
  if (path.startsWith('/') && !dir.includes('://')) return normalise(path);
  const schemeEnd = dir.indexOf('://');
  const scheme = schemeEnd >= 0 ? dir.slice(0, schemeEnd + 3) : '';
  const rest = schemeEnd >= 0 ? dir.slice(schemeEnd + 3) : dir;
  return scheme + normalise(path.startsWith('/') ? path : `${rest}/${path}`);
}

function normalise(path: string): string {
  const absolute = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else if (part !== '..' || !absolute) parts.push(part);
  }
  return (absolute ? '/' : '') + parts.join('/');
}

export function baseNameOf(path: string): string {
  const trimmed = path.endsWith('/') ? path.slice(0, -1) : path;
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}
