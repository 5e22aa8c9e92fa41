/**
 * The benchmark's inputs, written to bench/.data/: the example, the long report (the
 * example's 总体情况 sub-sections repeated until the file is about 300 KB on disk) and a
 * folder of reports that vary the example the way a year's batch varies: other organs,
 * years, dates and numbers, some with mistakes.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { EXAMPLE, longReport } from '../test/unit/helpers';

export const DATA = path.join(__dirname, '.data');
export const LONG_BYTES = 300_000;

export interface Inputs {
  example: string;
  long: string;
  /** Paths of the batch, relative to `batchDir`. */
  batch: string[];
  batchDir: string;
  /** A report of the batch whose organ's report of the year before is in the batch too. */
  withLastYear: string;
}

/** The long report: whole sub-sections added until the UTF-8 file reaches `bytes`. */
export function longOfBytes(bytes: number): string {
  // longReport counts UTF-16 units; the Chinese text takes about 2.6 bytes per unit.
  let size = Math.floor(bytes / 3);
  let text = longReport(size);
  while (Buffer.byteLength(text) < bytes) text = longReport((size += 1000));
  return text;
}

const CITIES = [
  '吕梁市',
  '太原市',
  '大同市',
  '阳泉市',
  '长治市',
  '晋城市',
  '朔州市',
  '晋中市',
  '运城市',
  '忻州市',
  '临汾市',
  '孝义市',
  '汾阳市',
  '介休市',
  '高平市',
];
const DEPARTMENTS = [
  '人民政府办公室',
  '教育局',
  '公安局',
  '民政局',
  '财政局',
  '人力资源和社会保障局',
  '自然资源局',
  '生态环境局',
  '住房和城乡建设局',
  '交通运输局',
  '水利局',
  '农业农村局',
  '商务局',
  '文化和旅游局',
  '卫生健康委员会',
  '应急管理局',
  '市场监督管理局',
];

const FILLERS = [
  '全年更新专栏 N 个。',
  '组织业务培训 N 次。',
  '编发工作简报 N 期。',
  '开展实地督查 N 次。',
  '整改各类问题 N 项。',
];

/** A deterministic generator (mulberry32), so every run checks the same batch. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Report `i` of a batch of `n`: organs repeat over consecutive years (so the CLI pairs a
 * report with last year's), every count is scaled by one factor (the tables' identities
 * and the text's rates still hold), every sentence names its organ and every paragraph gets a
 * sentence of its own (reports of different organs share no sentence, so nothing is reused
 * across files and no two organs copy each other), and about one in four has a cell off by one.
 */
export function variant(i: number, n: number): string {
  const rnd = random(i + 1);
  const organs = Math.ceil(n / 4);
  const organ =
    CITIES[(i % organs) % CITIES.length] + DEPARTMENTS[Math.floor((i % organs) / CITIES.length) % DEPARTMENTS.length];
  const year = 2021 + Math.floor(i / organs);
  const k = 1 + Math.floor(rnd() * 5);
  const day = String(10 + Math.floor(rnd() * 20)).padStart(2, '0');
  let text = EXAMPLE.replace(/吕梁市人民政府办公室/g, organ)
    .replace(/20(2[345])/g, (_m, y: string) => String(year + Number(y) - 24))
    .replace(/落款日期: \S+/, `落款日期: ${year + 1}-01-${day}`)
    // Counts in the text and in the tables, scaled alike.
    .replace(/(?<!\d)(\d+)(\s*)([件条份])/g, (_m, v: string, s: string, u: string) => `${Number(v) * k}${s}${u}`)
    .replace(
      /\[([\d, ]+)\]/g,
      (_m, cells: string) =>
        `[${cells
          .split(',')
          .map((c) => Number(c) * k)
          .join(', ')}]`,
    )
    .replace(
      /^( +\S.*。)$/gm,
      (line: string) =>
        // Every sentence names its organ: reports of different organs share no sentence (copied
        // text across organs is the exception in a real batch, not every report).
        `${line.replace(/。/g, `（${organ}）。`)}${FILLERS[Math.floor(rnd() * FILLERS.length)].replace('N', String(1 + Math.floor(rnd() * 400)))}`,
    );
  if (rnd() < 0.25) {
    const rows = [...text.matchAll(/\[(\d+), /g)];
    const m = rows[Math.floor(rnd() * rows.length)];
    const at = m.index! + 1;
    text = text.slice(0, at) + String(Number(m[1]) + 1) + text.slice(at + m[1].length);
  }
  return text;
}

export function writeInputs(batchSize: number): Inputs {
  mkdirSync(DATA, { recursive: true });
  const example = EXAMPLE;
  const long = longOfBytes(LONG_BYTES);
  writeFileSync(path.join(DATA, 'example.report.yaml'), example);
  writeFileSync(path.join(DATA, 'long.report.yaml'), long);
  const batchDir = path.join(DATA, 'batch');
  rmSync(batchDir, { recursive: true, force: true });
  mkdirSync(batchDir, { recursive: true });
  for (let i = 0; i < batchSize; i++)
    writeFileSync(path.join(batchDir, `${String(i).padStart(4, '0')}.report.yaml`), variant(i, batchSize));
  const batch = readdirSync(batchDir).sort();
  // variant(i): the organ of report i is i mod ⌈n/4⌉, its year 2021 + ⌊i / ⌈n/4⌉⌋.
  const withLastYear = batch[batchSize - Math.ceil(batchSize / 4)];
  return { example, long, batch, batchDir, withLastYear };
}
