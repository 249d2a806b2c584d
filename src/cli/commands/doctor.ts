import { StoreLockedError } from '../../store/store.js';
import type { Context } from '../context.js';
import { openCollection } from '../services/open.js';

export const description =
  'Check the data directory; rebuild the cache from the review log if it disagrees';

export async function run(ctx: Context): Promise<number> {
  let opened: Awaited<ReturnType<typeof openCollection>>;
  let readOnly = false;
  try {
    opened = await openCollection(ctx, false);
  } catch (err) {
    if (!(err instanceof StoreLockedError)) throw err;
    // A session is running: report only, repair nothing.
    readOnly = true;
    opened = await openCollection(ctx, true);
  }
  const { collection, store } = opened;
  const out = (line: string) => process.stdout.write(`${line}\n`);
  try {
    out(`data directory: ${ctx.dataDir}`);
    out(
      `reviews: ${store.progress.reviews} · cards with history: ${Object.keys(store.progress.cards).length}`,
    );
    for (const n of store.notices) out(`recovered: ${n}`);
    for (const f of store.setAsideFiles()) out(`set aside earlier (kept for you to inspect): ${f}`);
    const problems = store.verify();
    let unresolved = 0;
    for (const p of problems) {
      if (readOnly) {
        out(`problem: ${p} (another session is running; run doctor again after it ends)`);
        unresolved++;
      } else out(`repaired: ${p}; the cache was rebuilt from the log`);
    }
    if (problems.length && !readOnly) store.rebuildCache();
    const orphans = collection.orphanKeys();
    if (orphans.length) {
      out(`history kept for ${orphans.length} card(s) no longer in any deck:`);
      for (const k of orphans) out(`  ${k}`);
    }
    const marks = store.progress.marks;
    const suspended = Object.keys(marks).filter((k) => marks[k]?.suspended);
    const leeches = Object.keys(marks).filter((k) => marks[k]?.leech);
    if (suspended.length)
      out(`suspended (hyperrecall unsuspend KEY... or --all): ${suspended.join(', ')}`);
    if (leeches.length) out(`leeches: ${leeches.join(', ')}`);
    out(unresolved ? `${unresolved} problem(s) left` : 'ok');
    return unresolved ? 1 : 0;
  } finally {
    await store.close();
  }
}
