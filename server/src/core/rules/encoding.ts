/**
 * Bytes that could not be decoded. Whoever turned the file's bytes into this text (the CLI,
 * the editor) put U+FFFD where they did not fit the encoding it assumed, usually because
 * the file is in another (GBK from a Windows tool): saving the text loses the original
 * characters for good. Reported once, at the first, with the encoding assumed and, where the
 * face could look at the file's bytes, the one they appear to be in.
 */
import { finding } from '../codes';
import { txt } from '../findings';
import { defineRule } from '../rule';

export const encodingRule = defineRule({
  id: 'encoding',
  group: 'file',
  codes: ['undecodable-text'],
  check({ report, decoding = {} }) {
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
  },
  docs: {
    'undecodable-text': {
      about: txt(
        '文件中有按所用编码无法解读的字节（通常是 GBK 文件被当作 UTF-8 打开），显示为 �。保存会永久丢失原来的字符；此时“全部修复”不做任何修改。',
        'The file holds bytes the encoding it was read in cannot decode (usually a GBK file opened as UTF-8), shown as �. Saving loses the original characters for good; fix-all changes nothing then.',
      ),
      notFlagged: txt(
        '只在第一处报告一次，并给出总数：各处是同一个问题。解码没有出错、却按错的编码读出的文字（乱码，如“鏌愬競”）不报告：那是合法的字符，无法与正常文字可靠地区分。',
        'Reported once, at the first, with the count: every place is the same defect. Text that decoded without error but in the wrong encoding (mojibake such as 鏌愬競) is not reported: it is made of valid characters, which cannot be told reliably from real text.',
      ),
      wrong: {
        edits: [{ replace: '机关: 某市交通运输局', with: '机关: 某市交通\ufffd\ufffd局' }],
        shown: txt(
          '`机关: 某市交通��局`（GBK 文件按 UTF-8 打开）',
          '`机关: 某市交通��局` (a GBK file opened as UTF-8)',
        ),
      },
      right: {
        edits: [{ replace: '机关: 某市交通运输局', with: '机关: 某市交通运输局' }],
        shown: txt(
          '以文件本来的编码重新打开：`机关: 某市交通运输局`',
          'reopened in its own encoding: `机关: 某市交通运输局`',
        ),
      },
    },
  },
});
