// Writes schemas/govreport.schema.json from the format declaration; `--check` only compares.
// Run: node --import tsx scripts/generate-schema.ts [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { jsonSchema } from '../server/src/core/schema';

export const SCHEMA_PATH = path.resolve(__dirname, '..', 'schemas', 'govreport.schema.json');

export function schemaText(): string {
  return JSON.stringify(jsonSchema(), null, 2) + '\n';
}

if (require.main === module) {
  const text = schemaText();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(SCHEMA_PATH, 'utf8');
    } catch {
      // Missing counts as out of date.
    }
    if (current !== text) {
      console.error(
        `${path.relative(process.cwd(), SCHEMA_PATH)} is out of date: run node --import tsx scripts/generate-schema.ts`,
      );
      process.exit(1);
    }
  } else {
    writeFileSync(SCHEMA_PATH, text);
    console.log(`wrote ${path.relative(process.cwd(), SCHEMA_PATH)}`);
  }
}
