// kill -9 at any moment never loses an acknowledged review, and the store opens cleanly.
// (SIGKILL keeps the page cache, so this checks that the write comes before the
// acknowledgement and that a torn tail is handled; fsync is what covers power loss.)
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';

async function runner(): Promise<string> {
  const out = join(mkdtempSync(join(tmpdir(), 'hr-crash-')), 'runner.mjs');
  await build({
    entryPoints: [join(import.meta.dirname, 'crash-runner.ts')],
    outfile: out,
    bundle: true,
    format: 'esm',
    platform: 'node',
    logLevel: 'warning',
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  });
  return out;
}

function killAfter(script: string, dataDir: string, ms: number): Promise<string[]> {
  return new Promise((resolve) => {
    const child = spawn('node', [script, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (d: Buffer) => {
      text += d.toString();
    });
    setTimeout(() => child.kill('SIGKILL'), ms);
    // Only complete lines were acknowledged: a line cut by the kill may not be.
    child.on('exit', () => resolve(text.split('\n').slice(0, -1)));
  });
}

describe('crash safety', () => {
  it('every review acknowledged before SIGKILL is there after a restart', async () => {
    const script = await runner();
    for (const ms of [150, 260, 330, 410, 520]) {
      const dataDir = mkdtempSync(join(tmpdir(), 'hr-crash-data-'));
      const acked = await killAfter(script, dataDir, ms);
      expect(acked.length).toBeGreaterThan(0);
      // The killed writer's lock stays until it goes stale, so read the way `status` does.
      const store = await Store.open({ dataDir, device: 'crash', now: () => 0, readOnly: true });
      const stored = new Set(store.readAllRecords().map((r) => r.id));
      await store.close();
      expect(acked.filter((id) => !stored.has(id))).toEqual([]);
    }
  });
});
