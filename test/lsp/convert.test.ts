// The conversions at the LSP edge that the protocol tests cannot reach with today's rules: a fix
// whose edits span two files, with and without versioned document changes, and positions past the end.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { textPositions, toOffset, toWorkspaceEdit } from '../../server/src/lsp/convert';

const TEXTS: Record<string, string> = {
  'file:///c/flannel.yaml': 'data:\n  net-conf.json: |\n    { "Network": "10.245.0.0/16" }\n',
  'file:///c/kubeadm.yaml': 'networking:\n  podSubnet: 10.244.0.0/16\n',
};
const positionsOf = (uri: string) => textPositions(TEXTS[uri]);

/** Aligning both sides at once: the kind of fix that edits two files in one WorkspaceEdit. */
const EDITS = [
  { uri: 'file:///c/flannel.yaml', span: { start: 43, end: 56 }, newText: '10.250.0.0/16' },
  { uri: 'file:///c/kubeadm.yaml', span: { start: 25, end: 38 }, newText: '10.250.0.0/16' },
];

describe('workspace edits across files', () => {
  it('groups the edits by file as plain changes', () => {
    assert.deepEqual(toWorkspaceEdit(EDITS, { positionsOf }), {
      changes: {
        'file:///c/flannel.yaml': [{ range: { start: { line: 2, character: 18 }, end: { line: 2, character: 31 } }, newText: '10.250.0.0/16' }],
        'file:///c/kubeadm.yaml': [{ range: { start: { line: 1, character: 13 }, end: { line: 1, character: 26 } }, newText: '10.250.0.0/16' }],
      },
    });
  });

  it('versions open documents and leaves closed files at null in documentChanges', () => {
    const versionOf = (uri: string) => (uri.endsWith('kubeadm.yaml') ? 7 : null);
    const edit = toWorkspaceEdit(EDITS, { positionsOf, versionOf });
    assert.deepEqual(
      edit.documentChanges?.map((change) => ('textDocument' in change ? change.textDocument : undefined)),
      [
        { uri: 'file:///c/flannel.yaml', version: null },
        { uri: 'file:///c/kubeadm.yaml', version: 7 },
      ],
    );
  });
});

describe('positions', () => {
  it('has no offset for a line past the end, and clamps a character past the line end', () => {
    const positions = textPositions('a: 1\nb: 2\n');
    assert.equal(toOffset(positions, { line: 9999, character: 0 }), undefined);
    assert.equal(toOffset(positions, { line: 0, character: 99 }), 5);
    assert.equal(toOffset(positions, { line: 2, character: 0 }), 10);
  });
});
