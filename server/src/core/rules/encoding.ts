/**
 * Bytes that could not be decoded. Whoever turned the file's bytes into this text (the CLI,
 * the editor) put U+FFFD where they did not fit the encoding it assumed, usually because
 * the file is in another (GBK from a Windows tool): saving the text loses the original
 * characters for good. Reported once, at the first, with the encoding assumed and, where the
 * face could look at the file's bytes, the one they appear to be in.
 */
import { txt, type Finding } from '../findings';
import type { Report } from '../model';
import { finding } from './finding';

export interface Decoding {
  /** The encoding the text was decoded from (UTF-8 when not given). */
  used?: string;
  /** The encoding the file's bytes appear to be in, if a face could read them. */
  detected?: string;
}

export function checkEncoding(report: Report, decoding: Decoding = {}): Finding[] {
  const text = report.text;
  const first = text.indexOf('\ufffd');
  if (first < 0) return [];
  let count = 0;
  for (let i = first; i >= 0; i = text.indexOf('\ufffd', i + 1)) count++;
  const used = decoding.used ?? 'UTF-8';
  const other = decoding.detected && decoding.detected !== used ? decoding.detected : undefined;
  return [
    finding(
      'undecodable-text',
      { start: first, end: first + 1 },
      txt(
        `有 ${count} 处字节无法按 ${used} 编码解读，显示为 �（此处是第一处）${
          other ? `；文件看来是 ${other} 编码，请以 ${other} 重新打开` : '；文件可能是另一种编码（如 GBK）'
        }。保存会永久丢失这些字符，自动修正不会进行`,
        `${count} byte sequence(s) could not be read as ${used} and show as � (the first is here)${
          other
            ? `; the file appears to be ${other}: reopen it as ${other}`
            : '; the file may be in another encoding (such as GBK)'
        }. Saving loses these characters for good; fix-all is not applied`,
      ),
    ),
  ];
}
