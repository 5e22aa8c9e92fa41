/**
 * Bytes → text. Chinese government pages and text files are still often GBK/GB2312; the
 * encoding is taken from a byte-order mark, an HTML/XML declaration, or whether the bytes
 * are valid UTF-8 (GB18030, the superset of GBK, otherwise).
 */
import { TextDecoder } from 'node:util';

function decoder(label: string): TextDecoder | undefined {
  try {
    return new TextDecoder(label);
  } catch {
    return undefined;
  }
}

/** The charset an HTML or XML document declares in its first bytes, if any. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=["'\s]*([\w-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/i.exec(head);
  return m?.[1].toLowerCase();
}

export function decodeBytes(bytes: Uint8Array): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const declared = declaredCharset(bytes);
  if (declared && /^(?:gb2312|gbk|gb18030|x-gbk|cp936)$/.test(declared)) {
    const gb = decoder('gb18030');
    if (gb) return gb.decode(bytes);
  }
  const utf8 = new TextDecoder('utf-8').decode(bytes);
  const bad = (utf8.match(/\ufffd/g) ?? []).length;
  // A stray bad byte in a UTF-8 file is not a GBK file: GBK text is invalid UTF-8 throughout.
  if (bad === 0 || bad * 200 < utf8.length) return utf8;
  const gb = decoder('gb18030');
  return gb ? gb.decode(bytes) : utf8;
}
