/**
 * Personal data made public in a report: identity card numbers (18 digits whose last one is
 * their check digit), mobile numbers, bank card numbers (16 to 19 digits passing the Luhn
 * check). Website inspections cite them; a report must not publish them unmasked.
 */
import { finding } from '../codes';
import { txt, type Finding, type Text } from '../findings';
import type { TextBlock } from '../model';
import { TextMemo } from '../memo';
import { defineRule } from '../rule';

const ID_CARD =
  /(?<![0-9A-Z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9X](?![0-9A-Z])/gi;
const MOBILE = /(?<![0-9A-Z])1[3-9]\d(?:[- ]?\d{4}){2}(?![0-9A-Z])/gi;
const CARD = /(?<![0-9A-Z])[3-6]\d{3}(?:[ -]?\d{4}){3}(?:[ -]?\d{1,3})?(?![0-9A-Z])/gi;
/** Words that introduce an office's published contact line. */
const CONTACT = /(?:(?:联系|咨询|办公|值班|服务|监督|投诉|举报)(?:电话|手机|方式)|热线(?:电话)?)[:：为是]?\s*$/;

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** GB 11643: the last character of an identity card number is a check of the other seventeen. */
export function isIdCardNumber(s: string): boolean {
  if (!/^\d{17}[0-9X]$/i.test(s)) return false;
  let total = 0;
  for (let i = 0; i < 17; i++) total += Number(s[i]) * WEIGHTS[i];
  return CHECK[total % 11] === s[17].toUpperCase();
}

/** The Luhn check of payment card numbers. */
export function passesLuhn(digits: string): boolean {
  let total = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    total += d;
  }
  return total % 10 === 0;
}

interface Hit {
  start: number;
  end: number;
  message: Text;
  severity?: 'information';
}

/** Kept by the text: a keystroke reads one paragraph again. */
const hitMemo = new TextMemo<Hit[]>(1_000_000);

function hitsIn(text: string): Hit[] {
  return hitMemo.get(text, scanHits);
}

function scanHits(text: string): Hit[] {
  const hits: Hit[] = [];
  const taken = (start: number, end: number) => hits.some((h) => start < h.end && h.start < end);
  for (const m of text.matchAll(ID_CARD)) {
    if (!isIdCardNumber(m[0])) continue;
    hits.push({
      start: m.index!,
      end: m.index! + m[0].length,
      message: txt(
        `“${m[0]}”是身份证号码，公开前应删除或隐去部分数字`,
        `"${m[0]}" is an identity card number: remove it or mask some digits`,
      ),
    });
  }
  for (const m of text.matchAll(CARD)) {
    const digits = m[0].replace(/[ -]/g, '');
    const [start, end] = [m.index!, m.index! + m[0].length];
    if (digits.length < 16 || digits.length > 19 || !passesLuhn(digits) || taken(start, end)) continue;
    hits.push({
      start,
      end,
      message: txt(
        `“${m[0]}”像是银行卡号，公开前应删除或隐去部分数字`,
        `"${m[0]}" looks like a bank card number: remove it or mask some digits`,
      ),
    });
  }
  for (const m of text.matchAll(MOBILE)) {
    const [start, end] = [m.index!, m.index! + m[0].length];
    if (taken(start, end)) continue;
    // The office's own contact line: published on purpose, but a mobile number is a person's.
    const contact = CONTACT.test(text.slice(Math.max(0, start - 10), start));
    hits.push(
      contact
        ? {
            start,
            end,
            severity: 'information',
            message: txt(
              `联系电话“${m[0]}”是手机号码：若是个人的号码，请确认可以公开，或改用办公电话`,
              `the contact number "${m[0]}" is a mobile number: if it is a person's, confirm it may be published, or give an office line`,
            ),
          }
        : {
            start,
            end,
            message: txt(
              `“${m[0]}”是手机号码，公开前应删除或隐去部分数字`,
              `"${m[0]}" is a mobile number: remove it or mask some digits`,
            ),
          },
    );
  }
  return hits;
}

function check(block: TextBlock, out: Finding[]): void {
  for (const h of hitsIn(block.text)) {
    const f = finding(
      'personal-data',
      { start: block.offsetAt(h.start), end: block.offsetAt(h.end - 1) + 1 },
      h.message,
    );
    if (h.severity) f.severity = h.severity;
    out.push(f);
  }
}

const swap = (from: string, to: string) => ({ edits: [{ replace: from, with: to }] });
const SUPERVISION = '将政务公开工作纳入年度绩效考核，开展业务培训 2 次。';

export const personalDataRule = defineRule({
  id: 'personal-data',
  group: 'writing',
  codes: ['personal-data'],
  check({ report }) {
    const out: Finding[] = [];
    const blocks = report.preface ? [report.preface, ...report.texts] : report.texts;
    // Each text is scanned once (hitsIn remembers it), not on every check.
    for (const b of blocks) if (b.node) check(b, out);
    return out;
  },
  docs: {
    'personal-data': {
      about: txt(
        '正文中有身份证号码（18 位，末位校验码正确）、手机号码或银行卡号（16 至 19 位，通过 Luhn 校验）。网站检查会指出未隐去的个人信息；导出前也会提醒。',
        'The text holds an identity card number (18 digits with a valid check digit), a mobile number or a bank card number (16 to 19 digits passing the Luhn check). Website inspections cite unmasked personal data; export warns about it too.',
      ),
      notFlagged: txt(
        '隐去部分数字的号码（139****5678）、办公电话（0354-1234567）、文号和索引号不报告。机关在“联系电话”“咨询电话”等处公布的手机号码只作为提示：它是有意公开的，但若是个人的号码，应确认可以公开。',
        "Masked numbers (139****5678), office lines (0354-1234567), document and index numbers are not reported. A mobile number the organ publishes after 联系电话, 咨询电话 and the like is information only: it is published on purpose, but if it is a person's it should be confirmed that it may be.",
      ),
      wrong: swap(
        SUPERVISION,
        '将政务公开工作纳入年度绩效考核，开展业务培训 2 次，联络员张某（身份证号 11010519491231002X）负责。',
      ),
      right: swap(SUPERVISION, '将政务公开工作纳入年度绩效考核，开展业务培训 2 次，联络员负责日常工作。'),
    },
  },
});
