// Writes docs/rules.md (English) and docs/rules.zh-CN.md (Chinese) from the rule modules:
// every code with its severity, what it finds, what it does not flag, and its wrong and
// right examples (the same examples the tests execute). `--check` only compares.
// Run: npm run docs [-- --check]
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { CODES } from '../server/src/core/codes';
import type { Locale } from '../server/src/core/findings';
import { RULE_GROUPS, exampleText } from '../server/src/core/rule';
import { RULES } from '../server/src/core/rules';

export const RULE_DOCS: Record<Locale, string> = {
  en: path.resolve(__dirname, '..', 'docs', 'rules.md'),
  'zh-CN': path.resolve(__dirname, '..', 'docs', 'rules.zh-CN.md'),
};

const SEVERITY: Record<Locale, Record<string, string>> = {
  en: { error: 'error', warning: 'warning', information: 'information', hint: 'hint' },
  'zh-CN': { error: '错误', warning: '警告', information: '信息', hint: '提示' },
};

const INTRO: Record<Locale, string> = {
  en: `# Rules

[中文](rules.zh-CN.md)

Every finding has a stable code. Use it to change a rule's severity in the settings or the
config file (\`"govreport.severity": {"fee-not-stated": "off"}\`) or to silence it where it is
wrong:

\`\`\`yaml
# govreport-disable-next-line past-deadline
落款日期: 2025-02-10
# govreport-disable rules-by-department      (to the end of the file)
\`\`\`

Severities follow how sure a rule is: what the form or the law makes so is an **error**,
what the format asks for is a **warning**, what is usually true is **information**.
Each rule below shows a wrong example and a correct one, changes of a complete and correct
report for 年度 2024 (the tests check that each wrong example is found and each right one is
not). This page is generated from the rules themselves (\`npm run docs\`).
`,
  'zh-CN': `# 检查规则

[English](rules.md)

每一项检查结果都有固定的代码。可在设置或配置文件中用它改变规则的严重程度
（\`"govreport.severity": {"fee-not-stated": "off"}\`），或在确实不适用的地方忽略它：

\`\`\`yaml
# govreport-disable-next-line past-deadline
落款日期: 2025-02-10
# govreport-disable rules-by-department      （到文件末尾）
\`\`\`

严重程度取决于规则有多确定：表格或法律规定必须如此的是**错误**，格式要求的是**警告**，通常如此的是**信息**。
下面每条规则都给出一个错误示例和一个正确示例，都是对一份完整、正确的 2024 年度报告所作的改动（测试会检查：
错误示例一定被发现，正确示例一定不被报告）。本页由规则本身生成（\`npm run docs\`）。
`,
};

const LABELS: Record<Locale, { wrong: string; right: string; notFlagged: string; config: string }> = {
  en: { wrong: 'Wrong', right: 'Right', notFlagged: 'Not flagged', config: 'With the config file' },
  'zh-CN': { wrong: '错误示例', right: '正确示例', notFlagged: '不报告', config: '配置文件' },
};

export function ruleDocs(locale: Locale): string {
  const out = [INTRO[locale]];
  const l = LABELS[locale];
  const colon = locale === 'en' ? ': ' : '：';
  for (const g of RULE_GROUPS) {
    const rules = RULES.filter((r) => r.group === g.group);
    if (!rules.length) continue;
    out.push(`## ${g.title[locale]}\n`);
    if (g.about) out.push(`${g.about[locale]}\n`);
    for (const rule of rules) {
      for (const code of rule.codes) {
        const doc = rule.docs[code];
        const severity = SEVERITY[locale][CODES[code].severity];
        const lines = [`### ${code}`, `**${severity}${locale === 'en' ? '.' : '。'}** ${doc.about[locale]}`];
        if (doc.notFlagged) lines.push('', `${l.notFlagged}${colon}${doc.notFlagged[locale]}`);
        lines.push(
          '',
          `- ${l.wrong}${colon}${exampleText(doc.wrong, locale)}`,
          `- ${l.right}${colon}${exampleText(doc.right, locale)}`,
        );
        // The config file an example is checked with, as the user writes it.
        const config = doc.wrong.config ?? doc.right.config;
        if (config) lines.push('', `${l.config}${colon}`, '', '```yaml', '# .govreport.yaml', config, '```');
        out.push(lines.join('\n') + '\n');
      }
    }
  }
  return out.join('\n');
}

if (require.main === module) {
  const check = process.argv.includes('--check');
  let stale = false;
  for (const [locale, file] of Object.entries(RULE_DOCS) as [Locale, string][]) {
    const text = ruleDocs(locale);
    if (!check) {
      writeFileSync(file, text);
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
      continue;
    }
    let current = '';
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      // Missing counts as out of date.
    }
    if (current !== text) {
      console.error(`${path.relative(process.cwd(), file)} is out of date: run npm run docs`);
      stale = true;
    }
  }
  if (stale) process.exit(1);
}
