// The checks of issue 7, against SPEC §4 behaviour, through the same `vscode` API an extension or a
// user's keystrokes would use. They run in order: later ones rely on the extension being active, and
// each restores the fixture text and settings it changed.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { anyFindingInWorkspace, findings, ruleOf, until, untilGone } from './diagnostics';
import type { Register } from './framework';
import { VALUES, fixtureUri, isOpen, middleOf, rangeOf, revert } from './workspace';

const EXTENSION_ID = 'cidr-lens.cidr-lens';
// The first findings wait for the server to start and scan the workspace.
const FIRST_FINDINGS_MS = 45_000;

export function registerTests(test: Register): void {
  test('activates when a YAML file of the workspace opens', activatesOnYaml, { essential: true, timeoutMs: FIRST_FINDINGS_MS + 5_000 });
  test('reports non-canonical-cidr in calico-ippool.yaml without opening it', reportsClosedFiles);
  test("pod-network-mismatch sits on exactly Flannel's Network value inside net-conf.json", mismatchOnEmbeddedJson);
  test("pod-network-mismatch is reported on kubeadm's podSubnet too", mismatchOnBothValues);
  test('hover on a /16 states 65,536 addresses', hoverOnSlash16);
  test("hover works inside Flannel's embedded JSON", hoverInEmbeddedJson);
  test('hover on a bare IP names the range it belongs to', hoverOnBareIp);
  test('quick fix canonicalises 10.244.1.0/16 to 10.244.0.0/16', canonicaliseQuickFix);
  test('editing kubeadm.yaml updates the findings of the files it affects', crossFileUpdate);
  test('cidrLens.rules turns pod-network-mismatch off and on again', rulesSetting);
  test('inlay hint after the podSubnet value', inlayHint);
}

async function activatesOnYaml(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in this VS Code`);
  // Nothing here calls extension.activate(): opening a YAML file must be enough.
  const doc = await vscode.workspace.openTextDocument(fixtureUri('kubeadm.yaml'));
  assert.equal(doc.languageId, 'yaml');
  await vscode.window.showTextDocument(doc);
  try {
    await until(anyFindingInWorkspace, 'the first CIDR Lens finding', FIRST_FINDINGS_MS);
  } catch (error) {
    // From here a failed activation (a crashing server, say) looks like none: the log tells them apart.
    const log = 'the "CIDR Lens" output channel (Runner 2: test-results/e2e/vscode-logs/*/exthost1/cidr-lens.cidr-lens/)';
    throw new Error(`${(error as Error).message}\nextension active: ${extension.isActive}; see ${log}`);
  }
  assert.ok(extension.isActive, 'findings arrived but the extension reports itself inactive');
}

async function reportsClosedFiles(): Promise<void> {
  const uri = fixtureUri('calico-ippool.yaml');
  assert.ok(!isOpen(uri), 'calico-ippool.yaml is already open; this test is about files never opened');
  const [finding] = await until(() => findings(uri, 'non-canonical-cidr'), 'non-canonical-cidr in calico-ippool.yaml');
  assert.equal(finding.severity, vscode.DiagnosticSeverity.Error, 'Calico rejects a pool with host bits: error');
  assertLinksToRulePage(finding);
  const doc = await vscode.workspace.openTextDocument(uri);
  assert.equal(doc.getText(finding.range), VALUES.calicoPool);
}

async function mismatchOnEmbeddedJson(): Promise<void> {
  const uri = fixtureUri('kube-flannel.yaml');
  const [finding] = await until(() => findings(uri, 'pod-network-mismatch'), 'pod-network-mismatch in kube-flannel.yaml');
  const doc = await vscode.workspace.openTextDocument(uri);
  assert.equal(doc.getText(finding.range), VALUES.flannelNetwork, 'the range must cover the value inside the JSON string, without quotes');
  assert.equal(finding.severity, vscode.DiagnosticSeverity.Error, 'flanneld with --kube-subnet-mgr refuses such nodes: error');
  assertLinksToRulePage(finding);
  const related = finding.relatedInformation ?? [];
  assert.ok(
    related.some((info) => info.location.uri.toString() === fixtureUri('kubeadm.yaml').toString()),
    `relatedInformation should point at kubeadm.yaml's podSubnet; it holds: ${related.map((r) => r.location.uri.path).join(', ') || 'nothing'}`,
  );
}

async function mismatchOnBothValues(): Promise<void> {
  const uri = fixtureUri('kubeadm.yaml');
  const [finding] = await until(() => findings(uri, 'pod-network-mismatch'), 'pod-network-mismatch in kubeadm.yaml');
  const doc = await vscode.workspace.openTextDocument(uri);
  assert.equal(doc.getText(finding.range), VALUES.podSubnet);
}

async function hoverOnSlash16(): Promise<void> {
  const text = await hoverAt('kubeadm.yaml', VALUES.podSubnet);
  assertAddressCount(text, '65,536');
  // SPEC §4: the card shows the range's first and last address.
  assert.match(text, /10\.244\.0\.0/);
  assert.match(text, /10\.244\.255\.255/);
}

async function hoverInEmbeddedJson(): Promise<void> {
  assertAddressCount(await hoverAt('kube-flannel.yaml', VALUES.flannelNetwork), '65,536');
}

async function hoverOnBareIp(): Promise<void> {
  const text = await hoverAt('services-and-nodes.yaml', VALUES.dnsClusterIp);
  assert.ok(text.includes(VALUES.serviceSubnet), `the hover should name the service range ${VALUES.serviceSubnet}; it reads:\n${text}`);
}

