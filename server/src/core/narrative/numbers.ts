/**
 * Numbers in Chinese prose: `69 件`, `６９件`, `13,264 条`, `85.7%`, `８５．７％`, `1.4万余条`,
 * `7700余条`, `约 300 人次`, `六个部分`. Each token keeps the exact characters of the
 * numeral (what a finding underlines and a fix replaces), its unit and whether it is an
 * approximate figure, which is never compared exactly.
 */
import { parseDec, type Dec } from '../decimal';

export interface NumberToken {
  /** The numeral's characters in the block's text: [start, end). */
  start: number;
  end: number;
  /** The value as written, scaled by 万/亿 when one follows. */
  value: Dec;
  /** Digits written after the decimal point (a rate's precision). */
  decimals: number;
  /** 约/近/逾/余/多/左右/以上 or a 万/亿 scale: a rounded figure. */
  approx: boolean;
  /** `件`, `条`, `%`, `万元`…; empty when none follows. */
  unit: string;
  /** Index just after the unit and any approximation suffix. */
  after: number;
  percent: boolean;
  /** Written in Chinese numerals (两件, 六个). */
  chinese: boolean;
  /** Written with full-width digits. */
  wide: boolean;
  /** Written with thousands separators. */
  grouped: boolean;
}

/** Units that follow counts, amounts and rates; longer ones first so `万元` wins over `万`. */
const UNITS = [
  '个百分点',
  '百分点',
  '个工作日',
  '工作日',
  '人次',
  '万元',
  '亿元',
  '元',
  '件',
  '条',
  '个',
  '次',
  '项',
  '起',
  '宗',
  '例',
  '份',
  '期',
  '篇',
  '部',
  '场',
  '家',
  '人',
  '天',
  '年',
  '月',
  '日',
  '号',
  '倍',
  '%',
  '‰',
];
/** Units a Chinese numeral must be followed by to count as a number at all. */
const CHINESE_UNITS = /^[件个条项次起宗例份部篇场家]$/;
const APPROX_BEFORE = /(?:[约近逾]|超过|超|将近|大约|接近|不足|不到)\s*$/;
const APPROX_AFTER = /^\s*(左右|以上|有余|余|多)/;

const ARABIC = /(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?/g;
const CHINESE = /[零〇一二两三四五六七八九十百千万]+/g;

/** Every number in a block; `norm` is `normalize(text)`. */
export function numbersIn(text: string, norm: string): NumberToken[] {
  const out: NumberToken[] = [];
  for (const m of norm.matchAll(ARABIC)) {
    const start = m.index!;
    const end = start + m[0].length;
    // Part of a longer run (`v2.0`, an identifier): not a figure.
    if (/[A-Z_.]/i.test(norm[start - 1] ?? '') || /[A-Z_]/i.test(norm[end] ?? '')) continue;
    const value = parseDec(m[0].replace(/,/g, ''));
    if (!value) continue;
    out.push(finish(text, norm, start, end, value, m[2]?.length ?? 0, false));
  }
  for (const m of norm.matchAll(CHINESE)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (!CHINESE_UNITS.test(norm.slice(end, end + 1))) continue;
    // Ordinals and fixed expressions: 第三件, 星期一, 一是.
    if (/[第周期]/.test(norm[start - 1] ?? '')) continue;
    const n = parseChineseNumeral(m[0]);
    if (n === undefined) continue;
    out.push(finish(text, norm, start, end, { units: BigInt(n), scale: 0 }, 0, true));
  }
  return out.sort((a, b) => a.start - b.start);
}

function finish(
  text: string,
  norm: string,
  start: number,
  end: number,
  value: Dec,
  decimals: number,
  chinese: boolean,
): NumberToken {
  let p = end;
  let approx = APPROX_BEFORE.test(norm.slice(Math.max(0, start - 4), start));
  const skip = () => {
    while (p < norm.length && (norm[p] === ' ' || norm[p] === '\t')) p++;
  };
  skip();
  // 万/亿 as a scale (1.4万条) but not as part of a money unit (0.35 万元).
  const scale = /^(万|亿)(?!元)/.exec(norm.slice(p, p + 2));
  if (scale) {
    value = { units: value.units * (scale[1] === '万' ? 10000n : 100000000n), scale: value.scale };
    approx = true;
    p += 1;
  }
  const approxMid = /^[余多]/.exec(norm.slice(p, p + 1));
  if (approxMid) {
    approx = true;
    p += approxMid[0].length;
  }
  skip();
  const rest = norm.slice(p, p + 5);
  const unit = UNITS.find((u) => rest.startsWith(u)) ?? '';
  if (unit) p += unit.length;
  const tail = APPROX_AFTER.exec(norm.slice(p, p + 4));
  if (unit && tail) {
    approx = true;
    p += tail[0].length;
  }
  const raw = text.slice(start, end);
  return {
    start,
    end,
    value,
    decimals,
    approx,
    unit,
    after: unit ? p : end,
    percent: unit === '%',
    chinese,
    wide: /[０-９]/.test(raw),
    grouped: raw.includes(','),
  };
}

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 十二 → 12, 两千零五 → 2005, 一万三千 → 13000; undefined for strings that are not a numeral (一二). */
export function parseChineseNumeral(s: string): number | undefined {
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  let prevWasDigit = false;
  for (const c of s) {
    if (c in DIGITS) {
      const d = DIGITS[c];
      if (prevWasDigit && d !== 0 && digit !== 0) return undefined;
      digit = d;
      prevWasDigit = true;
    } else if (c in SMALL_UNITS) {
      section += (digit ?? (c === '十' ? 1 : NaN)) * SMALL_UNITS[c];
      if (Number.isNaN(section)) return undefined;
      digit = undefined;
      prevWasDigit = false;
    } else if (c === '万') {
      total += (section + (digit ?? 0)) * 10000;
      if (total === 0) return undefined;
      section = 0;
      digit = undefined;
      prevWasDigit = false;
    } else return undefined;
  }
  return total + section + (digit ?? 0);
}

/** A value written the way the original was (full-width digits, thousands separators). */
/** 1234567 → 1,234,567; a sign before the digits stays in front. */
function thousands(int: string): string {
  let start = 0;
  while (start < int.length && !(int[start] >= '0' && int[start] <= '9')) start++;
  let out = int.slice(0, start);
  for (let i = start; i < int.length; i++) out += (i > start && (int.length - i) % 3 === 0 ? ',' : '') + int[i];
  return out;
}

export function writeLike(token: Pick<NumberToken, 'wide' | 'grouped'>, plain: string): string {
  let s = plain;
  if (token.grouped) {
    const [int, frac] = s.split('.');
    s = thousands(int) + (frac !== undefined ? `.${frac}` : '');
  }
  if (token.wide) s = s.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) - 48 + 0xff10)).replace(/\./g, '．');
  return s;
}
