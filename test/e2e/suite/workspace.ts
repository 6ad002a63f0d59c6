// The fixture workspace (test/e2e/workspace/) as the tests see it: its files, the values they hold,
// and the editor state the tests change and must restore.
import * as vscode from 'vscode';

/**
 * Values written in the fixture files. Tests find them by their text, as a user's eye would, so each
 * appears exactly once in its file (comments included); rangeOf() fails otherwise.
 */
export const VALUES = {
  podSubnet: '10.244.0.0/16', // kubeadm.yaml networking.podSubnet
  serviceSubnet: '10.96.0.0/12', // kubeadm.yaml networking.serviceSubnet
  flannelNetwork: '10.245.0.0/16', // kube-flannel.yaml, net-conf.json "Network": disagrees with podSubnet
  calicoPool: '10.244.1.0/16', // calico-ippool.yaml spec.cidr: host bits set
  calicoPoolCanonical: '10.244.0.0/16',
  dnsClusterIp: '10.96.0.10', // services-and-nodes.yaml, Service kube-dns
} as const;

export type FixtureFile = 'kubeadm.yaml' | 'kube-flannel.yaml' | 'calico-ippool.yaml' | 'services-and-nodes.yaml';

export function fixtureUri(file: FixtureFile): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open; the runner must open test/e2e/workspace (a copy of it)');
  return vscode.Uri.joinPath(folder.uri, file);
}

export function isOpen(uri: vscode.Uri): boolean {
  return vscode.workspace.textDocuments.some((doc) => doc.uri.toString() === uri.toString());
}

/** The range of `text` in `doc`, which must hold it exactly once. */
export function rangeOf(doc: vscode.TextDocument, text: string): vscode.Range {
  const content = doc.getText();
  const at = content.indexOf(text);
  const file = vscode.workspace.asRelativePath(doc.uri);
  if (at < 0) throw new Error(`${file} no longer contains "${text}"`);
  if (content.indexOf(text, at + 1) >= 0) throw new Error(`${file} contains "${text}" more than once; the tests could pick the wrong one`);
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + text.length));
}

/** A position inside `text`, where a user's mouse would rest to hover it. */
export function middleOf(doc: vscode.TextDocument, text: string): vscode.Position {
  const range = rangeOf(doc, text);
  return range.start.translate(0, Math.floor(text.length / 2));
}

/** Discards unsaved edits of `doc`, as File > Revert does, so the next test sees the fixture as written. */
export async function revert(doc: vscode.TextDocument): Promise<void> {
  if (!doc.isDirty) return;
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

/**
 * Leaves the window as the suite found it: the UI checks of Runner 2 run next in the same window, and
 * closing a modified editor would open a "Save changes?" dialog that nobody answers.
 */
export async function leaveEditorsAsFound(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) await revert(doc);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
