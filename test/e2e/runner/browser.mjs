// The VS Code workbench in Debian's headless Chromium, driven by playwright-core, plus the few UI
// moves the e2e checks need. Playwright's own browser downloads are not reachable from these
// machines, so it drives /usr/bin/chromium.
//
// Selectors are VS Code's DOM as of 1.139 (code-server 4.139.1); each helper waits on a selector with a
// timeout rather than sleeping, and names what it waited for when it gives up.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { CHROMIUM, ROOT } from './paths.mjs';
import { start, waitForOutput } from './processes.mjs';

// playwright-core is a devDependency of the project; resolve it from the project root so this file
// works wherever it is imported from.
const { chromium } = createRequire(join(ROOT, 'package.json'))('playwright-core');

export const SELECTORS = {
  workbench: '.monaco-workbench',
  explorerRow: '.explorer-folders-view .monaco-list-row',
  quickInput: '.quick-input-widget',
  quickInputBox: '.quick-input-widget .quick-input-box input',
  // The row Enter picks. Until the typed filter applies, it is the first of the recently used entries.
  quickInputFocusedRow: '.quick-input-widget .quick-input-list .monaco-list-row.focused',
  activeEditor: '.editor-group-container.active .monaco-editor',
  editorLines: '.editor-group-container.active .monaco-editor .view-lines',
  editorLine: '.editor-group-container.active .monaco-editor .view-lines .view-line',
  // Diagnostics are decorations in the overlay layer under the text: `.cdr.squiggly-error` etc.
  squiggle: (severity = 'error') => `.editor-group-container.active .monaco-editor .view-overlays .squiggly-${severity}`,
  // The hover widget; an unused one stays in the DOM with `.hidden`. Inside it, `.marker.hover-contents`
  // holds the diagnostic under the mouse and `.markdown-hover` the hover providers' text.
  hover: '.monaco-hover:not(.hidden) .monaco-hover-content',
  hoverMarkdown: '.monaco-hover:not(.hidden) .markdown-hover',
  hoverMarker: '.monaco-hover:not(.hidden) .marker.hover-contents',
  lightBulb: '.lightBulbWidget',
  // Ctrl+. opens the action widget: a `.group-header` row ("Quick Fix") then `.action` rows.
  quickFixItem: '.action-widget .monaco-list-row.action',
  noCodeActions: '.monaco-editor-overlaymessage:has-text("No code actions")',
  // Problems panel rows: a file row, then one per finding with .marker-message/.marker-source/.marker-code.
  problemsPanel: '.markers-panel',
  problemsRow: '.markers-panel .monaco-list-row',
  problemsStatus: '#status\\.problems',
};

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox', // we run as root in a container; Chromium's sandbox refuses root
  '--disable-gpu',
  '--disable-dev-shm-usage', // containers often give /dev/shm 64 MB, too little for the workbench's renderer
  '--disable-background-networking', // no update checks or safe-browsing calls to unreachable hosts
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--remote-debugging-address=127.0.0.1',
  '--remote-debugging-port=0', // the OS picks the port; Chromium prints the endpoint
];

/**
 * Starts Chromium ourselves (rather than chromium.launch()) so that it is a process group this runner
 * owns and ends by pid like the server, then attaches Playwright over CDP. Returns { child, browser }.
 */
export async function launchBrowser(profileDir, { timeoutMs = 30_000 } = {}) {
  const child = start(CHROMIUM, [...CHROMIUM_ARGS, `--user-data-dir=${profileDir}`, 'about:blank']);
  const [, endpoint] = await waitForOutput(child, /DevTools listening on (ws:\/\/\S+)/, timeoutMs, 'Chromium to listen for DevTools');
  const browser = await chromium.connectOverCDP(endpoint, { timeout: timeoutMs });
  return { child, browser };
}

/**
 * Opens the workbench on `folder` and resolves once the explorer lists the folder's files, which is
 * the first moment Quick Open and editors behave. `onConsole` receives the page's console lines —
 * including the extension host's console, which VS Code forwards to the window.
 */
