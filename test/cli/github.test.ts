// `check --format github`: one workflow command per finding, escaped as GitHub's toolkit escapes them.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeData, escapeProperty } from '../../server/src/cli/format/github';
import { tempWorkspace } from '../support/workspace';
import { parseJson, runCli } from './support';

interface JsonReport {
  findings: Array<{ rule: string; severity: string; message: string; file: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }>;
}

describe('check --format github', () => {
  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    assert.equal(escapeData('100% of 10.0.0.0/8\r\nnext: a, b'), '100%25 of 10.0.0.0/8%0D%0Anext: a, b');
    assert.equal(escapeProperty('dir,with:odd%name\n.yaml'), 'dir%2Cwith%3Aodd%25name%0A.yaml');
  });

  it('prints one annotation per finding with 1-based lines and columns, the rule as title', () => {
    const json = parseJson<JsonReport>(runCli(['check', '--format', 'json']));
    const run = runCli(['check', '--format', 'github']);
    assert.equal(run.status, 1);
    const expected = json.findings.map((f) => {
      const command = f.severity === 'info' ? 'notice' : f.severity;
      const position = `line=${f.range.start.line + 1},col=${f.range.start.character + 1},endLine=${f.range.end.line + 1},endColumn=${f.range.end.character + 1}`;
      return `::${command} file=${f.file},${position},title=${f.rule}::${escapeData(f.message)}`;
    });
    assert.deepEqual(run.stdout.trimEnd().split('\n'), expected);
  });

  it('leaves columns out of an annotation that spans lines, as GitHub requires', () => {
    // A network entry without a cidr is reported on the whole entry, which spans two lines.
    const ws = tempWorkspace({ '.cidr-lens.yaml': 'externalNetworks:\n  - name: VPC\n    note: no cidr\n', 'empty.yaml': 'kind: ConfigMap\n' });
    try {
      const run = runCli(['check', '--format', 'github', '--fail-on', 'never'], { cwd: ws.root });
      assert.match(run.stdout, /^::error file=\.cidr-lens\.yaml,line=2,endLine=[3-9],title=invalid-config::each externalNetworks entry needs a cidr\n$/);
    } finally {
      ws.dispose();
    }
  });
});
