// Validation against the SARIF 2.1.0 JSON schema (test/cli/schema, vendored; see its README) with
// Ajv, the widely used JSON-schema validator. The schema uses four string formats; Ajv checks
// formats only when told how, so they are defined here after the RFCs they name.

import Ajv2020 from 'ajv/dist/2020';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './support';

/** RFC 3986 characters, `%` only as the start of a percent-encoded octet. */
const URI_REFERENCE = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;
/** RFC 3986 §3.1: an absolute URI starts with a scheme. */
const URI_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
/** RFC 3339 §5.6 `date-time`. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i;
/** RFC 4122 textual form. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function createValidator() {
  // `strictRequired` would reject the schema's own `anyOf: [{ required: [...] }]` idiom, which is
  // valid JSON Schema; every other strict check stays on, so a typo in the schema cannot pass silently.
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
  ajv.addFormat('uri', (text: string) => URI_SCHEME.test(text) && URI_REFERENCE.test(text));
  ajv.addFormat('uri-reference', URI_REFERENCE);
  ajv.addFormat('date-time', DATE_TIME);
  ajv.addFormat('uuid', UUID);
  return ajv.compile(JSON.parse(readFileSync(join(REPO, 'test/cli/schema/sarif-2.1.0.json'), 'utf8')) as object);
}

let validator: ReturnType<typeof createValidator> | undefined;

/** The schema violations of a SARIF log, one line each; empty when it is valid. */
export function sarifSchemaErrors(log: unknown): string[] {
  validator ??= createValidator();
  if (validator(log)) return [];
  return (validator.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`);
}