export async function openWorkbench(browser, serverUrl, folder, { timeoutMs = 60_000, onConsole } = {}) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  // Only the local server is reachable from these machines; refuse other hosts in the browser rather
  // than let the workbench try them (it queries an extension gallery).
  await context.route((url) => url.hostname !== '127.0.0.1', (route) => route.abort('blockedbyclient'));
  const page = await context.newPage();
  page.setDefaultTimeout(timeoutMs);
  if (onConsole) page.on('console', (message) => onConsole(`[${message.type()}] ${message.text()}`));
  const url = `${serverUrl}/?folder=${encodeURIComponent(folder)}`;
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.locator(SELECTORS.workbench).waitFor({ state: 'visible' });
  await page.locator(SELECTORS.explorerRow).first().waitFor({ state: 'visible' });
  return page;
}

/** Opens a workspace file the way a user does: Ctrl+P, its name, Enter. */
export async function quickOpen(page, fileName) {
  await page.keyboard.press('Control+P');
  await page.locator(SELECTORS.quickInputBox).waitFor({ state: 'visible' });
  await page.keyboard.type(fileName);
  // The list shows recently opened files until the server's file search answers; Enter opens the
  // focused row, so wait until that row is the file asked for.
  await page.locator(SELECTORS.quickInputFocusedRow, { hasText: fileName }).waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  await page.locator(SELECTORS.quickInput).waitFor({ state: 'hidden' });
  await page.locator(`.tab.active[aria-label*="${fileName}"], .tab.active[title*="${fileName}"]`).first().waitFor({ state: 'visible' });
  await page.locator(SELECTORS.editorLines).waitFor({ state: 'visible' });
}

/** Runs a command by its title through the Command Palette (F1). */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  await page.locator(SELECTORS.quickInputBox).waitFor({ state: 'visible' });
  await page.keyboard.type(title);
  // Recently used commands are listed first; Enter runs the focused row once the filter has applied.
  await page.locator(SELECTORS.quickInputFocusedRow, { hasText: title }).waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  await page.locator(SELECTORS.quickInput).waitFor({ state: 'hidden' });
}

/**
 * Moves the mouse over the middle of `target` (a locator, or a box from textBox()) and returns the
 * hover widget's text once it shows — and, with `expectText`, once it holds that text: the widget
 * appears with the diagnostic first and the language server's hover may land a moment later.
 * `part: 'markdown'` reads only the hover providers' cards, leaving out the diagnostics under the
 * mouse (whose messages may contain the same words); `part: 'marker'` only those diagnostics.
 * The mouse is moved rather than using locator.hover(): decorations such as squiggles lie in a layer
 * under the text, so Playwright's actionability check would wait forever for them to be "on top".
 */
export async function hoverText(page, target, { expectText, part = 'all' } = {}) {
  await page.mouse.move(0, 0); // a hover starts on a mouse move; the mouse may already be there
  await mouseToCentre(page, target);
  const selector = { all: SELECTORS.hover, markdown: SELECTORS.hoverMarkdown, marker: SELECTORS.hoverMarker }[part];
  const hover = page.locator(selector, expectText ? { hasText: expectText } : {}).first();
  await hover.waitFor({ state: 'visible' });
  return hover.innerText();
}

/**
 * The on-screen box of the first occurrence of `text` in the active editor's rendered lines. Only
 * lines in view are rendered: reveal the line first (e.g. goToLine) for long files.
 */
export async function textBox(page, text) {
  await page.locator(SELECTORS.editorLine, { hasText: text }).first().waitFor({ state: 'visible' });
  const box = await page.evaluate(
    ({ selector, text }) => {
      for (const line of document.querySelectorAll(selector)) {
        // Monaco renders spaces as U+00A0 and splits a line into one span per token.
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        const nodes = [];
        let all = '';
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          nodes.push({ node: n, start: all.length });
          all += n.data.replace(/\u00a0/g, ' ');
        }
        const at = all.indexOf(text);
        if (at < 0) continue;
        const locate = (offset) => {
          const hit = nodes.findLast((x) => x.start <= offset);
          return [hit.node, offset - hit.start];
        };
        const range = document.createRange();
        range.setStart(...locate(at));
        range.setEnd(...locate(at + text.length - 1));
        range.setEnd(range.endContainer, range.endOffset + 1);
        const r = range.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }
      return null;
    },
    { selector: SELECTORS.editorLine, text },
  );
  if (!box) throw new Error(`"${text}" is not rendered in the active editor`);
  return box;
}

