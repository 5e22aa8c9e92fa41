// The preview page's script: applies renders in order, maps clicks to source offsets and the
// editor's cursor to elements, scrolls with the editor both ways (by the renderer's source
// lines, as the Markdown preview does), and keeps the scroll position across updates and
// reloads. It only reads the renderer's data-start/data-end/data-line attributes; report text
// is never evaluated.
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

  // ---- scrolling with the editor -------------------------------------------------------

  /**
   * The block elements' source lines and their places on the page, in the order of both: the
   * longest run of elements, down the page, whose lines do not go back (an element printed
   * away from its line's neighbours, as the 落款 or the list of findings, is left out). The map
   * between the editor's lines and the page's height.
   */
  function lineMarks() {
    const marks = [];
    for (const el of root.querySelectorAll(
      'p[data-line], h2[data-line], h3[data-line], tr[data-line], td[data-line], li[data-line]',
    )) {
      marks.push({
        line: Number(/** @type {HTMLElement} */ (el).dataset.line),
        top: el.getBoundingClientRect().top + window.scrollY,
      });
    }
    marks.sort((a, b) => a.top - b.top || a.line - b.line);
    // Longest non-decreasing subsequence by line (patience sorting, with links back).
    /** @type {number[]} */
    const tails = [];
    /** @type {number[]} */
    const back = [];
    marks.forEach((m, i) => {
      let lo = 0;
      let hi = tails.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (marks[tails[mid]].line <= m.line) lo = mid + 1;
        else hi = mid;
      }
      back[i] = lo > 0 ? tails[lo - 1] : -1;
      tails[lo] = i;
    });
    const out = [];
    for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = back[i]) out.push(marks[i]);
    return out.reverse();
  }

  /** The place on the page of a source line (between the elements around it). */
  function topOfLine(line) {
    const marks = lineMarks();
    let i = -1;
    while (i + 1 < marks.length && marks[i + 1].line <= line) i++;
    if (i < 0) return 0;
    const a = marks[i];
    const b = marks[i + 1];
    if (!b || b.line === a.line) return a.top;
    return a.top + ((b.top - a.top) * (line - a.line)) / (b.line - a.line);
  }

  /** The source line at a place on the page. */
  function lineAtTop(y) {
    const marks = lineMarks();
    let i = -1;
    while (i + 1 < marks.length && marks[i + 1].top <= y) i++;
    if (i < 0) return 0;
    const a = marks[i];
    const b = marks[i + 1];
    if (!b || b.top === a.top) return a.line;
    return a.line + ((b.line - a.line) * (y - a.top)) / (b.top - a.top);
  }

  /**
   * Where the page itself scrolled to (following the editor, or kept across a render): a
   * scroll event that finds the page there is that scroll's echo, not to be sent back.
   */
  let echoY = -1;
  /** Marks the page's current place as one it scrolled to itself. */
  const scrolledItself = () => {
    echoY = window.scrollY;
  };
  let lastLine = -1;
  let scheduled = false;
  window.addEventListener(
    'scroll',
    () => {
      if (scheduled) return;
      scheduled = true;
      requestAnimationFrame(() => {
        scheduled = false;
        save();
        if (window.scrollY === echoY) return;
        echoY = -1;
        const line = Math.floor(lineAtTop(window.scrollY));
        if (line === lastLine) return;
        lastLine = line;
        vscode.postMessage({ type: 'scrolled', uri, line });
      });
    },
    { passive: true },
  );

  function scrollToLine(line) {
    lastLine = Math.floor(line);
    window.scrollTo(0, Math.max(0, topOfLine(line)));
    scrolledItself();
  }

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
      if (box.bottom < 0 || box.top > window.innerHeight) {
        // Following the editor's cursor: not a scroll to send back to the editor.
        el.scrollIntoView({ block: 'center' });
        scrolledItself();
      }
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
      // Replacing the page is no scroll to send to the editor.
      scrolledItself();
      save();
    } else if (msg.type === 'cursor' && typeof msg.offset === 'number') {
      cursor = msg.offset;
      highlight(true);
    } else if (msg.type === 'scroll' && typeof msg.line === 'number') {
      scrollToLine(msg.line);
    }
  });

  document.addEventListener('click', (event) => {
    // Selecting text is not a request to jump to the source.
    if (String(window.getSelection() || '')) return;
    const target = event.target instanceof Element ? event.target.closest('[data-start]') : null;
    if (!target || !root.contains(target)) return;
    const { start, end } = range(target);
    // A table's number is selected in the editor, so that typing replaces it; elsewhere the cursor goes to the start.
    const value = target.matches('td.value');
    vscode.postMessage({ type: 'reveal', uri, offset: start, ...(value ? { end } : {}) });
  });

  vscode.postMessage({ type: 'ready', seq });
})();
