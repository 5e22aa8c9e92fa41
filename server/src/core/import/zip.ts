/**
 * Reads one member of a zip archive (a .docx is one) with node's zlib: the central
 * directory gives each member's offset and compression; stored and deflated members are
 * supported, which is all Word writes.
 */
import { inflateRawSync } from 'node:zlib';

/**
 * More than any report's document.xml: a member that inflates beyond it (a zip bomb, a few
 * kilobytes that expand to gigabytes) is refused instead of exhausting memory.
 */
const MAX_INFLATED = 64 * 1024 * 1024;

export function readZipMember(zip: Uint8Array, name: string): Uint8Array | undefined {
  const buf = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  // The end-of-central-directory record sits in the last 22 bytes plus an optional comment.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let n = 0; n < count && p + 46 <= buf.length; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) return undefined;
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const member = buf.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    if (member !== name) continue;
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) return undefined;
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + compressed);
    if (method === 0) return data;
    if (method === 8) {
      try {
        return inflateRawSync(data, { maxOutputLength: MAX_INFLATED });
      } catch {
        return undefined;
      }
    }
    return undefined;
  }
  return undefined;
}
