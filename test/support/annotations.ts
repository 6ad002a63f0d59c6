// Annotated fixtures (model-codebases.md §7.8): a fixture is a valid manifest (or several, split by
// `#- file: path` headers) whose expectations are YAML comments with carets under the characters
// they are about:
//
//   podSubnet: 10.96.0.0/16
//   #          ^^^^^^^^^^^^ error[range-overlap]: lies inside 10.96.0.0/12
//
// The text after the colon must occur in the actual message (omit it to check only rule and place).
// An annotation belongs to the nearest line above it that is not an annotation.

export interface FixtureFile {
  readonly path: string;
  /** The file's text with annotation lines removed. */
  readonly text: string;
  readonly annotations: readonly Annotation[];
}

export interface Annotation {
  /** 0-based line in the annotation-free text. */
  readonly line: number;
  readonly startCharacter: number;
  readonly endCharacter: number;
  /** `error`, `warning`, `info` for findings; `fact` for extracted facts. */
  readonly kind: string;
  /** The rule id, or the fact's role. */
  readonly tag: string;
  readonly message: string;
}

const FILE_HEADER = /^#- file: (.+)$/;
const ANNOTATION = /^(\s*#\s*)(\^+)\s+([a-z]+)\[([a-z0-9-]+)\](?::\s?(.*))?$/;

export function isAnnotationLine(line: string): boolean {
  return ANNOTATION.test(line.replace(/\r$/, ''));
}

export function parseFixture(text: string, defaultPath = 'fixture.yaml'): FixtureFile[] {
  const sections: Array<{ path: string; lines: string[] }> = [];
  let current: { path: string; lines: string[] } | undefined;
  const lineEnding = text.includes('\r\n') ? '\r\n' : '\n';
  for (const line of text.split(lineEnding)) {
    const header = FILE_HEADER.exec(line);
    if (header) {
      current = { path: header[1].trim(), lines: [] };
      sections.push(current);
      continue;
    }
    if (!current) {
      current = { path: defaultPath, lines: [] };
      sections.push(current);
    }
    current.lines.push(line);
  }
  return sections.map(({ path, lines }) => {
    const kept: string[] = [];
    const annotations: Annotation[] = [];
    for (const line of lines) {
      const match = ANNOTATION.exec(line);
      if (match && kept.length > 0) {
        const start = match[1].length;
        annotations.push({
          line: kept.length - 1,
          startCharacter: start,
          endCharacter: start + match[2].length,
          kind: match[3],
          tag: match[4],
          message: (match[5] ?? '').trim(),
        });
        continue;
      }
      kept.push(line);
    }
    while (kept.length > 0 && kept[kept.length - 1] === '' && lines.length > 1) kept.pop();
    return { path, text: kept.join(lineEnding) + lineEnding, annotations };
  });
}

/** Renders annotations back into a file's text, in canonical order, for readable diffs and updates. */
export function renderAnnotated(file: { text: string; annotations: readonly Annotation[] }): string {
  const lineEnding = file.text.includes('\r\n') ? '\r\n' : '\n';
  const lines = file.text.split(lineEnding);
  if (lines[lines.length - 1] === '') lines.pop();
  const byLine = new Map<number, Annotation[]>();
  for (const a of file.annotations) {
    const list = byLine.get(a.line) ?? [];
    list.push(a);
    byLine.set(a.line, list);
  }
  const out: string[] = [];
  lines.forEach((line, index) => {
    out.push(line);
    const list = (byLine.get(index) ?? []).sort(compareAnnotations);
    for (const a of list) {
      const prefix = a.startCharacter >= 2 ? '#' + ' '.repeat(a.startCharacter - 1) : '#';
      const carets = '^'.repeat(Math.max(1, a.endCharacter - a.startCharacter));
      out.push(`${prefix}${carets} ${a.kind}[${a.tag}]${a.message ? `: ${a.message}` : ''}`);
    }
  });
  return out.join(lineEnding) + lineEnding;
}

export function compareAnnotations(a: Annotation, b: Annotation): number {
  return a.line - b.line || a.startCharacter - b.startCharacter || a.endCharacter - b.endCharacter || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0) || (a.message < b.message ? -1 : 1);
}
