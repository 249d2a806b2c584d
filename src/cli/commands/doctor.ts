// `doctor` reports; `doctor --fix` repairs. Without --fix it writes nothing, so it works on a
// read-only or full disk and beside a running session.
import { labsDoctorLine } from '../../app/labs/tools.js';
import { findClashes, findConflictCopies, foldConflictCopies } from '../../app/merge.js';
import { oneLine } from '../../core/sanitize.js';
import { clashNotices } from '../../store/same-device.js';
import type { Context } from '../context.js';
import { type Opened, withCollection } from '../with-collection.js';

/**
 * Sync tools' conflict copies and records that clash: with --fix, the copies' records go to
 * this device's log and the copies are removed. Returns the findings still open.
 */
function syncFindings({ store }: Opened, fix: boolean, out: (line: string) => void): number {
  let open = 0;
  for (const line of clashNotices(findClashes(store.dataDir))) {
    out(`problem: ${line}`);
    open++;
  }
  const copies = findConflictCopies(store.dataDir);
  if (!fix) {
    for (const f of copies.others) out(`conflict copy (ignored; doctor --fix removes it): ${f}`);
    return open + copies.others.length;
  }
  if (copies.logs.length + copies.others.length === 0) return open;
  const { added, removed } = foldConflictCopies(store);
  if (copies.logs.length > 0)
    out(
      `folded ${added} record(s) from ${copies.logs.length} conflict copy(ies) into ${store.logFile}`,
    );
  for (const f of removed) out(`removed conflict copy: ${f}`);
  return open;
}

function report({ collection, store }: Opened, out: (line: string) => void): void {
  const marks = store.progress.marks;
  for (const f of store.setAsideFiles()) out(`set aside (kept for you to inspect): ${f}`);
  const orphans = collection.orphanKeys();
  if (orphans.length) {
    out(`history kept for ${orphans.length} card(s) no longer in any deck:`);
    for (const k of orphans) out(`  ${k}`);
  }
  const suspended = Object.keys(marks).filter((k) => marks[k]?.suspended);
  const leeches = Object.keys(marks).filter((k) => marks[k]?.leech);
  if (suspended.length)
    out(`suspended (hyperrecall unsuspend KEY... or --all): ${suspended.join(', ')}`);
  if (leeches.length) out(`leeches: ${leeches.join(', ')}`);
}

export async function run(ctx: Context, opts: { fix?: boolean }): Promise<number> {
  const out = (line: string) => process.stdout.write(`${oneLine(line)}\n`);
  const fix = opts.fix === true;
  return withCollection(
    ctx,
    fix ? 'write' : 'read',
    async (opened) => {
      const { store } = opened;
      out(`data directory: ${ctx.dataDir}`);
      out(
        `reviews: ${store.progress.reviews} · cards with history: ${Object.keys(store.progress.cards).length}`,
      );
      // What opening the store found: repaired already when opened for writing.
      // (With --fix, conflict copies are folded in below and said so there.)
      const found = store.notices.filter((n) => !(fix && n.includes("sync tool's conflict copy")));
      for (const n of found) out(`${fix ? 'recovered' : 'found'}: ${n}`);
      const problems = store.verify();
      if (fix && problems.length) {
        const copy = store.repair();
        for (const p of problems) out(`repaired: ${p}; the cache was rebuilt from the review log`);
        if (copy) out(`the old cache was kept as ${copy}`);
      } else for (const p of problems) out(`problem: ${p}`);
      const sync = syncFindings(opened, fix, out);
      report(opened, out);
      // Whether lab cards can run: information, not a finding (the exit code ignores it).
      out(labsDoctorLine());
      const open = fix ? sync : problems.length + found.length + sync;
      out(
        open ? `${open} finding(s); hyperrecall doctor --fix repairs what can be repaired` : 'ok',
      );
      return open ? 1 : 0;
    },
    { printNotices: false },
  );
}
