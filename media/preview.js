// The preview page's script: applies renders in order, maps clicks to source offsets and the
// editor's cursor to elements, and keeps the scroll position across updates and reloads.
// It only reads the renderer's data-start/data-end attributes; report text is never evaluated.
// @ts-check
(function () {
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('govreport-preview');
  if (!root) return;
  let seq = Number(root.dataset.seq) || 0;
  let uri = root.dataset.uri || '';
  /** The editor's cursor offset, re-applied after each render. */
  let cursor = -1;

  const state = vscode.getState();
  if (state && state.uri === uri && typeof state.scrollY === 'number') window.scrollTo(0, state.scrollY);

  const save = () => vscode.setState({ uri, scrollY: window.scrollY });
  let saving = false;
  window.addEventListener(
    'scroll',
    () => {
      if (saving) return;
      saving = true;
      requestAnimationFrame(() => {
        saving = false;
        save();
      });
    },
    { passive: true },
  );

  /** @param {Element} el */
  const range = (el) => {
    const d = /** @type {HTMLElement} */ (el).dataset;
    return { start: Number(d.start), end: Number(d.end) };
  };

  /** The smallest element whose source contains the offset, else the last one starting before it. */
  function elementAt(offset) {
    let best = null;
    let size = Infinity;
    let before = null;
    let beforeStart = -1;
    for (const el of root.querySelectorAll('[data-start]')) {
      const { start, end } = range(el);
      // `<=`: among equal spans the innermost (later in document order) wins, a cell over its row.
      if (start <= offset && offset <= end && end - start <= size) {
        best = el;
        size = end - start;
      }
      if (start <= offset && start > beforeStart) {
        before = el;
        beforeStart = start;
      }
    }
    return best || before;
  }

  /** Position of the highlighted element among the mapped ones: typing within it keeps it. */
  let highlighted = -1;

  function highlight(reveal) {
    for (const el of root.querySelectorAll('.govreport-cursor')) el.classList.remove('govreport-cursor');
    if (cursor < 0) return;
    const el = elementAt(cursor);
    if (!el) return;
    el.classList.add('govreport-cursor');
    const index = Array.prototype.indexOf.call(root.querySelectorAll('[data-start]'), el);
    // Scroll to the cursor only when it moves to another element, so that typing does not
    // pull back a preview the author has scrolled elsewhere.
    if (reveal && index !== highlighted) {
      const box = el.getBoundingClientRect();
      if (box.bottom < 0 || box.top > window.innerHeight) el.scrollIntoView({ block: 'center' });
    }
    highlighted = index;
  }

  window.addEventListener('message', (event) => {
    const msg = event.data;
    if (!msg || typeof msg !== 'object') return;
    if (msg.type === 'render' && typeof msg.seq === 'number' && typeof msg.body === 'string') {
      // Renders can arrive out of order; an older one would undo a newer one.
      if (msg.seq <= seq) return;
      const sameReport = msg.uri === uri;
      const y = window.scrollY;
      seq = msg.seq;
      uri = String(msg.uri);
      root.dataset.seq = String(seq);
      root.dataset.uri = uri;
      const template = document.createElement('template');
      template.innerHTML = msg.body;
      root.replaceChildren(template.content);
      if (sameReport) {
        window.scrollTo(0, y);
        highlight(false);
      } else {
        cursor = -1;
        highlighted = -1;
        window.scrollTo(0, 0);
      }
      save();
    } else if (msg.type === 'cursor' && typeof msg.offset === 'number') {
      cursor = msg.offset;
      highlight(true);
    }
  });

  document.addEventListener('click', (event) => {
    // Selecting text is not a request to jump to the source.
    if (String(window.getSelection() || '')) return;
    const target = event.target instanceof Element ? event.target.closest('[data-start]') : null;
    if (!target || !root.contains(target)) return;
    vscode.postMessage({ type: 'reveal', uri, offset: range(target).start });
  });

  vscode.postMessage({ type: 'ready', seq });
})();
