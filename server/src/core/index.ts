/**
 * The core's front door: everything the faces (the language server, the CLI, the VS Code
 * client) may use. The core is pure TypeScript that also runs in a browser: no Node, no
 * vscode, no LSP (scripts/check-boundaries.ts fails the build otherwise). The Word renderer
 * is not here: it pulls in the `docx` package, so the faces load it on demand from its own
 * bundle (server/out/docx.js, built from render/docx.ts) only when exporting.
 */
export {
  adjacentCell,
  cellAt,
  findText,
  textAddress,
  type CellAddress,
  type TextAddress,
  type Written,
} from './addresses';
export { append } from './append';
export { check, checkReport, type CheckOptions, type CheckResult } from './check';
export { CODES, RULE_CODES, codeInfo, isRuleCode, type RuleCode } from './codes';
export {
  CONFIG_CODES,
  CONFIG_KEYS,
  EMPTY_CONFIG,
  configSchema,
  parseConfig,
  parseDeadline,
  withConfig,
  type ConfigCode,
  type ConfigProblem,
  type Deduction,
  type LocalRequirement,
  type ParsedConfig,
  type ProjectConfig,
} from './config';
export { completionsAt, type Candidate, type CandidateKind, type CompletionOptions } from './completion';
export { decodeText, encodeText, type Decoded, type EncodingName } from './encoding';
export { formatChinese, formatIso, parseDate, type SimpleDate } from './dates';
export { deadlineFor, type DateOptions, type Deadline } from './deadlines';
export { applyEdits, fixAll, fixAllEdits, fixAllMends, type FixAllResult } from './edits';
export {
  pickLocale,
  txt,
  LOCALES,
  type Edit,
  type Finding,
  type Fix,
  type Locale,
  type Related,
  type Severity,
  type Span,
  type Text,
} from './findings';
export { FORMATS, FORMAT_2021, formatById, type FormatDecl, type OrganTypeDecl } from './format';
export { fingerprints } from './fingerprint';
export { readHeader, type Header } from './header';
export { hoverAt, type HoverInfo } from './hover';
export {
  importPublished,
  importReport,
  importText,
  type ImportFailure,
  type ImportOptions,
  type ImportResult,
  type InputForm,
  type PdfPage,
  type PdfReader,
  type PdfText,
  type PdfTextItem,
} from './import';
export { caretCell, inlayHints, type Hint, type HintOptions } from './inlayHints';
export { LineIndex, type Position } from './lineIndex';
export { LIMITS, screenLines, screenReport, type Refusal } from './limits';
export type { PreviousReport, Report } from './model';
export { foldingRanges, outline, selectionSpans, type Fold, type OutlineKind, type OutlineNode } from './outline';
export { byOrganAndYear, isLastYearOf, lastYearKey, pairingKey, sameOrgan, type Identity } from './pairing';
export { partOf } from './part';
export { parseReport, parseScreenedReport, type ParseOptions } from './parse';
export { isSpreadsheet, pasteCells, readSpreadsheet, type Pasted } from './paste';
export { REPORT_CSS, renderBody, renderHtml, type HtmlOptions } from './render';
export { escapeHtml } from './render/escape';
export type { DocxOptions, RenderDocx, RenderOpinionDocx } from './render/docxTypes';
export { RULE_GROUPS, type Rule, type RuleGroup } from './rule';
export { RULES, groupOf, ruleOf } from './rules';
export { acrossOrgans } from './rules/copied';
export { jsonSchema } from './schema';
export { peerOf, type Peer, type PeerShare } from './similarity';
export {
  CSV_BOM,
  SEVERITY_NAMES,
  checkDetails,
  csvRecord,
  itemText,
  opinionHtml,
  opinionPage,
  opinionText,
  reportFacts,
  scoreOf,
  summaryCsv,
  summaryEntry,
  summaryHtml,
  timelinessText,
  type CheckDetails,
  type EntryInput,
  type Opinion,
  type OpinionItem,
  type ReportFacts,
  type Score,
  type SummaryEntry,
  type SummaryFinding,
  type SummaryOptions,
  type Timeliness,
} from './summary';
export { firstTextToWrite, reportSkeleton, standardPreface, type NewReport } from './skeleton';
export { suppressionFix } from './suppress';
export { shownText, writeCell, writeCells, writeText } from './valueEdits';
export { ChunkCache } from './yamlChunks';
