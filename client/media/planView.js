// @ts-check
// The Show Address Plan webview. The extension host draws the picture (the same SVG as
// `cidr-lens plan --format svg`) and sends it here; this script shows it, shows the hover card of the
// range under the mouse, and sends the user's gestures back: zoom and pan, presets, clicks on a range.
// It loads nothing and builds the card with text nodes only, as values come from the workspace.

(function () {
  // @ts-ignore -- provided by VS Code inside webviews.
  const vscode = acquireVsCodeApi();
  const plan = /** @type {HTMLElement} */ (document.getElementById('plan'));
  const card = /** @type {HTMLElement} */ (document.getElementById('card'));
  const status = /** @type {HTMLElement} */ (document.getElementById('status'));
  const toolbar = /** @type {HTMLElement} */ (document.getElementById('toolbar'));

  /** @type {Record<string, {title: string, lines: Array<{label?: string, text: string, at?: {label: string}}>}>} */
  let cards = {};
  /** The panel the toolbar's zoom and pan buttons act on: the one the mouse was over last. */
  let focusedPanel = 0;
  const ZOOM_STEP = 1.5;
  const PAN_STEP = 0.25;

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message.type === 'model') {
      cards = message.cards;
      status.textContent = message.summary;
      for (const button of toolbar.querySelectorAll('button[data-family]')) {
        /** @type {HTMLButtonElement} */ (button).disabled = !message.families.includes(Number(/** @type {HTMLElement} */ (button).dataset.family));
      }
    } else if (message.type === 'render') {
      plan.innerHTML = message.svg;
      document.body.dataset.state = 'ready';
    } else if (message.type === 'status') {
      status.textContent = message.text;
    }
  });

  // ---- zoom and pan ---------------------------------------------------------------------------------

  /**
   * The panel under the mouse and where along its axis the mouse is (0 the left edge, 1 the right).
   * @param {MouseEvent} event
   */
  function axisPoint(event) {
    const panel = /** @type {Element | null} */ (event.target instanceof Element ? event.target.closest('.panel') : null);
    const svg = plan.querySelector('svg');
    if (!panel || !svg || !(panel instanceof SVGGElement)) return undefined;
    const x0 = Number(panel.dataset.x0);
    const x1 = Number(panel.dataset.x1);
    const x = event.clientX - svg.getBoundingClientRect().left;
    return { panel: Number(panel.dataset.panel), at: Math.min(1, Math.max(0, (x - x0) / (x1 - x0))), width: x1 - x0 };
  }

  // Wheel events come faster than frames; they are summed and sent once per frame.
  /** @type {{panel: number, at: number, zoom: number, pan: number} | undefined} */
  let pending;
  plan.addEventListener(
    'wheel',
    (event) => {
      const point = axisPoint(event);
      if (!point) return;
      event.preventDefault();
      const horizontal = event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY);
      if (!pending || pending.panel !== point.panel) pending = { panel: point.panel, at: point.at, zoom: 0, pan: 0 };
      if (horizontal) pending.pan += (event.shiftKey ? event.deltaY : event.deltaX) / point.width;
      else pending.zoom -= event.deltaY;
      requestAnimationFrame(flushWheel);
    },
    { passive: false },
  );

  function flushWheel() {
    if (!pending) return;
    const { panel, at, zoom, pan } = pending;
    pending = undefined;
    if (zoom !== 0) vscode.postMessage({ type: 'zoom', panel, factor: Math.pow(1.002, zoom), at });
    if (pan !== 0) vscode.postMessage({ type: 'pan', panel, by: pan });
  }

  toolbar.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (!button) return;
    const action = button.dataset.action;
    if (button.dataset.preset !== undefined) vscode.postMessage({ type: 'preset', preset: Number(button.dataset.preset) });
    else if (action === 'fit') vscode.postMessage({ type: 'fit' });
    else if (action === 'zoom-in') vscode.postMessage({ type: 'zoom', panel: focusedPanel, factor: ZOOM_STEP, at: 0.5 });
    else if (action === 'zoom-out') vscode.postMessage({ type: 'zoom', panel: focusedPanel, factor: 1 / ZOOM_STEP, at: 0.5 });
    else if (action === 'pan-left') vscode.postMessage({ type: 'pan', panel: focusedPanel, by: -PAN_STEP });
    else if (action === 'pan-right') vscode.postMessage({ type: 'pan', panel: focusedPanel, by: PAN_STEP });
  });

  // ---- cards and clicks ------------------------------------------------------------------------------

  plan.addEventListener('mousemove', (event) => {
    const point = axisPoint(event);
    if (point) focusedPanel = point.panel;
    const target = event.target instanceof Element ? event.target.closest('[data-item]') : null;
    const id = target instanceof SVGElement ? target.dataset.item : undefined;
    if (id && cards[id]) showCard(id, target instanceof SVGElement ? (target.dataset.items ?? '').split(' ').length : 1, event);
    else card.hidden = true;
  });
  plan.addEventListener('mouseleave', () => {
    card.hidden = true;
  });
  plan.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('[data-item]') : null;
    if (target instanceof SVGElement && target.dataset.item) vscode.postMessage({ type: 'open', id: target.dataset.item });
  });

  /**
   * @param {string} id
   * @param {number} count how many allocations share the mark under the mouse
   * @param {MouseEvent} event
   */
  function showCard(id, count, event) {
    if (card.dataset.item !== id) {
      card.dataset.item = id;
      card.replaceChildren(...cardNodes(cards[id], count));
    }
    card.hidden = false;
    const margin = 12;
    const left = Math.min(event.clientX + margin, window.innerWidth - card.offsetWidth - margin);
    const top = event.clientY + margin + card.offsetHeight > window.innerHeight ? event.clientY - card.offsetHeight - margin : event.clientY + margin;
    card.style.left = `${Math.max(margin, left)}px`;
    card.style.top = `${Math.max(margin, top)}px`;
  }

  /**
   * @param {{title: string, lines: Array<{label?: string, text: string, at?: {label: string}}>}} content
   * @param {number} count
   */
  function cardNodes(content, count) {
    const title = element('div', 'card-title', content.title);
    const lines = content.lines.map((line) => {
      const row = element('div', 'card-line', '');
      if (line.label) row.append(element('span', 'card-label', `${line.label}: `));
      row.append(document.createTextNode(line.text));
      if (line.at) row.append(element('span', 'card-at', ` — ${line.at.label}`));
      return row;
    });
    const more = count > 1 ? [element('div', 'card-more', `… and ${count - 1} more at this spot; zoom in to tell them apart`)] : [];
    return [title, ...lines, ...more];
  }

  /**
   * @param {string} tag
   * @param {string} className
   * @param {string} text
   */
  function element(tag, className, text) {
    const node = document.createElement(tag);
    node.className = className;
    node.textContent = text;
    return node;
  }

  // ---- size ----------------------------------------------------------------------------------------------

  let lastWidth = plan.clientWidth;
  new ResizeObserver(() => {
    if (plan.clientWidth === lastWidth) return;
    lastWidth = plan.clientWidth;
    vscode.postMessage({ type: 'resize', width: lastWidth });
  }).observe(plan);

  vscode.postMessage({ type: 'ready', width: plan.clientWidth });
})();