/**
 * Waits until a squiggle of `severity` lies under `box` (from textBox()) and returns the squiggle's
 * own box. Diagnostics arrive asynchronously from the language server, hence the wait.
 */
export async function squiggleUnder(page, box, severity = 'error', { timeoutMs } = {}) {
  const handle = await page.waitForFunction(
    ({ selector, box }) => {
      for (const el of document.querySelectorAll(selector)) {
        const r = el.getBoundingClientRect();
        const overlapsX = r.x < box.x + box.width && box.x < r.x + r.width;
        const overlapsY = r.y < box.y + box.height && box.y < r.y + r.height;
        if (overlapsX && overlapsY) return { x: r.x, y: r.y, width: r.width, height: r.height };
      }
      return null;
    },
    { selector: SELECTORS.squiggle(severity), box },
    timeoutMs ? { timeout: timeoutMs } : {},
  );
  return handle.jsonValue();
}

/** Moves the cursor to a 1-based line with Ctrl+G, so that the line is rendered and in view. */
export async function goToLine(page, line) {
  await page.keyboard.press('Control+G');
  await page.locator(SELECTORS.quickInputBox).waitFor({ state: 'visible' });
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
  await page.locator(SELECTORS.quickInput).waitFor({ state: 'hidden' });
}

/** Opens the Problems panel and returns the text of each listed row (files and findings). */
export async function problems(page, { expectText } = {}) {
  await page.keyboard.press('Control+Shift+M');
  await page.locator(SELECTORS.problemsPanel).waitFor({ state: 'visible' });
  const rows = page.locator(SELECTORS.problemsRow);
  if (expectText) await rows.filter({ hasText: expectText }).first().waitFor({ state: 'visible' });
  else await rows.first().waitFor({ state: 'visible' });
  return rows.allInnerTexts();
}

/**
 * Puts the cursor inside `target` (a locator, or a box from textBox()/squiggleUnder()), opens the
 * quick-fix menu (Ctrl+.) and returns its item titles. Pass `apply` to choose an item by its title.
 */
export async function quickFix(page, target, { apply } = {}) {
  await mouseToCentre(page, target);
  await page.mouse.down();
  await page.mouse.up();
  await page.keyboard.press('Control+.');
  const items = page.locator(SELECTORS.quickFixItem);
  // With nothing to offer, VS Code shows a short message instead of the menu: fail on it at once.
  const none = page.locator(SELECTORS.noCodeActions);
  await items.first().or(none).first().waitFor({ state: 'visible' });
  if (await none.isVisible()) throw new Error(`quick-fix menu: ${await none.innerText()}`);
  const titles = await items.allInnerTexts();
  if (apply) await chooseQuickFix(page, apply);
  return titles;
}

/** Chooses an item of the open quick-fix menu by (part of) its title and waits for the menu to close. */
export async function chooseQuickFix(page, title) {
  const items = page.locator(SELECTORS.quickFixItem);
  await items.filter({ hasText: title }).first().click();
  await items.first().waitFor({ state: 'hidden' });
}

async function mouseToCentre(page, target) {
  let box = target;
  if (typeof target.boundingBox === 'function') {
    await target.waitFor({ state: 'visible' });
    box = await target.boundingBox();
  }
  if (!box) throw new Error('target has no box on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
}

/**
 * The document inside the active webview panel. Webviews are two nested iframes; this build of the
 * server serves their content itself (code-server's webviewEndpoint), so they work offline.
 */
export function webview(page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

/** Closes a transient widget (hover, menu, quick input) and moves the mouse out of the editor. */
export async function dismiss(page) {
  await page.keyboard.press('Escape');
  await page.mouse.move(0, 0);
}
