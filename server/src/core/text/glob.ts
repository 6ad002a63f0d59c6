// Glob patterns for `ignore` and `cidrLens.scan.exclude`: `**` (any folders), `*` (any characters
// but `/`), `?`, `{a,b}` alternatives and `[...]` classes. A pattern without `/` matches at any depth,
// as in .gitignore.

export function globToRegExp(pattern: string): RegExp {
  let source = '';
  let i = 0;
  const anyDepth = !pattern.includes('/');
  let body = pattern.startsWith('/') ? pattern.slice(1) : pattern;
  if (body.endsWith('/')) body += '**';
  while (i < body.length) {
    const c = body[i];
    if (c === '*' && body[i + 1] === '*') {
      const slashAfter = body[i + 2] === '/';
      source += slashAfter ? '(?:.*/)?' : '.*';
      i += slashAfter ? 3 : 2;
      continue;
    }
    if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '{') {
      const close = body.indexOf('}', i);
      if (close < 0) source += '\\{';
      else {
        source += `(?:${body.slice(i + 1, close).split(',').map(escapeRegExp).join('|')})`;
        i = close;
      }
    } else if (c === '[') {
      const close = body.indexOf(']', i);
      if (close < 0) source += '\\[';
      else {
        source += body.slice(i, close + 1).replace('[!', '[^');
        i = close;
      }
    } else source += escapeRegExp(c);
    i++;
  }
  return new RegExp(`^${anyDepth ? '(?:.*/)?' : ''}${source}(?:/.*)?$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function matchesAnyGlob(relativePath: string, patterns: readonly RegExp[]): boolean {
  return patterns.some((p) => p.test(relativePath));
}
