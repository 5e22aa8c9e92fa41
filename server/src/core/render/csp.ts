/** Content-Security-Policy hashes, computed in JavaScript so that the core runs anywhere. */
import { sha256 } from '@noble/hashes/sha256';

/** `'sha256-…'`: the source expression that allows exactly this inline style or script. */
export function cspHash(text: string): string {
  const digest = sha256(new TextEncoder().encode(text));
  return `'sha256-${btoa(String.fromCharCode(...digest))}'`;
}
