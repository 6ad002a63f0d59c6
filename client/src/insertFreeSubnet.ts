// `CIDR Lens: Insert Free Subnet…`: asks for a prefix length, asks the server for the nearest free
// subnets of that length in the cluster of the active file, and inserts the chosen one at the cursor
// (replacing the selection, or the address the cursor stands on).

import { QuickPickItem, window } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FREE_SUBNETS_REQUEST, FreeSubnetsParams, FreeSubnetsResult } from '../../server/src/lsp/protocol';

interface LengthItem extends QuickPickItem {
  readonly bits: number;
  readonly family: 4 | 6;
}

const PRESETS: readonly LengthItem[] = [
  ...[16, 20, 22, 24, 26, 28].map((bits) => lengthItem(bits, 4)),
  ...[48, 56, 64, 112].map((bits) => lengthItem(bits, 6)),
];

export async function insertFreeSubnet(client: LanguageClient): Promise<void> {
  const editor = window.activeTextEditor;
  if (!editor) {
    void window.showErrorMessage('CIDR Lens: open a manifest of the cluster to insert a free subnet into.');
    return;
  }
  const length = await pickLength();
  if (!length) return;
  const params: FreeSubnetsParams = {
    textDocument: { uri: client.code2ProtocolConverter.asUri(editor.document.uri) },
    position: client.code2ProtocolConverter.asPosition(editor.selection.active),
    prefixLength: length.bits,
    family: length.family,
  };
  let result: FreeSubnetsResult;
  try {
    result = await client.sendRequest<FreeSubnetsResult>(FREE_SUBNETS_REQUEST, params);
  } catch (error) {
    void window.showErrorMessage(`CIDR Lens: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  if (result.subnets.length === 0) {
    void window.showInformationMessage(`CIDR Lens: no free /${length.bits} left in the private IPv${result.family} space of cluster ${result.cluster}.`);
    return;
  }
  const chosen = await window.showQuickPick(
    result.subnets.map((s) => ({ label: s.cidr, description: `${Number(s.addresses).toLocaleString('en-US')} addresses`, detail: `free in ${s.privateBlock}, cluster ${result.cluster}` })),
    { title: `Free /${length.bits} subnets, nearest first`, placeHolder: 'Subnet to insert' },
  );
  if (!chosen) return;
  const target = editor.selection.isEmpty ? client.protocol2CodeConverter.asRange(result.range) : editor.selection;
  await editor.edit((edit) => edit.replace(target, chosen.label));
}

/** A quick pick of common lengths that also takes a typed one (`23`, `/23`, `v6 /60`). */
function pickLength(): Promise<LengthItem | undefined> {
  const pick = window.createQuickPick<LengthItem>();
  pick.title = 'Insert Free Subnet: prefix length';
  pick.placeholder = 'Choose or type a prefix length, e.g. 24 (IPv4) or 64 (IPv6)';
  pick.items = PRESETS;
  pick.onDidChangeValue((value) => {
    const typed = parseLength(value);
    pick.items = typed && !PRESETS.some((p) => p.bits === typed.bits && p.family === typed.family) ? [typed, ...PRESETS] : PRESETS;
  });
  return new Promise((resolve) => {
    pick.onDidAccept(() => {
      resolve(pick.selectedItems[0] ?? parseLength(pick.value));
      pick.hide();
    });
    pick.onDidHide(() => {
      resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}

function parseLength(value: string): LengthItem | undefined {
  const match = /^\s*(v6|ipv6)?\s*\/?\s*(\d{1,3})\s*$/i.exec(value);
  if (!match) return undefined;
  const bits = Number(match[2]);
  const family = match[1] || bits > 32 ? 6 : 4;
  return bits <= (family === 4 ? 32 : 128) ? lengthItem(bits, family) : undefined;
}

function lengthItem(bits: number, family: 4 | 6): LengthItem {
  const size = family === 4 ? (2 ** (32 - bits)).toLocaleString('en-US') : `2^${128 - bits}`;
  return { label: `/${bits}`, description: `IPv${family} · ${size} addresses`, bits, family };
}
