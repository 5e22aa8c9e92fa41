// Writes schemas/govreport.schema.json (report files) from the format declaration and
// schemas/govreport-config.schema.json (.govreport.yaml) from it and the rule codes;
// `--check` only compares.
// Run: node --import tsx scripts/generate-schema.ts [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { configSchema } from '../server/src/core/config';
import { jsonSchema } from '../server/src/core/schema';

export const SCHEMA_PATH = path.resolve(__dirname, '..', 'schemas', 'govreport.schema.json');
export const CONFIG_SCHEMA_PATH = path.resolve(__dirname, '..', 'schemas', 'govreport-config.schema.json');

export function schemaText(): string {
  return JSON.stringify(jsonSchema(), null, 2) + '\n';
}

export function configSchemaText(): string {
  return JSON.stringify(configSchema(), null, 2) + '\n';
}

if (require.main === module) {
  let stale = false;
  for (const [file, text] of [
    [SCHEMA_PATH, schemaText()],
    [CONFIG_SCHEMA_PATH, configSchemaText()],
  ] as const) {
    if (process.argv.includes('--check')) {
      let current = '';
      try {
        current = readFileSync(file, 'utf8');
      } catch {
        // Missing counts as out of date.
      }
      if (current !== text) {
        console.error(`${path.relative(process.cwd(), file)} is out of date: run npm run schema`);
        stale = true;
      }
    } else {
      writeFileSync(file, text);
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
    }
  }
  if (stale) process.exit(1);
}
