/**
 * The form's typography (GB/T 9704 conventions: 小标宋 title, 黑体 and 楷体 headings, 仿宋
 * text, A4 margins) with fallbacks to the CJK fonts common on Windows, macOS and Linux.
 * `theme-export` is black on white; `theme-preview` follows the VS Code theme through its
 * CSS variables. Static text: nothing from a report is ever put into a style.
 */

const SERIF = '"Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", serif';
const SANS = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

export const REPORT_CSS = `
.report {
  --paper: #fff; --ink: #000; --rule: #000; --head: transparent; --muted: #444;
  --error: #c8102e; --warning: #a86400; --info: #1565c0;
  --error-bg: rgba(200, 16, 46, 0.13); --warning-bg: rgba(230, 150, 0, 0.18); --info-bg: rgba(21, 101, 192, 0.12);
  box-sizing: border-box; max-width: 210mm; margin: 0 auto; padding: 25mm 26mm 25mm 28mm;
  background: var(--paper); color: var(--ink);
  font-family: "仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", ${SERIF};
  font-size: 16pt; line-height: 1.8;
}
.report.theme-preview {
  --paper: var(--vscode-editor-background, #fff); --ink: var(--vscode-editor-foreground, #000);
  --rule: var(--vscode-editor-foreground, #000); --head: var(--vscode-editorWidget-background, transparent);
  --muted: var(--vscode-descriptionForeground, #444);
  --error: var(--vscode-editorError-foreground, #c8102e); --warning: var(--vscode-editorWarning-foreground, #a86400);
  --info: var(--vscode-editorInfo-foreground, #1565c0);
  max-width: 62rem; padding: 1.5rem 2rem 4rem; font-size: 16px;
}
.report.theme-preview table.form { font-size: 0.8em; }
.report h1 {
  margin: 0 0 1.6em; text-align: center; font-size: 1.375em; line-height: 1.6; font-weight: bold;
  font-family: "方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "华文中宋", "STZhongsong", "SimSun", ${SERIF};
}
.report h1 > span { display: block; }
.report h2 {
  margin: 1em 0 0; text-indent: 2em; font-size: 1em; font-weight: bold;
  font-family: "黑体", "SimHei", "Heiti SC", ${SANS};
}
.report h3 {
  margin: 0; text-indent: 2em; font-size: 1em; font-weight: normal;
  font-family: "楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "STKaiti", ${SERIF};
}
.report p { margin: 0; text-indent: 2em; text-align: justify; }
.report .unit { margin: 0.3em 0 0.2em; text-indent: 0; text-align: right; font-size: 0.66em; }
.report .table-wrap { margin: 0.5em 0 1em; overflow-x: auto; }
.report table.form {
  width: 100%; border-collapse: collapse; table-layout: fixed;
  font-family: "宋体", "SimSun", ${SERIF}; font-size: 0.66em; line-height: 1.45;
  font-variant-numeric: tabular-nums;
}
.report table.form th, .report table.form td {
  border: 1px solid var(--rule); padding: 0.25em 0.3em; vertical-align: middle; text-align: center;
  overflow-wrap: anywhere;
}
.report table.form th { font-weight: normal; background: var(--head); }
.report table.form th.label { text-align: left; }
.report table.form th.corner { text-align: left; vertical-align: top; font-size: 0.9em; }
.report .signature { margin-top: 3em; padding-right: 2em; text-align: right; }
.report .signature p { text-indent: 0; text-align: right; }

.report .mark.mark-error { background: var(--error-bg); }
.report .mark.mark-warning { background: var(--warning-bg); }
.report .mark.mark-information, .report .mark.mark-hint { background: var(--info-bg); }
.report span.mark, .report h1 span.mark, .report h2.mark, .report h3.mark {
  text-decoration: underline wavy; text-decoration-skip-ink: none; text-underline-offset: 0.2em;
}
.report span.mark-error, .report h2.mark-error, .report h3.mark-error { text-decoration-color: var(--error); }
.report span.mark-warning, .report h2.mark-warning, .report h3.mark-warning { text-decoration-color: var(--warning); }
.report span.mark-information, .report span.mark-hint, .report h2.mark-information, .report h3.mark-information { text-decoration-color: var(--info); }
.report table.form .mark-error { box-shadow: inset 0 0 0 2px var(--error); }
.report table.form .mark-warning { box-shadow: inset 0 0 0 2px var(--warning); }
.report table.form .mark-information, .report table.form .mark-hint { box-shadow: inset 0 0 0 2px var(--info); }
.report.marks table.form td.missing {
  background: repeating-linear-gradient(135deg, transparent 0 4px, var(--error-bg) 4px 8px);
}
.report .findings-summary {
  margin: 0 0 1.5em; padding: 0.5em 1em; border-left: 4px solid var(--warning);
  font-family: ${SANS}; font-size: 0.8em; line-height: 1.5;
}
.report .findings-summary p { text-indent: 0; }
.report .findings-summary ul { margin: 0.3em 0 0; padding-left: 1.2em; }
.report .findings-summary li.mark-error { list-style: square; color: var(--error); background: none; }
.report .findings-summary li.mark-warning { color: var(--warning); background: none; }

@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@media print {
  html, body { background: #fff; }
  .report, .report.theme-preview {
    --paper: #fff; --ink: #000; --rule: #000; --head: transparent;
    max-width: none; margin: 0; padding: 0; font-size: 16pt;
  }
  .report .findings-summary { display: none; }
  .report .table-wrap { overflow: visible; }
  .report thead { display: table-header-group; }
  .report tr, .report h1 { break-inside: avoid; }
  .report h2, .report h3 { break-after: avoid; }
}
`;

/** Page-level rules for the standalone document (the preview's page belongs to VS Code). */
export const PAGE_CSS = `
html { background: #e8e8e8; }
body { margin: 0; padding: 12mm 0; }
@media print { html { background: #fff; } body { padding: 0; } }
`;
