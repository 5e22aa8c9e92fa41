/**
 * An import thread (shared/importThread.ts over the built server/out/importWorker.js), as the CLI
 * and the language server use it: files and bytes converted, each answer to its own job; a
 * conversion that throws rejects that job, naming the file, and the thread goes on; a thread
 * stopped with work under way rejects it, and the next job starts another.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ImportThread } from '../../../server/src/shared/importThread';
import { ROOT } from '../helpers';

const BUNDLE = path.join(ROOT, 'server', 'out', 'importWorker.js');
const TEXT = path.join(ROOT, 'test', 'fixtures', 'real', '04_宿迁市_2023.txt');
const PDF = path.join(ROOT, 'test', 'fixtures', 'pdf', 'lvliang-2024.pdf');

describe('an import thread', () => {
  it('answers each job with its own result, a conversion that throws as its failure, and goes on', async () => {
    assert.ok(existsSync(BUNDLE), `${BUNDLE} is missing: run npm run build first`);
    const thread = new ImportThread(undefined, BUNDLE);
    try {
      // Sent together: the PDF's answer comes last, each still to its own job.
      const [pdf, text, broken, missing] = await Promise.allSettled([
        thread.run({ bytes: readFileSync(PDF), name: 'lvliang-2024.pdf' }),
        thread.run({ file: TEXT }),
        // Not a file name: reading it throws, as a bug in a converter would.
        thread.run({ file: 42 as unknown as string }),
        thread.run({ file: path.join(ROOT, 'no such file.pdf') }),
      ]);
      assert.ok(pdf.status === 'fulfilled' && 'yaml' in pdf.value, 'the PDF is imported');
      assert.match(pdf.value.yaml, /本年新收政府信息公开申请数量: +\[67, 2, 0, 0, 0, 0, 69\]/);
      assert.match(pdf.value.source, /政府信息公开工作年度报告/);
      assert.ok(text.status === 'fulfilled' && 'yaml' in text.value && text.value.yaml.includes('宿迁市'));
      assert.ok(broken.status === 'rejected' && /^importing 42: TypeError/.test(String(broken.reason.message)));
      assert.ok(missing.status === 'fulfilled' && 'unreadable' in missing.value);
      assert.match(missing.value.unreadable, /no such file$/);
      const after = await thread.run({ file: TEXT });
      assert.ok('yaml' in after, 'the thread goes on after a failure');
    } finally {
      thread.close();
    }
  });

  it('rejects what runs when it is stopped, and starts again with the next job', async () => {
    const thread = new ImportThread(undefined, BUNDLE);
    try {
      const running = thread.run({ bytes: readFileSync(PDF), name: 'lvliang-2024.pdf' });
      thread.close();
      await assert.rejects(running, /import stopped/);
      const again = await thread.run({ file: TEXT });
      assert.ok('yaml' in again);
    } finally {
      thread.close();
    }
  });
});
