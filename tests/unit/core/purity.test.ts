import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE = join(import.meta.dirname, '../../../src/core');
const FORBIDDEN =
  /from '(node:[^']+|fs|path|ink|react|lowdb|yaml|zod|proper-lockfile|env-paths|commander)'/;

describe('src/core stays pure', () => {
  it.each(readdirSync(CORE).filter((f) => f.endsWith('.ts')))(
    '%s imports no I/O, UI or storage module',
    (file) => {
      const text = readFileSync(join(CORE, file), 'utf8');
      expect(text).not.toMatch(FORBIDDEN);
      expect(text).not.toMatch(/Date\.now\(\)|new Date\(\)/);
      expect(text).not.toMatch(/process\./);
    },
  );
});