async function canonicaliseQuickFix(): Promise<void> {
  const uri = fixtureUri('calico-ippool.yaml');
  const doc = await vscode.workspace.openTextDocument(uri);
  const [finding] = await until(() => findings(uri, 'non-canonical-cidr'), 'non-canonical-cidr in calico-ippool.yaml');
  const fix = await quickFixWriting(uri, finding, VALUES.calicoPoolCanonical);
  await vscode.window.showTextDocument(doc);
  try {
    assert.ok(await vscode.workspace.applyEdit(fix.edit), `VS Code refused the edit of "${fix.title}"`);
    assert.equal(doc.lineAt(finding.range.start.line).text.trim(), `cidr: ${VALUES.calicoPoolCanonical}`);
    await untilGone(uri, 'non-canonical-cidr', 'the canonicalised value to lose its finding');
  } finally {
    await revert(doc);
  }
  await until(() => findings(uri, 'non-canonical-cidr'), 'the finding to return once the edit is reverted');
}

async function crossFileUpdate(): Promise<void> {
  const flannel = fixtureUri('kube-flannel.yaml');
  const calico = fixtureUri('calico-ippool.yaml');
  await until(() => findings(flannel, 'pod-network-mismatch'), 'pod-network-mismatch in kube-flannel.yaml');
  const doc = await vscode.workspace.openTextDocument(fixtureUri('kubeadm.yaml'));
  await vscode.window.showTextDocument(doc); // edited in an editor, as a user types
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, rangeOf(doc, VALUES.podSubnet), VALUES.flannelNetwork);
  try {
    // An unsaved edit: the server must analyse the editor's text, not the file on disk. With podSubnet
    // equal to Flannel's Network, Flannel agrees and the Calico pool (still in the old range) does not.
    // Waiting for both, not only for a finding to vanish, proves the new text was analysed.
    assert.ok(await vscode.workspace.applyEdit(edit));
    await until(
      () => findings(flannel, 'pod-network-mismatch').length === 0 && findings(calico, 'pod-network-mismatch').length > 0,
      "kube-flannel.yaml's mismatch to clear and calico-ippool.yaml's to appear",
    );
  } finally {
    await revert(doc);
  }
  await until(() => findings(flannel, 'pod-network-mismatch'), 'the mismatch to return once kubeadm.yaml is reverted');
}

async function rulesSetting(): Promise<void> {
  const flannel = fixtureUri('kube-flannel.yaml');
  await until(() => findings(flannel, 'pod-network-mismatch'), 'pod-network-mismatch in kube-flannel.yaml');
  const config = vscode.workspace.getConfiguration('cidrLens');
  try {
    await config.update('rules', { 'pod-network-mismatch': 'off' }, vscode.ConfigurationTarget.Workspace);
    await untilGone(flannel, 'pod-network-mismatch', 'the finding to disappear with the rule off');
  } finally {
    await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
  }
  await until(() => findings(flannel, 'pod-network-mismatch'), 'the finding to return with the setting removed');
}

async function inlayHint(): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri('kubeadm.yaml'));
  const value = rangeOf(doc, VALUES.podSubnet);
  const whole = new vscode.Range(0, 0, doc.lineCount, 0);
  const hints = (await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, whole)) ?? [];
  const hint = hints.find((h) => h.position.line === value.end.line);
  assert.ok(hint, `no inlay hint on the podSubnet line; hints on lines: ${hints.map((h) => h.position.line + 1).join(', ') || 'none'}`);
  assert.ok(hint.position.character >= value.end.character, 'the hint belongs after the value');
  assert.match(labelText(hint), /65,536/);
}

/** The hover providers' text at the middle of `value` in `file`, all cards joined. */
async function hoverAt(file: Parameters<typeof fixtureUri>[0], value: string): Promise<string> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(file));
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, middleOf(doc, value))) ?? [];
  const text = hovers.flatMap((hover) => hover.contents.map(markdownText)).join('\n');
  assert.ok(text.trim(), `no hover on ${value} in ${file}`);
  return text;
}

function markdownText(content: vscode.MarkdownString | vscode.MarkedString): string {
  return typeof content === 'string' ? content : content.value;
}

function labelText(hint: vscode.InlayHint): string {
  return typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join('');
}

function assertAddressCount(hoverText: string, count: string): void {
  assert.ok(hoverText.includes(count) && /address/i.test(hoverText), `the hover should state ${count} addresses; it reads:\n${hoverText}`);
}

function assertLinksToRulePage(finding: vscode.Diagnostic): void {
  const code = finding.code;
  const target = typeof code === 'object' ? code.target.toString() : '';
  assert.ok(target.endsWith(`docs/rules/${ruleOf(finding)}.md`), `the diagnostic's code should link to its rule page; it links to "${target}"`);
}

/**
 * The quick fix offered for `finding` whose edit writes `newText`, resolved to its edit. Asking the way
 * the lightbulb does: quick fixes for the finding's range, with its diagnostics in the context.
 */
async function quickFixWriting(uri: vscode.Uri, finding: vscode.Diagnostic, newText: string): Promise<vscode.CodeAction & { edit: vscode.WorkspaceEdit }> {
  const RESOLVE_ALL = 50;
  const offered =
    (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      uri,
      finding.range,
      vscode.CodeActionKind.QuickFix.value,
      RESOLVE_ALL,
    )) ?? [];
  const writes = (action: vscode.CodeAction | vscode.Command): action is vscode.CodeAction & { edit: vscode.WorkspaceEdit } =>
    'edit' in action && !!action.edit && action.edit.entries().some(([, edits]) => edits.some((e) => e.newText === newText));
  const fix = offered.find(writes);
  assert.ok(fix, `no quick fix writes ${newText}; offered: ${offered.map((a) => `"${a.title}"`).join(', ') || 'nothing'}`);
  return fix;
}
