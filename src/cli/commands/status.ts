import type { StatusJson } from '../../app/home.js';
import { studyDay } from '../../core/clock.js';
import { deckFingerprint } from '../../decks/load.js';
import { dataFingerprint, readStatusCache, writeStatusCache } from '../../store/status-cache.js';
import type { Context } from '../context.js';

function print(ctx: Context, s: StatusJson, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(s, null, 2)}\n`);
    return;
  }
  // Colour only on a terminal: prompts and status bars embedding this get plain text.
  const paint = process.stdout.isTTY && ctx.color;
  const due = paint && s.due > 0 ? `\x1b[1;33m${s.due} due\x1b[0m` : `${s.due} due`;
  const overdue = s.overdue > 0 ? ` (${s.overdue} overdue)` : '';
  process.stdout.write(
    `${due}${overdue} · ${s.new} new · ${s.learning} learning · streak ${s.streak}\n`,
  );
}

export async function run(ctx: Context, opts: { json?: boolean }): Promise<number> {
  const now = ctx.now();
  // Everything the answer depends on besides the study day: data files, deck files, zone.
  const key = [
    dataFingerprint(ctx.dataDir),
    deckFingerprint(ctx.deckDirs),
    new Date(now).getTimezoneOffset(),
  ].join('#');
  const cached = readStatusCache(ctx.dataDir, ctx.device);
  if (cached && cached.key === key && studyDay(now, cached.dayStartsAt) === cached.day) {
    print(ctx, cached.status as StatusJson, opts.json === true);
    return 0;
  }
  // The collection (decks, store, scheduler) loads only when the cached answer is stale.
  const [{ withCollection }, { statusJson }] = await Promise.all([
    import('../with-collection.js'),
    import('../../app/home.js'),
  ]);
  return withCollection(ctx, 'read', async ({ collection, store }) => {
    const s = statusJson(collection, now);
    const dayStartsAt = collection.settings().dayStartsAt;
    // A figure computed around a problem is not cached: the notice must show again.
    if (store.notices.length === 0)
      writeStatusCache(ctx.dataDir, ctx.device, {
        key,
        day: studyDay(now, dayStartsAt),
        dayStartsAt,
        status: s,
      });
    print(ctx, s, opts.json === true);
    return 0;
  });
}
