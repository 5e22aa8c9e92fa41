/**
 * Bytes → text. Chinese government pages and text files are still often GBK/GB2312; the
 * encoding is detected as for every file GovReport reads (../encoding.ts): a byte-order mark,
 * an HTML/XML declaration, or whether the bytes are valid UTF-8 (GB18030 otherwise).
 */
import { decodeText } from '../encoding';

export function decodeBytes(bytes: Uint8Array): string {
  return decodeText(bytes).text;
}
