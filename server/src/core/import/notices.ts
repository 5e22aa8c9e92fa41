/** Warnings about an import, in both languages: what was not placed, guessed or left unread. */
import { txt, type Text } from '../findings';

export class Notices {
  readonly items: Text[] = [];

  add(zh: string, en: string): void {
    this.items.push(txt(zh, en));
  }
}

/** A printed text quoted in a message, shortened when long. */
export function quote(s: string, max = 40): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
}
