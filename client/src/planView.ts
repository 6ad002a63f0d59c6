// `CIDR Lens: Show Address Plan`: a webview that draws every cluster's address space (the same SVG as
// `cidr-lens plan --format svg`, styled from the theme), zooms and pans it, shows the editor's hover
// card for whatever is under the mouse, opens a range's source on click, and follows the files as they
// change. The extension host renders; the webview script (client/media/planView.js) only forwards
// the user's gestures and shows what it is sent, so it needs no network and runs under a strict CSP.

import { randomBytes } from 'node:crypto';
import { Disposable, ExtensionContext, Range, Uri, ViewColumn, WebviewPanel, commands, window, workspace } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { DrawableCluster } from '../../server/src/core/features/addressMapSvg';
import { renderAddressMapSvg } from '../../server/src/core/features/addressMapSvg';
import { MapPanel, PRESET_WINDOWS, defaultPanels, panWindow, windowLabel, zoomWindow } from '../../server/src/core/features/addressMapView';
import type { AddressPlanItem, AddressPlanResult, PlanLocation } from '../../server/src/lsp/addressPlanProtocol';
import { AddressPlanSource } from './planSource';
import { registerAddressPlanTree } from './planTree';
import { drawableClusters } from './planWire';

/** The command, the view and the Explorer tree, sharing one plan source. */
export function registerAddressPlan(context: ExtensionContext, client: LanguageClient): Disposable {
  const source = new AddressPlanSource(client);
  return Disposable.from(
    source,
    registerAddressPlanTree(source),
    commands.registerCommand('cidrLens.showAddressPlan', () => AddressPlanView.show(context.extensionUri, source)),
  );
}

/** What the webview script sends. */
type ViewMessage =
  | { readonly type: 'ready'; readonly width: number }
  | { readonly type: 'resize'; readonly width: number }
  | { readonly type: 'zoom'; readonly panel: number; readonly factor: number; readonly at: number }
  | { readonly type: 'pan'; readonly panel: number; readonly by: number }
  | { readonly type: 'preset'; readonly preset: number }
  | { readonly type: 'fit' }
  | { readonly type: 'open'; readonly id: string };

class AddressPlanView {
  private static current: AddressPlanView | undefined;

  private readonly subscriptions: Disposable[] = [];
  private plan: AddressPlanResult = { version: 1, clusters: [] };
  private clusters: DrawableCluster[] = [];
  private items = new Map<string, AddressPlanItem>();
  private panels: MapPanel[] = [];
  /** Set once the user zooms or pans: live updates then keep the windows instead of fitting anew. */
  private adjusted = false;
  private width = 1000;

  static show(extensionUri: Uri, source: AddressPlanSource): void {
    if (AddressPlanView.current) {
      AddressPlanView.current.panel.reveal();
      return;
    }
    const media = Uri.joinPath(extensionUri, 'client', 'media');
    const panel = window.createWebviewPanel('cidrLens.addressPlan', 'Address Plan', ViewColumn.Beside, { enableScripts: true, localResourceRoots: [media] });
    AddressPlanView.current = new AddressPlanView(panel, media, source);
  }

