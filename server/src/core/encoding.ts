/**
 * Bytes ⇄ text. Reports and the pages they are imported from are UTF-8, or GBK/GB18030 (the
 * Chinese Windows encoding), or UTF-16 with a byte-order mark. The encoding is taken from a
 * byte-order mark, an HTML/XML declaration, or whether the bytes are valid UTF-8 (GB18030,
 * the superset of GBK, otherwise); import, the CLI and the server all decide it here.
 * Decoding says where bytes could not be decoded, so that nothing is written back with U+FFFD
 * in their place; encoding writes a text back in the encoding it came in.
 */

export type EncodingName = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030';

export interface Decoded {
  text: string;
  encoding: EncodingName;
  /** The bytes began with a byte-order mark (not part of the text). */
  bom: boolean;
  /** Bytes that are not valid in the encoding, each shown as U+FFFD: how many, and the first one's offset in the text. */
  invalid?: { count: number; offset: number };
}

const LABELS: Record<EncodingName, string> = {
  'UTF-8': 'utf-8',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
  GB18030: 'gb18030',
};

interface Decoder {
  decode(bytes: Uint8Array): string;
}

/** A decoder, if this JavaScript engine has one (GB18030 needs full ICU). */
function decoder(encoding: EncodingName, fatal: boolean): Decoder | undefined {
  try {
    // The byte-order mark is taken off by detect(), not by the decoder.
    return new TextDecoder(LABELS[encoding], { fatal, ignoreBOM: true });
  } catch {
    return undefined;
  }
}

/** The charset an HTML or XML document declares in its first bytes, if any. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  // Both declarations open with "<": without one, no decoding (it costs more than the UTF-8 of a whole report).
  if (bytes.subarray(0, 4096).indexOf(0x3c) < 0) return undefined;
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=["'\s]*([\w-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/i.exec(head);
  return m?.[1].toLowerCase();
}

/** The encoding and the length of the byte-order mark; `text` when deciding it decoded the bytes already. */
function detect(bytes: Uint8Array): { encoding: EncodingName; bom: number; text?: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'UTF-8', bom: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'UTF-16LE', bom: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'UTF-16BE', bom: 2 };
  const declared = declaredCharset(bytes);
  if (declared && /^(?:gb2312|gbk|gb18030|x-gbk|cp936)$/.test(declared) && decoder('GB18030', false))
    return { encoding: 'GB18030', bom: 0 };
  const utf8 = strictly(bytes, 'UTF-8');
  if (utf8 !== undefined) return { encoding: 'UTF-8', bom: 0, text: utf8 };
  if (!decoder('GB18030', false)) return { encoding: 'UTF-8', bom: 0 };
  // A stray bad byte in a UTF-8 file is not a GBK file: GBK text is invalid UTF-8 throughout.
  const bad = countReplacements(decoder('UTF-8', false)!.decode(bytes));
  return { encoding: bad * 200 < bytes.length ? 'UTF-8' : 'GB18030', bom: 0 };
}

/** The bytes decoded, or undefined when some are not valid in the encoding. */
function strictly(bytes: Uint8Array, encoding: EncodingName): string | undefined {
  try {
    return decoder(encoding, true)!.decode(bytes);
  } catch {
    return undefined;
  }
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

/** The text of the bytes in the encoding they appear to be in; undecodable bytes become U+FFFD and are reported. */
export function decodeText(bytes: Uint8Array): Decoded {
  const detected = detect(bytes);
  const { encoding, bom } = detected;
  const body = bytes.subarray(bom);
  const text = detected.text ?? decoder(encoding, false)!.decode(body);
  const decoded: Decoded = { text, encoding, bom: bom > 0 };
  if (detected.text === undefined && text.includes('\ufffd') && strictly(body, encoding) === undefined)
    decoded.invalid = { count: countReplacements(text), offset: text.indexOf('\ufffd') };
  return decoded;
}

/**
 * The text in `encoding` (with its byte-order mark when `bom`), or undefined when the text
 * holds a character the encoding cannot.
 */
export function encodeText(text: string, encoding: EncodingName, bom: boolean): Uint8Array | undefined {
  switch (encoding) {
    case 'UTF-8': {
      if (hasLoneSurrogate(text)) return undefined;
      const body = new TextEncoder().encode(text);
      return bom ? concat(new Uint8Array([0xef, 0xbb, 0xbf]), body) : body;
    }
    case 'UTF-16LE':
    case 'UTF-16BE': {
      if (hasLoneSurrogate(text)) return undefined;
      const le = encoding === 'UTF-16LE';
      const lead = bom ? 2 : 0;
      const out = new Uint8Array(lead + text.length * 2);
      if (bom) out.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        out[lead + 2 * i + (le ? 0 : 1)] = c & 0xff;
        out[lead + 2 * i + (le ? 1 : 0)] = c >> 8;
      }
      return out;
    }
    case 'GB18030':
      return bom ? undefined : encodeGb18030(text);
  }
}

function hasLoneSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c > 0xdbff) return true;
    const next = text.charCodeAt(i + 1);
    if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
    i++;
  }
  return false;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/**
 * GB18030's bytes of each BMP character, built once from this engine's own decoder (the
 * inverse of what reading does, so a text is written back as it was read): the two-byte codes
 * first, then the four-byte codes of the characters those leave out.
 */
let gbTable: Map<number, number[]> | undefined;

function gb18030Table(): Map<number, number[]> | undefined {
  if (gbTable) return gbTable;
  const dec = decoder('GB18030', false);
  if (!dec) return undefined;
  const table = new Map<number, number[]>();
  // Each code is followed by a line break, so that one that does not decode cannot shift the next.
  const learn = (codes: number[][]) => {
    const bytes = new Uint8Array(codes.reduce((n, c) => n + c.length + 1, 0));
    let at = 0;
    for (const c of codes) {
      bytes.set(c, at);
      bytes[at + c.length] = 0x0a;
      at += c.length + 1;
    }
    const chars = dec.decode(bytes).split('\n');
    codes.forEach((c, i) => {
      const ch = chars[i];
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch.charCodeAt(0))) table.set(ch.charCodeAt(0), c);
    });
  };
  const two: number[][] = [];
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) two.push([lead, trail]);
  learn(two);
  // The four-byte codes of the BMP: pointers 0 to 39419.
  learn(Array.from({ length: 39420 }, (_, p) => fourBytes(p)));
  gbTable = table;
  return table;
}

function fourBytes(pointer: number): number[] {
  return [
    0x81 + Math.floor(pointer / 12600),
    0x30 + Math.floor((pointer % 12600) / 1260),
    0x81 + Math.floor((pointer % 1260) / 10),
    0x30 + (pointer % 10),
  ];
}

function encodeGb18030(text: string): Uint8Array | undefined {
  const out: number[] = [];
  let table: Map<number, number[]> | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      out.push(c);
      continue;
    }
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) {
      // Beyond the BMP, GB18030 counts code points from pointer 189000 on.
      out.push(...fourBytes(189000 + cp - 0x10000));
      i++;
      continue;
    }
    table ??= gb18030Table();
    const bytes = table?.get(c);
    if (!bytes) return undefined;
    out.push(...bytes);
  }
  return new Uint8Array(out);
}
