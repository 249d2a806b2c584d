// `config set sync-auto true`: the TUI syncs on start (before the home screen, so what the
// other devices studied is counted) and on quit (after the store is closed, so every answer
// of the session goes). One line each on stderr; a failure is reported and never stops
// the study. Costs one stat when the data directory does not sync.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { oneLine } from '../core/sanitize.js';
import type { Context } from './context.js';

/** Whether this data directory syncs and the setting asks for it. */
async function wanted(ctx: Context): Promise<boolean> {
  if (!existsSync(join(ctx.dataDir, '.git', 'hyperrecall-sync.json'))) return false;
  const [{ Store }, { resolveSettings }] = await Promise.all([
    import('../store/store.js'),
    import('../core/settings.js'),
  ]);
  let store: import('../store/store.js').Store | null = null;
  try {
    store = await Store.open({
      dataDir: ctx.dataDir,
      device: ctx.device,
      now: ctx.now,
      readOnly: true,
    });
    return resolveSettings(store.settings).syncAuto;
  } catch {
    return false; // the study's own open reports what is wrong
  } finally {
    await store?.close();
  }
}

/** Runs one sync for the TUI; returns the line it printed, or null when sync is off. */
export async function autoSync(
  ctx: Context,
  when: 'start' | 'quit',
  out: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Promise<string | null> {
  if (!(await wanted(ctx))) return null;
  const [{ syncNow }, { describe, syncOptions }] = await Promise.all([
    import('../app/sync.js'),
    import('./commands/sync.js'),
  ]);
  let line: string;
  try {
    line = `hyperrecall: sync on ${when}: ${describe(await syncNow(syncOptions(ctx, true)))}`;
  } catch (err) {
    const why = oneLine(err instanceof Error ? err.message : String(err));
    line = `hyperrecall: sync on ${when} failed: ${why}${when === 'start' ? ' (studying with what is here)' : ''}`;
  }
  out(line);
  return line;
}

/** Wraps a TUI command: sync before it starts and after it has closed the store. */
export async function withAutoSync(ctx: Context, fn: () => Promise<number>): Promise<number> {
  // Not on a terminal the TUI refuses to start: no reason to touch the network first.
  const tty = process.stdin.isTTY && process.stdout.isTTY;
  if (tty) await autoSync(ctx, 'start');
  const code = await fn();
  if (tty && code === 0) await autoSync(ctx, 'quit');
  return code;
}
