/**
 * Text reused from another report: sentences that are the same once numbers, years,
 * punctuation and spaces are set aside ("2023 年，本局共收到申请 69 件" and "2024 年，本局共
 * 收到申请 71 件" are the same sentence). Evaluators deduct points when a report repeats last
 * year's by more than half, or when two organs publish the same text.
 */
import type { Span } from './findings';
import type { Position } from './lineIndex';
import type { SectionRole } from './format';
import type { Report, TextBlock } from './model';
import { TextMemo } from './memo';

export interface Sentence {
  block: TextBlock;
  /** Characters of the block's text. */
  start: number;
  end: number;
  /** The sentence with numbers, punctuation and spaces set aside. */
  key: string;
}

/** Sections whose text a report is expected to write anew each year. */
export const WRITTEN_ANEW: SectionRole[] = ['overview', 'problems'];

/** Shorter than this once set aside, a sentence is too common to count as copied (无。 本局高度重视). */
const MIN_KEY = 12;

const NUMBERS = /[0-9０-９零〇一二三四五六七八九十百千万亿两]+(?:[.．][0-9０-９]+)?/g;
const NOISE = /[\s\p{P}\p{S}]+/gu;

/** A sentence as compared: its numbers (digits and Chinese numerals) as one mark, without punctuation. */
export function sentenceKey(s: string): string {
  return s.replace(NOISE, '').replace(NUMBERS, '#');
}

interface Piece {
  start: number;
  end: number;
  key: string;
}

/** The sentences of a text with their keys: by the text, so an unchanged paragraph is not read again. */
const pieces = new TextMemo<Piece[]>(1_000_000);

function piecesOf(text: string): Piece[] {
  return pieces.get(text, (t) => {
    const out: Piece[] = [];
    let start = 0;
    for (const m of t.matchAll(/[。！？；\n]/g)) {
      push(t, start, m.index! + 1, out);
      start = m.index! + 1;
    }
    push(t, start, t.length, out);
    return out;
  });
}

function push(text: string, start: number, end: number, out: Piece[]): void {
  const key = sentenceKey(text.slice(start, end));
  if (key.length >= MIN_KEY) out.push({ start, end, key });
}

/** The sentences of a report's sections of a role. */
export function sentencesOf(report: Report, role: SectionRole): Sentence[] {
  return report.texts
    .filter((b) => b.section?.role === role && b.node)
    .flatMap((block) => piecesOf(block.text).map((p) => ({ block, ...p })));
}

const indexes = new WeakMap<Report, Map<string, Sentence[]>>();

/** Every sentence of the sections written anew, by key: built once per report (last year's is read once). */
export function sentenceIndex(report: Report): Map<string, Sentence[]> {
  let index = indexes.get(report);
  if (!index) {
    index = new Map();
    for (const role of WRITTEN_ANEW)
      for (const s of sentencesOf(report, role)) (index.get(s.key) ?? index.set(s.key, []).get(s.key)!).push(s);
    indexes.set(report, index);
  }
  return index;
}

export interface Reuse {
  role: SectionRole;
  /** Share of the section's text (its sentences' keys, by length) that the other report has too. */
  share: number;
  /** Characters counted, for a section too short to judge. */
  length: number;
  /** Each reused sentence with where the other report has it. */
  reused: { sentence: Sentence; there: Sentence }[];
}

/** How much of a report's sections of a role another report has word for word (numbers aside). */
export function reuse(report: Report, other: Report, role: SectionRole): Reuse {
  const index = sentenceIndex(other);
  const sentences = sentencesOf(report, role);
  let length = 0;
  let shared = 0;
  const reused: Reuse['reused'] = [];
  for (const s of sentences) {
    length += s.key.length;
    const there = index.get(s.key);
    if (there) {
      shared += s.key.length;
      reused.push({ sentence: s, there: there[0] });
    }
  }
  return { role, share: length ? shared / length : 0, length, reused };
}

/** Document offsets of a sentence. */
export function sentenceSpan(s: Sentence): Span {
  const end = s.end > s.start ? s.block.offsetAt(s.end - 1) + 1 : s.block.offsetAt(s.start);
  return { start: s.block.offsetAt(s.start), end };
}

/**
 * A report as the other reports of its batch see it: who published it, for which year, and
 * the sentences it writes anew with where they are. Plain data, small beside the report
 * itself: a batch of hundreds is held (or sent between threads) as these.
 */