  private constructor(
    private readonly panel: WebviewPanel,
    media: Uri,
    private readonly source: AddressPlanSource,
  ) {
    panel.webview.html = pageHtml(panel, media);
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((message: ViewMessage) => this.onMessage(message)),
      source.onDidChange(() => void this.refresh()),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  private async refresh(): Promise<void> {
    try {
      this.plan = await this.source.plan();
    } catch (error) {
      void this.panel.webview.postMessage({ type: 'status', text: `The CIDR Lens server did not answer: ${error instanceof Error ? error.message : String(error)}` });
      return;
    }
    this.clusters = drawableClusters(this.plan);
    this.items = new Map(this.plan.clusters.flatMap((c) => c.items.map((item) => [item.id, item] as const)));
    const fitted = defaultPanels(this.clusters.flatMap((c) => c.items.filter((i) => i.kind === 'range').map((i) => i.range)));
    // Zoomed windows survive an edit as long as the picture still has the same panels.
    const keep = this.adjusted && fitted.length === this.panels.length && fitted.every((p, i) => p.family === this.panels[i].family);
    if (!keep) {
      this.panels = fitted;
      this.adjusted = false;
    }
    void this.panel.webview.postMessage({
      type: 'model',
      cards: Object.fromEntries([...this.items].map(([id, item]) => [id, item.card])),
      families: [...new Set(this.panels.map((p) => p.family))],
      summary: summaryOf(this.plan),
    });
    this.render();
  }

  private render(): void {
    const svg = renderAddressMapSvg(this.clusters, { width: this.width, panels: this.panels });
    void this.panel.webview.postMessage({ type: 'render', svg });
  }

  private onMessage(message: ViewMessage): void {
    switch (message.type) {
      case 'ready':
        this.width = message.width;
        void this.refresh();
        return;
      case 'resize':
        this.width = message.width;
        return this.render();
      case 'zoom':
        return this.adjust(message.panel, (window) => zoomWindow(window, message.factor, message.at));
      case 'pan':
        return this.adjust(message.panel, (window) => panWindow(window, message.by));
      case 'preset': {
        const preset = PRESET_WINDOWS[message.preset];
        // A preset moves the overview, the first panel of its family.
        const overview = this.panels.findIndex((p) => p.family === preset?.family);
        if (preset && overview >= 0) this.adjust(overview, () => preset);
        return;
      }
      case 'fit':
        this.adjusted = false;
        void this.refresh();
        return;
      case 'open':
        void this.open(this.items.get(message.id)?.location);
        return;
    }
  }

  private adjust(index: number, change: (window: MapPanel['window']) => MapPanel['window']): void {
    const panel = this.panels[index];
    if (!panel) return;
    this.panels = this.panels.map((p, i) => (i === index ? { family: p.family, window: change(p.window) } : p));
    this.adjusted = true;
    this.render();
  }

  /** Opens the value in the editor column beside the view, selected. */
  private async open(location: PlanLocation | undefined): Promise<void> {
    if (!location) return;
    const { start, end } = location.range;
    const document = await workspace.openTextDocument(Uri.parse(location.uri));
    const column = this.panel.viewColumn === ViewColumn.One ? ViewColumn.Beside : ViewColumn.One;
    await window.showTextDocument(document, { viewColumn: column, selection: new Range(start.line, start.character, end.line, end.character) });
  }

  private dispose(): void {
    AddressPlanView.current = undefined;
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

function summaryOf(plan: AddressPlanResult): string {
  const ranges = plan.clusters.reduce((n, c) => n + c.items.filter((i) => i.kind === 'range').length, 0);
  const overlaps = plan.clusters.reduce((n, c) => n + c.items.filter((i) => i.kind === 'range' && i.conflicts.length > 0).length, 0);
  const clusters = `${plan.clusters.length} cluster${plan.clusters.length === 1 ? '' : 's'}`;
  return `${clusters} · ${ranges} range${ranges === 1 ? '' : 's'} · ${overlaps} overlapping`;
}

/**
 * The page: nothing but the extension's own style sheet and script may load (`default-src 'none'`),
 * and only the script with this page's nonce may run. The SVG arrives by message.
 */
function pageHtml(panel: WebviewPanel, media: Uri): string {
  const webview = panel.webview;
  const nonce = randomBytes(16).toString('base64');
  const style = webview.asWebviewUri(Uri.joinPath(media, 'planView.css'));
  const script = webview.asWebviewUri(Uri.joinPath(media, 'planView.js'));
  const csp = `default-src 'none'; style-src ${webview.cspSource}; img-src ${webview.cspSource}; script-src 'nonce-${nonce}';`;
  const presets = PRESET_WINDOWS.map((window, i) => `<button type="button" data-preset="${i}" data-family="${window.family}" title="Show all of ${windowLabel(window)}">${windowLabel(window)}</button>`).join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>Address Plan</title>
</head>
<body>
<div id="toolbar" role="toolbar" aria-label="Zoom">
<button type="button" data-action="zoom-in" title="Zoom in (mouse wheel)">+</button><button type="button" data-action="zoom-out" title="Zoom out (mouse wheel)">−</button><button type="button" data-action="pan-left" title="Lower addresses (Shift+wheel)">◀</button><button type="button" data-action="pan-right" title="Higher addresses (Shift+wheel)">▶</button>
<span class="divider"></span>${presets}<button type="button" data-action="fit" title="Fit every range">Fit</button>
<span id="status" role="status"></span>
</div>
<div id="plan" aria-label="Address plan of every cluster"></div>
<div id="card" role="tooltip" hidden></div>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}
