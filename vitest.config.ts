import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    // Ink prints only the final frame when CI is set; UI tests need every frame.
    env: { CI: 'false', NO_COLOR: '1', TZ: 'UTC' },
    testTimeout: 20000,
    hookTimeout: 30000,
  },
});