export interface Peer {
  /** The file, for related information there; absent when it cannot be named. */
  uri?: string;
  organ?: string;
  year?: number;
  sentences: PeerSentence[];
}

export interface PeerSentence {
  role: SectionRole;
  key: string;
  span: Span;
  range: { start: Position; end: Position };
}

export function peerOf(report: Report, uri?: string): Peer {
  const sentences = WRITTEN_ANEW.flatMap((role) =>
    sentencesOf(report, role).map((s): PeerSentence => {
      const span = sentenceSpan(s);
      return {
        role,
        key: s.key,
        span,
        range: { start: report.lines.positionAt(span.start), end: report.lines.positionAt(span.end) },
      };
    }),
  );
  return { ...(uri ? { uri } : {}), organ: report.organ, year: report.year, sentences };
}

export interface PeerShare {
  peer: Peer;
  role: SectionRole;
  share: number;
  /** Each sentence of the report shared, with where the peer has it. */
  reused: { sentence: PeerSentence; there: PeerSentence }[];
}

interface Hit {
  peer: Peer;
  /** The peer's place in the batch. */
  at: number;
}

/** Every sentence of a batch by key, with the peers that have it: built once per batch (by the array's identity). */
const batches = new WeakMap<readonly Peer[], Map<string, Hit[]>>();

function batchIndex(peers: readonly Peer[]): Map<string, Hit[]> {
  let index = batches.get(peers);
  if (!index) {
    const built = new Map<string, Hit[]>();
    peers.forEach((peer, at) => {
      for (const key of keysOf(peer).keys()) (built.get(key) ?? built.set(key, []).get(key)!).push({ peer, at });
    });
    batches.set(peers, (index = built));
  }
  return index;
}

const peerKeys = new WeakMap<Peer, Map<string, PeerSentence>>();

/** A peer's sentences by key, each where the peer first has it. */
function keysOf(peer: Peer): Map<string, PeerSentence> {
  let keys = peerKeys.get(peer);
  if (!keys) {
    keys = new Map();
    for (const s of peer.sentences) if (!keys.has(s.key)) keys.set(s.key, s);
    peerKeys.set(peer, keys);
  }
  return keys;
}

/**
 * The reports of a batch that may share `threshold` or more of a report's sections of a role,
 * with how much they share, in the order of the batch. `compared` says which peers count.
 *
 * A sentence every report of the batch has (a heading of the form) would make every pair of
 * reports a candidate, and the batch quadratic. A peer that shares `threshold` of the text
 * must have one of its rarest sentences, those that together make up more than the rest
 * (1 − threshold) of it: only they name candidates, each then compared in full. Peers that
 * share less may be left out; none that share as much is.
 */
export function sharedWithPeers(
  self: Peer,
  peers: readonly Peer[],
  role: SectionRole,
  compared: (peer: Peer) => boolean,
  threshold: number,
): PeerShare[] {
  const index = batchIndex(peers);
  const sentences = self.sentences.filter((s) => s.role === role);
  const length = sentences.reduce((n, s) => n + s.key.length, 0);
  if (!length) return [];
  const rarest = sentences
    .map((s) => ({ key: s.key, hits: index.get(s.key) ?? [] }))
    .sort((a, b) => a.hits.length - b.hits.length);
  const candidates = new Map<Peer, number>();
  let unread = length;
  for (const { key, hits } of rarest) {
    // What is left unread is less than the threshold: a peer not found yet cannot reach it.
    if (unread / length < threshold - 1e-9) break;
    unread -= key.length;
    for (const hit of hits)
      if (hit.peer !== self && !candidates.has(hit.peer) && compared(hit.peer)) candidates.set(hit.peer, hit.at);
  }
  return [...candidates]
    .sort(([, a], [, b]) => a - b)
    .map(([peer]) => {
      const theirs = keysOf(peer);
      let shared = 0;
      const reused: PeerShare['reused'] = [];
      for (const sentence of sentences) {
        const there = theirs.get(sentence.key);
        if (!there) continue;
        shared += sentence.key.length;
        reused.push({ sentence, there });
      }
      return { peer, role, share: shared / length, reused };
    });
}

/** Characters of a report's sections of a role that are compared. */
export function comparedLength(self: Peer, role: SectionRole): number {
  return self.sentences.reduce((n, s) => (s.role === role ? n + s.key.length : n), 0);
}
