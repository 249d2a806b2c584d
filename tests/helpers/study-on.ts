// A device studying: answers through the real store and collection, as the study screen
// does, in a data directory of its own. For the sync tests: several devices, one learner.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Collection } from '../../src/app/collection.js';
import type { Grade } from '../../src/core/model.js';
import { ALL } from '../../src/core/ports.js';
import type { SettingKey } from '../../src/core/settings.js';
import { loadDecks } from '../../src/decks/load.js';
import { Store } from '../../src/store/store.js';

/** A deck of `n` basic cards (`sync/c0` ...) in its own folder; returns the folder. */
export function writeSyncDeck(root: string, n = 40): string {
  const dir = join(root, 'decks-src');
  mkdirSync(dir, { recursive: true });
  const cards = Array.from(
    { length: n },
    (_, i) => `  - {id: c${i}, type: basic, front: "Q${i}?", back: "A${i}", ref: t}`,
  );
  writeFileSync(
    join(dir, 'sync.yaml'),
    ['id: sync', 'title: Sync', 'cards:', ...cards, ''].join('\n'),
  );
  return dir;
}

export interface Studied {
  keys: string[];
  /** Whether the queue ran dry (the daily limit) before `count` answers. */
  ranOut: boolean;
}

/** Answers up to `count` cards the queue serves, one minute apart from `start`. */
export async function studyOn(
  dataDir: string,
  device: string,
  deckDir: string,
  count: number,
  start: number,
  opts: {
    grade?: Grade;
    newPerDay?: number;
    keys?: string[];
    settings?: Record<string, string>;
  } = {},
): Promise<Studied> {
  let now = start;
  const store = await Store.open({ dataDir, device, now: () => now, readOnly: false });
  try {
    const load = () => loadDecks([deckDir]);
    const c = new Collection(await load(), store, device, load);
    if (opts.newPerDay !== undefined) c.setSetting('new-per-day', String(opts.newPerDay));
    for (const [k, v] of Object.entries(opts.settings ?? {}))
      if (c.setSetting(k as SettingKey, v) !== null) throw new Error(`setting ${k} refused`);
    const keys: string[] = [];
    for (let i = 0; i < count; i++) {
      const wanted = opts.keys?.[i];
      const card = wanted ? c.card(wanted) : c.next(ALL, now, 0);
      if (!card) return { keys, ranOut: true };
      const w = c.answer({
        card,
        grade: opts.grade ?? 3,
        now,
        tookMs: 1000,
        shown: c.memory(card.key),
      });
      if (!w.ok) throw new Error(`answer failed: ${w.error}`);
      keys.push(card.key);
      now += 60_000;
    }
    return { keys, ranOut: false };
  } finally {
    await store.close();
  }
}
