// Template placeholders that make an otherwise fine manifest fail to parse: Helm and Jinja
// (`{{ .Values.podCidr }}`, `{%- if x %}`), Terraform's templatefile (`[${pod_cidr}]` in a flow list,
// `%{ for ip in ips }` directives) and token substitutions (`%k8sver%`). Masking them keeps
// every offset (same length, same line breaks), so the rest of the document is read with exact spans,
// and the masked values themselves read as templates, not as mistakes.

import type { SourceText } from './sourceText';

/** The character a masked placeholder is made of: legal inside plain and quoted scalars. */
export const TEMPLATE_MASK = '\u2592';

const MARKERS = /\{\{|\{%|%\{|\$\{|%[A-Za-z_][A-Za-z0-9_]*%/;
/** A line holding nothing but control flow (`{{- if … }}`, `{% endfor %}`, `%{ endfor ~}`): it becomes blank. */
const DIRECTIVE_LINE = /^[ \t]*(\{\{-?[^\n]*?-?\}\}|\{%-?[^\n]*?-?%\}|%\{[^\n]*?\})[ \t]*$/gm;
const EXPRESSION = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|[$%]\{[^}\n]*\}|%[A-Za-z_][A-Za-z0-9_]*%/g;

export function hasTemplateMarkers(text: string): boolean {
  return MARKERS.test(text);
}

/** The same text with placeholders masked; undefined when there is nothing to mask. */
export function maskTemplates(source: SourceText): SourceText | undefined {
  if (!hasTemplateMarkers(source.text)) return undefined;
  const masked = source.text
    .replace(DIRECTIVE_LINE, (line) => ' '.repeat(line.length))
    .replace(EXPRESSION, (expression) => expression.replace(/[^\r\n]/g, TEMPLATE_MASK));
  return { text: masked, fileOffset: source.fileOffset, fileEnd: source.fileEnd };
}
