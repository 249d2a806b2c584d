import { rmSync } from 'node:fs';

/** Removes the folder vitest.config.ts made for the tests' temporary files. */
export default function setup(): () => void {
  return () => {
    const dir = process.env.HYPERRECALL_TEST_TMP;
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
}
