/** The renderer: a checked report as the published form, in HTML and in Word. */
export { renderHtml, renderBody, REPORT_CSS, type HtmlOptions } from './html';
export { buildPrinted } from './build';
export type * from './printed';
