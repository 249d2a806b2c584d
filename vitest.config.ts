import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Every temporary directory the tests make goes under one folder, removed at the end.
const testTmp = mkdtempSync(join(tmpdir(), 'hyperrecall-tests-'));
process.env.HYPERRECALL_TEST_TMP = testTmp;

export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    globalSetup: ['tests/global-setup.ts'],
    // Ink prints only the final frame when CI is set; UI tests need every frame.
    env: { CI: 'false', NO_COLOR: '1', TZ: 'UTC', TMPDIR: testTmp },
    testTimeout: 20000,
    hookTimeout: 30000,
  },
});
