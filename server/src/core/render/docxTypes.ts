/**
 * What the Word writer takes and gives. The writer (docx.ts) is its own bundle, loaded by the
 * faces only when exporting; they know it by this type, which pulls in nothing of `docx`.
 */
import type { CheckResult } from '../check';

export interface DocxOptions {
  /** Shade the cells and sentences that have findings. */
  marks: boolean;
}

export type RenderDocx = (result: CheckResult, options: DocxOptions) => Promise<Uint8Array>;
