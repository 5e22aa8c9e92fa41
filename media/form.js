// The form's page: the report as the official form, every value cell and text editable in
// place and moved through like a spreadsheet (Tab, Enter, arrows; typing replaces a cell's
// number). Each change goes to the extension, which writes it into the report file as the
// smallest edit; the page only shows the renders it sends back. Report text reaches the page
// as the renderer's escaped HTML and, for editing, as message data put into form fields: it is
// never parsed as HTML or evaluated.
// @ts-check
(function () {
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('govreport-form');
  if (!root) return;
  /** @type {Record<string, string>} */
  const strings = JSON.parse(root.dataset.strings || '{}');
  let seq = Number(root.dataset.seq) || 0;
  let uri = root.dataset.uri || '';
  root.tabIndex = -1;

  /** The exact value of each text, by address key (the page shows them as printed). */
  let texts = new Map();

  // ---- addresses ---------------------------------------------------------------------

  /** @param {Element} el */
  const isCell = (el) => el.matches('td[data-row]');
  /** @param {Element} el */
  const cellAddress = (el) => {
    const d = /** @type {HTMLElement} */ (el).dataset;
    const wrap = /** @type {HTMLElement | null} */ (el.closest('[data-table]'));
    return { table: wrap ? wrap.dataset.table || '' : '', row: d.row || '', column: Number(d.col) };
  };
  /** @param {Element} el */
  const textAddress = (el) => {
    const d = /** @type {HTMLElement} */ (el).dataset;
    return { section: d.section, sub: d.sub };
  };
  /** @param {{ section?: string, sub?: string }} a */
  const textKey = (a) =>
    `t\u0000${a.section === undefined ? '\u0001' : a.section}\u0000${a.sub === undefined ? '\u0001' : a.sub}`;
  /** @param {Element} el */
  const keyOf = (el) => {
    if (isCell(el)) {
      const a = cellAddress(el);
      return `c\u0000${a.table}\u0000${a.row}\u0000${a.column}`;
    }
    return textKey(textAddress(el));
  };
  /** @returns {HTMLElement[]} */
  const editables = () => Array.from(root.querySelectorAll('td[data-row], div.text'));
  /** @param {string} key */
  const find = (key) => editables().find((el) => keyOf(el) === key) || null;
  /** @param {Element} el */
  const range = (el) => {
    const d = /** @type {HTMLElement} */ (el).dataset;
    return { start: Number(d.start), end: Number(d.end) };
  };

  // ---- state -------------------------------------------------------------------------

  /** @type {HTMLElement | null} */
  let selected = null;
  /**
   * @typedef {{ kind: 'cell', el: HTMLElement, input: HTMLInputElement, key: string, original: string, mode: 'enter' | 'edit' }} CellEdit
   * @typedef {{ kind: 'text', el: HTMLElement, input: HTMLTextAreaElement, key: string, base: string, sent: string, refused: boolean, timer: number }} TextEdit
   * @type {CellEdit | TextEdit | null}
   */
  let editing = null;
  /** Set while a render replaces the page: the editor moved into it must not commit on blur. */
  let rerendering = false;

  const save = () =>
    vscode.setState({ uri, scrollY: window.scrollY, selected: selected ? keyOf(selected) : undefined });
  const state = vscode.getState();

  // ---- selection ---------------------------------------------------------------------

  /**
   * @param {HTMLElement | null} el
   * @param {boolean} [tell] tell the extension (its text editors select the same; its quick fixes come back)
   */
  function select(el, tell = true) {
    if (selected) selected.classList.remove('selected');
    selected = el;
    if (!el) {
      showProblems(null);
      return;
    }
    el.classList.add('selected');
    el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    if (!editing) root.focus({ preventScroll: true });
    showProblems(el);
    const { start, end } = range(el);
    if (tell && !Number.isNaN(start)) vscode.postMessage({ type: 'select', start, end, cell: isCell(el) });
    save();
  }

  /**
   * The editable element next to `el`: `next`/`prev` in reading order (Tab), or the nearest
   * one above, below, left or right on the page.
   * @param {HTMLElement} el
   * @param {'next' | 'prev' | 'up' | 'down' | 'left' | 'right'} dir
   * @returns {HTMLElement | null}
   */
  function neighbour(el, dir) {
    const all = editables();
    const i = all.indexOf(el);
    if (dir === 'next') return all[i + 1] || null;
    if (dir === 'prev') return i > 0 ? all[i - 1] : null;
    const a = el.getBoundingClientRect();
    const ax = (a.left + a.right) / 2;
    const ay = (a.top + a.bottom) / 2;
    let best = null;
    let bestScore = Infinity;
    for (const x of all) {
      if (x === el) continue;
      const b = x.getBoundingClientRect();
      const bx = (b.left + b.right) / 2;
      const by = (b.top + b.bottom) / 2;
      const sameLine = b.top < ay && ay < b.bottom;
      let score = Infinity;
      if (dir === 'down' && b.top >= a.bottom - 2) score = (b.top - a.bottom) * 1000 + Math.abs(bx - ax);
      else if (dir === 'up' && b.bottom <= a.top + 2) score = (a.top - b.bottom) * 1000 + Math.abs(bx - ax);
      else if (dir === 'right' && sameLine && b.left >= a.right - 2) score = b.left - a.right;
      else if (dir === 'left' && sameLine && b.right <= a.left + 2) score = a.left - b.right + Math.abs(by - ay);
      if (score < bestScore) {
        bestScore = score;
        best = x;
      }
    }
    if (!best && dir === 'right') return neighbour(el, 'next');
    if (!best && dir === 'left') return neighbour(el, 'prev');
    return best;
  }

  /** @param {'next' | 'prev' | 'up' | 'down' | 'left' | 'right'} dir */
  function move(dir) {
    if (!selected) return select(editables()[0] || null);
    const to = neighbour(selected, dir);
    if (to) select(to);
  }

  // ---- problems and fixes ------------------------------------------------------------

  const bar = document.createElement('aside');
  bar.className = 'fix-bar';
  bar.hidden = true;
  document.body.appendChild(bar);
  /** @type {HTMLElement | null} */
  let barFor = null;
  /** The quick fixes last offered, shown again when a render rebuilds the bar. */
  let lastFixes = null;

  /** The messages of the findings marked on an element and inside it. */
  function problemsOf(el) {
    const marked = [el, ...Array.from(el.querySelectorAll('.mark'))].filter((m) => m.classList.contains('mark'));
    return marked.flatMap((m) => (m.getAttribute('title') || '').split('\n')).filter((l) => l.trim());
  }

  /** @param {HTMLElement | null} el */
  function showProblems(el, note = '') {
    barFor = el;
    bar.replaceChildren();
    bar.classList.toggle('refused', !!note);
    const lines = el ? problemsOf(el) : [];
    if (el && el.classList.contains('missing')) lines.unshift(strings.missingCell || '');
    if (note) lines.unshift(note);
    if (!lines.length) {
      bar.hidden = true;
      return;
    }
    const list = document.createElement('ul');
    for (const line of lines) {
      const li = document.createElement('li');
      li.textContent = line;
      list.appendChild(li);
    }
    bar.appendChild(list);
    bar.hidden = false;
    if (lastFixes) showFixes(lastFixes);
  }

  /** @param {{ start: number, end: number, fixes: { id: number, title: string }[] }} msg */
  function showFixes(msg) {
    lastFixes = msg;
    if (!barFor || bar.hidden || !msg.fixes.length || bar.querySelector('.fixes')) return;
    const { start, end } = range(barFor);
    if (start !== msg.start || end !== msg.end) return;
    const row = document.createElement('div');
    row.className = 'fixes';
    for (const fix of msg.fixes) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = fix.title;
      button.addEventListener('click', () => vscode.postMessage({ type: 'applyFix', id: fix.id }));
      row.appendChild(button);
    }
    bar.appendChild(row);
  }

  // ---- editing a cell ----------------------------------------------------------------

  /**
   * @param {HTMLElement} td
   * @param {string} initial
   * @param {'enter' | 'edit'} mode `enter`: started by typing, arrows leave the cell; `edit`: arrows move in it
   */
  function editCell(td, initial, mode) {
    const original = td.textContent || '';
    const input = document.createElement('input');
    input.type = 'text';
    input.className = 'cell-input';
    input.value = initial;
    input.spellcheck = false;
    input.setAttribute('inputmode', 'decimal');
    td.replaceChildren(input);
    td.classList.add('editing');
    editing = { kind: 'cell', el: td, input, key: keyOf(td), original, mode };
    input.addEventListener('blur', () => {
      if (!rerendering && editing && editing.input === input) finish();
    });
    input.focus({ preventScroll: true });
    input.setSelectionRange(input.value.length, input.value.length);
  }

  // ---- editing a text ----------------------------------------------------------------

  /** The index in a text's value of the point clicked in its printed paragraphs. */
  function caretAt(div, x, y) {
    const value = texts.get(keyOf(div)) || '';
    const caret = document.caretRangeFromPoint ? document.caretRangeFromPoint(x, y) : null;
    const p = caret && caret.startContainer.parentElement ? caret.startContainer.parentElement.closest('p') : null;
    if (!caret || !p || !div.contains(p)) return value.length;
    const k = Array.from(div.querySelectorAll(':scope > p')).indexOf(p);
    const before = document.createRange();
    before.setStart(p, 0);
    before.setEnd(caret.startContainer, caret.startOffset);
    const within = before.toString().length;
    // Paragraphs are the value's lines that hold more than white space, printed without their indent.
    let at = 0;
    let n = -1;
    for (const line of value.split('\n')) {
      if (line.trim() && ++n === k) {
        const indent = line.length - line.trimStart().length;
        return Math.min(at + indent + within, at + line.length);
      }
      at += line.length + 1;
    }
    return value.length;
  }

  /** @param {HTMLTextAreaElement} ta */
  const fit = (ta) => {
    ta.style.height = 'auto';
    ta.style.height = `${ta.scrollHeight + 2}px`;
  };

  /**
   * @param {HTMLElement} div
   * @param {number} [caret]
   */
  function editText(div, caret) {
    const value = texts.get(keyOf(div)) || '';
    const ta = document.createElement('textarea');
    ta.className = 'text-input';
    ta.value = value;
    ta.spellcheck = false;
    div.replaceChildren(ta);
    div.classList.add('editing');
    const e = {
      kind: /** @type {'text'} */ ('text'),
      el: div,
      input: ta,
      key: keyOf(div),
      base: value,
      sent: value,
      refused: false,
      timer: 0,
    };
    editing = e;
    ta.addEventListener('input', () => {
      fit(ta);
      clearTimeout(e.timer);
      // Sent after a pause, so that the findings follow the writing.
      e.timer = setTimeout(() => sendText(e), 400);
    });
    ta.addEventListener('blur', () => {
      if (!rerendering && editing === e) finish();
    });
    fit(ta);
    ta.focus({ preventScroll: true });
    const at = caret === undefined ? value.length : caret;
    ta.setSelectionRange(at, at);
  }

  /** @param {TextEdit} e */
  function sendText(e) {
    clearTimeout(e.timer);
    if (e.input.value === e.sent) return;
    vscode.postMessage({ type: 'editText', address: textAddress(e.el), base: e.base, value: e.input.value });
    e.sent = e.input.value;
    e.base = e.input.value;
  }

  /** Leaves the cell or text being edited, sending its change (a cell: unless `cancel`). */
  function finish(cancel = false) {
    const e = editing;
    if (!e) return;
    editing = null;
    e.el.classList.remove('editing');
    if (e.kind === 'cell') {
      const value = e.input.value;
      const changed = !cancel && value.trim() !== e.original.trim();
      // Shown at once; the next render shows it as the file writes it.
      e.el.textContent = changed ? value.trim() || '0' : e.original;
      if (changed) vscode.postMessage({ type: 'editCell', address: cellAddress(e.el), value });
    } else {
      sendText(e);
      // Shown as paragraphs at once; the next render marks its findings.
      const lines = e.input.value.split('\n').filter((l) => l.trim());
      e.el.replaceChildren(
        ...lines.map((l) => {
          const p = document.createElement('p');
          p.textContent = l.trim();
          return p;
        }),
      );
      e.el.classList.toggle('empty', !lines.length);
    }
  }

  // ---- keys --------------------------------------------------------------------------

  /** @param {KeyboardEvent} ev */
  function onEditingKey(ev) {
    const e = editing;
    if (!e) return;
    const leave = (/** @type {'next' | 'prev' | 'up' | 'down' | 'left' | 'right'} */ dir) => {
      ev.preventDefault();
      const from = e.el;
      finish();
      select(from, false);
      move(dir);
    };
    if (ev.key === 'Tab') return leave(ev.shiftKey ? 'prev' : 'next');
    if (ev.key === 'Escape') {
      ev.preventDefault();
      const from = e.el;
      finish(true);
      return select(from);
    }
    if (e.kind !== 'cell') return;
    if (ev.key === 'Enter') return leave(ev.shiftKey ? 'up' : 'down');
    if (e.mode === 'enter') {
      const arrows = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };
      if (ev.key in arrows) return leave(/** @type {any} */ (arrows)[ev.key]);
    } else if (ev.key === 'ArrowUp' || ev.key === 'ArrowDown') {
      return leave(ev.key === 'ArrowUp' ? 'up' : 'down');
    }
  }

  document.addEventListener('keydown', (ev) => {
    if (editing) return onEditingKey(ev);
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const moves = {
      ArrowUp: 'up',
      ArrowDown: 'down',
      ArrowLeft: 'left',
      ArrowRight: 'right',
    };
    if (ev.key === 'Tab') {
      ev.preventDefault();
      return move(ev.shiftKey ? 'prev' : 'next');
    }
    if (ev.key in moves) {
      ev.preventDefault();
      return move(/** @type {any} */ (moves)[ev.key]);
    }
    if (!selected) return;
    if (ev.key === 'Enter') {
      ev.preventDefault();
      if (isCell(selected)) return move(ev.shiftKey ? 'up' : 'down');
      return editText(selected);
    }
    if (ev.key === 'F2') {
      ev.preventDefault();
      return isCell(selected) ? editCell(selected, selected.textContent || '', 'edit') : editText(selected);
    }
    if (!isCell(selected)) {
      if (ev.key.length === 1) {
        ev.preventDefault();
        const div = selected;
        editText(div);
        const ta = /** @type {HTMLTextAreaElement} */ (div.querySelector('textarea'));
        ta.setRangeText(ev.key, ta.value.length, ta.value.length, 'end');
        ta.dispatchEvent(new Event('input'));
      }
      return;
    }
    if (ev.key === 'Delete') {
      ev.preventDefault();
      const td = selected;
      editCell(td, '0', 'enter');
      finish();
      return select(td);
    }
    if (ev.key === 'Backspace') {
      ev.preventDefault();
      return editCell(selected, '', 'enter');
    }
    // Typing replaces the number, as in a spreadsheet.
    if (ev.key.length === 1) {
      ev.preventDefault();
      editCell(selected, ev.key, 'enter');
    }
  });

  // ---- mouse -------------------------------------------------------------------------

  root.addEventListener('mousedown', (ev) => {
    const target = ev.target instanceof Element ? ev.target : null;
    if (!target || (editing && editing.el.contains(target))) return;
    const el = /** @type {HTMLElement | null} */ (target.closest('td[data-row], div.text'));
    if (!el) return;
    if (editing) finish();
    if (isCell(el)) {
      ev.preventDefault();
      select(el);
    } else {
      const caret = caretAt(el, ev.clientX, ev.clientY);
      ev.preventDefault();
      select(el);
      editText(el, caret);
    }
  });

  root.addEventListener('dblclick', (ev) => {
    const td = ev.target instanceof Element ? ev.target.closest('td[data-row]') : null;
    if (td && !editing) editCell(/** @type {HTMLElement} */ (td), td.textContent || '', 'edit');
  });

  // ---- clipboard ---------------------------------------------------------------------

  document.addEventListener('paste', (ev) => {
    const text = ev.clipboardData ? ev.clipboardData.getData('text/plain') : '';
    if (editing && (editing.kind === 'text' || !/[\t\n\r]/.test(text))) return;
    const td = editing ? editing.el : selected;
    if (!td || !isCell(td)) return;
    ev.preventDefault();
    if (editing) finish(true);
    select(td, false);
    vscode.postMessage({ type: 'paste', address: cellAddress(td), text });
  });

  document.addEventListener('copy', (ev) => {
    if (editing || !selected || !isCell(selected) || !ev.clipboardData) return;
    ev.clipboardData.setData('text/plain', (selected.textContent || '').trim());
    ev.preventDefault();
  });

  // ---- renders and messages ----------------------------------------------------------

  function decorate() {
    for (const d of root.querySelectorAll('div.text.empty'))
      /** @type {HTMLElement} */ (d).dataset.placeholder = strings.emptyText || '';
  }

  function render(msg) {
    const y = window.scrollY;
    const sameReport = msg.uri === uri;
    seq = msg.seq;
    uri = String(msg.uri);
    root.dataset.seq = String(seq);
    const keep = sameReport ? editing : null;
    const selection = keep ? [keep.input.selectionStart || 0, keep.input.selectionEnd || 0] : null;
    const selectedKey = sameReport && selected ? keyOf(selected) : null;
    texts = new Map(msg.texts.map((t) => [textKey(t.address), t.value]));
    const template = document.createElement('template');
    template.innerHTML = msg.body;
    rerendering = true;
    try {
      root.replaceChildren(template.content);
      decorate();
      editing = null;
      selected = null;
      if (keep) {
        const el = find(keep.key);
        if (el) {
          el.replaceChildren(keep.input);
          el.classList.add('editing');
          keep.el = el;
          editing = keep;
          if (keep.kind === 'text') reconcile(keep);
          keep.input.focus({ preventScroll: true });
          if (selection)
            keep.input.setSelectionRange(
              Math.min(selection[0], keep.input.value.length),
              Math.min(selection[1], keep.input.value.length),
            );
        }
      }
      if (selectedKey) {
        selected = find(selectedKey);
        if (selected) selected.classList.add('selected');
      }
    } finally {
      rerendering = false;
    }
    window.scrollTo(0, sameReport ? y : 0);
    lastFixes = null;
    showProblems(selected);
    // The findings may have changed: ask again for the fixes of what is selected.
    if (selected && !bar.hidden) {
      const { start, end } = range(selected);
      if (!Number.isNaN(start)) vscode.postMessage({ type: 'select', start, end, cell: isCell(selected), quiet: true });
    }
    save();
  }

  /**
   * A text being edited whose value the document no longer holds (an undo, another editor):
   * the document's value is shown, unless the page holds typing not yet sent or refused.
   * @param {TextEdit} e
   */
  function reconcile(e) {
    const now = texts.get(e.key);
    if (now === undefined || now === e.base) return;
    if (e.refused || e.input.value !== e.sent) {
      e.refused = false;
      return;
    }
    e.input.value = now;
    e.base = now;
    e.sent = now;
    fit(e.input);
  }

  window.addEventListener('message', (event) => {
    const msg = event.data;
    if (!msg || typeof msg !== 'object') return;
    if (msg.type === 'render' && typeof msg.seq === 'number' && typeof msg.body === 'string') {
      if (msg.seq > seq && Array.isArray(msg.texts)) render(msg);
    } else if (msg.type === 'texts' && Array.isArray(msg.texts)) {
      if (msg.seq === seq) texts = new Map(msg.texts.map((t) => [textKey(t.address), t.value]));
    } else if (msg.type === 'fixes' && Array.isArray(msg.fixes)) {
      showFixes(msg);
    } else if (msg.type === 'refused' && typeof msg.message === 'string') {
      if (editing && editing.kind === 'text' && msg.text && textKey(msg.text) === editing.key) editing.refused = true;
      showProblems(selected, msg.message);
    } else if (msg.type === 'cursor' && typeof msg.offset === 'number') {
      cursor(msg.offset);
    } else if (msg.type === 'flush' && typeof msg.id === 'number') {
      vscode.postMessage({ type: 'flushed', id: msg.id, pending: pending() });
    }
  });

  /** What is typed and not yet sent, now counted as sent: the extension writes it before a save. */
  function pending() {
    const e = editing;
    if (!e) return [];
    if (e.kind === 'cell') {
      const value = e.input.value;
      if (value.trim() === e.original.trim()) return [];
      e.original = value;
      return [{ kind: 'cell', address: cellAddress(e.el), value }];
    }
    clearTimeout(e.timer);
    if (e.input.value === e.sent) return [];
    const out = [{ kind: 'text', address: textAddress(e.el), base: e.base, value: e.input.value }];
    e.sent = e.input.value;
    e.base = e.input.value;
    return out;
  }

  /** Marks the element at a text editor's caret, unless the form is where the author is working. */
  function cursor(offset) {
    for (const el of root.querySelectorAll('.govreport-cursor')) el.classList.remove('govreport-cursor');
    if (document.hasFocus()) return;
    let best = null;
    let size = Infinity;
    for (const el of root.querySelectorAll('[data-start]')) {
      const { start, end } = range(el);
      if (start <= offset && offset <= end && end - start <= size) {
        best = el;
        size = end - start;
      }
    }
    if (!best) return;
    best.classList.add('govreport-cursor');
    const box = best.getBoundingClientRect();
    if (box.bottom < 0 || box.top > window.innerHeight) best.scrollIntoView({ block: 'center' });
  }

  window.addEventListener('scroll', () => save(), { passive: true });

  decorate();
  if (state && state.uri === uri) {
    if (typeof state.scrollY === 'number') window.scrollTo(0, state.scrollY);
    if (typeof state.selected === 'string') {
      selected = find(state.selected);
      if (selected) selected.classList.add('selected');
    }
  }
  vscode.postMessage({ type: 'ready', seq });
})();
