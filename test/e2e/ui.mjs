// UI checks of Runner 2: what a user sees in the workbench once the .vsix is installed. They run after
// the extension-host suite, in the same window, and leave screenshots in test-results/e2e/.
// Selectors and helpers: test/e2e/runner/browser.mjs (README: test/e2e/runner/README.md).
import assert from 'node:assert/strict';

// Values written in test/e2e/workspace/ (the suite's VALUES say the same).
const FLANNEL_NETWORK = '10.245.0.0/16';
const CALICO_POOL = '10.244.1.0/16';
const CALICO_POOL_CANONICAL = '10.244.0.0/16';

export default function uiChecks({ test, page, ui, screenshot }) {
  let networkBox; // where Flannel's Network value is drawn; the hover check reuses it

  test("squiggle under the CIDR in Flannel's embedded net-conf.json", async () => {
    await ui.quickOpen(page, 'kube-flannel.yaml');
    networkBox = await ui.textBox(page, FLANNEL_NETWORK);
    const squiggle = await ui.squiggleUnder(page, networkBox, 'error');
    await screenshot('flannel-squiggle');
    assertUnderlinesExactly(squiggle, networkBox);
  });

  test('hover card states the address count', async () => {
    assert.ok(networkBox, 'needs the squiggle check to have found the value');
    const card = await ui.hoverText(page, networkBox, { expectText: '65,536', part: 'markdown' });
    await screenshot('hover-card');
    assert.match(card, /address/i, `the card should state 65,536 addresses; it reads:\n${card}`);
    await ui.dismiss(page);
  });

  test('Problems panel lists the findings, those of closed files included', async () => {
    // calico-ippool.yaml has not been opened in this window: its finding comes from the workspace scan.
    const rows = await ui.problems(page, { expectText: 'non-canonical-cidr' });
    await screenshot('problems-panel');
    assert.ok(rows.some((row) => row.includes('calico-ippool.yaml')), `no row for calico-ippool.yaml: ${rows.join(' | ')}`);
    assert.ok(rows.some((row) => row.includes('pod-network-mismatch')), `no pod-network-mismatch row: ${rows.join(' | ')}`);
  });

  test('quick-fix menu canonicalises the Calico pool', async () => {
    await ui.quickOpen(page, 'calico-ippool.yaml');
    const pool = await ui.textBox(page, CALICO_POOL);
    await ui.squiggleUnder(page, pool, 'error');
    const titles = await ui.quickFix(page, pool);
    await screenshot('quick-fix');
    const canonicalise = titles.find((title) => title.includes(CALICO_POOL_CANONICAL));
    assert.ok(canonicalise, `no fix offers ${CALICO_POOL_CANONICAL}; the menu holds: ${titles.join(' | ')}`);
    await ui.chooseQuickFix(page, canonicalise);
    await page.locator(ui.SELECTORS.editorLine, { hasText: `cidr: ${CALICO_POOL_CANONICAL}` }).waitFor({ state: 'visible' });
    await screenshot('quick-fix-applied');
  });

  test('Show Address Plan draws the cluster and its ranges', async () => {
    // The command is listed once the extension's contributions have loaded, as the Explorer view shows.
    await page.locator('.pane-header', { hasText: 'Address Plan' }).waitFor({ state: 'visible' });
    await ui.runCommand(page, 'CIDR Lens: Show Address Plan');
    const view = ui.webview(page);
    await view.locator('body[data-state="ready"] svg.address-map').waitFor({ state: 'visible' });
    await screenshot('address-plan');
    const clusters = await view.locator('text.cluster-name').allTextContents();
    assert.ok(clusters.includes('workspace'), `the view names no cluster "workspace": ${JSON.stringify(clusters)}`);
    const status = await view.locator('#status').textContent();
    assert.match(status ?? '', /1 cluster · [1-9]\d* ranges/, `unexpected status line: ${status}`);
    assert.ok((await view.locator('g.panel rect.bar[data-item]').count()) > 0, 'the view draws no range');
  });
}

/**
 * The squiggle must cover the value itself — not the quotes around it, not the whole block scalar —
 * which is what exact spans inside embedded JSON promise. Half a character of slack absorbs rounding.
 */
function assertUnderlinesExactly(squiggle, value) {
  const slack = value.width / FLANNEL_NETWORK.length / 2;
  const fits = Math.abs(squiggle.x - value.x) <= slack && Math.abs(squiggle.x + squiggle.width - (value.x + value.width)) <= slack;
  assert.ok(fits, `squiggle ${JSON.stringify(squiggle)} does not underline exactly ${FLANNEL_NETWORK} at ${JSON.stringify(value)}`);
}
