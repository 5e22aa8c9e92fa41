// The rule help page: shows and marks the rule asked for, and hands links to the extension.
(function () {
  const vscode = acquireVsCodeApi();

  function show(code) {
    for (const old of document.querySelectorAll('section.rule.current')) old.classList.remove('current');
    const section = code && document.getElementById(code);
    if (!section) return;
    section.classList.add('current');
    section.scrollIntoView({ block: 'start' });
    document.body.dataset.code = code;
  }

  document.addEventListener('click', (event) => {
    const a = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!a) return;
    event.preventDefault();
    const href = a.getAttribute('href');
    if (href.startsWith('#')) show(href.slice(1));
    else vscode.postMessage({ type: 'open', href, code: document.body.dataset.code });
  });

  show(document.body.dataset.code);
})();
