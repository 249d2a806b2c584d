// Reading the snapshot file, whatever state it is in. A file that cannot be used is never
// overwritten: a writer sets it aside first; a reader only works around it. Settings are
// recovered from the backup or from whatever part of the file still holds them.

import type { SyncAdapter } from 'lowdb';
import { oneLine } from '../core/sanitize.js';
import { setAside, writeFileDurably } from './durable-file.js';
import { StoreError } from './errors.js';
import type { Io } from './io.js';
import {
  emptySnapshot,
  readSnapshot,
  SNAPSHOT_VERSION,
  type Snapshot,
  type StoredSettings,
} from './snapshot.js';

export interface LoadedSnapshot {
  snapshot: Snapshot;
  /** The file was upgraded from an older version, or replaced: it should be written. */
  rewrite: boolean;
  notices: string[];
}

type Attempt =
  | { kind: 'missing' }
  | { kind: 'unreadable'; code: string }
  | { kind: 'parsed'; read: ReturnType<typeof readSnapshot> };

function attempt(file: string, io: Io): Attempt {
  let text: string;
  try {
    text = io.readFileSync(file, 'utf8') as string;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
    return code === 'ENOENT' ? { kind: 'missing' } : { kind: 'unreadable', code };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {
      kind: 'parsed',
      read: { ok: false, newer: null, reason: 'not valid JSON', settings: null },
    };
  }
  return { kind: 'parsed', read: readSnapshot(data) };
}

export function loadSnapshot(
  file: string,
  opts: { now: () => number; readOnly: boolean },
  io: Io,
): LoadedSnapshot {
  const notices: string[] = [];
  const main = attempt(file, io);
  if (main.kind === 'parsed' && main.read.ok)
    return { snapshot: main.read.snapshot, rewrite: main.read.migratedFrom !== null, notices };
  if (main.kind === 'parsed' && !main.read.ok && main.read.newer !== null) {
    const message = `${file} was written by a newer hyperrecall (version ${main.read.newer}; this one reads up to ${SNAPSHOT_VERSION}). Update hyperrecall, or move the file away to rebuild progress from the review log.`;
    if (!opts.readOnly) throw new StoreError(message, file);
    notices.push(`${message} Figures come from the review log.`);
    return { snapshot: emptySnapshot(), rewrite: false, notices };
  }
  if (main.kind === 'unreadable') {
    const message = `cannot read ${file} (${main.code}); move it away to rebuild progress from the review log`;
    if (!opts.readOnly) throw new StoreError(message, file);
    notices.push(`${message}. Figures come from the review log.`);
    return { snapshot: emptySnapshot(), rewrite: false, notices };
  }
  let salvaged: StoredSettings | null = null;
  if (main.kind === 'parsed' && !main.read.ok && main.read.newer === null) {
    salvaged = main.read.settings;
    const why = main.read.reason;
    if (opts.readOnly)
      notices.push(`${file} cannot be used (${why}); figures come from the review log.`);
    else {
      const aside = setAside(file, opts.now(), io);
      notices.push(
        `${file} could not be used (${why}); it was moved to ${aside} and progress was rebuilt from the review log.`,
      );
    }
  }
  // The last good version, if any: its positions match its content, so catching up from it
  // is exact.
  const bak = attempt(`${file}.bak`, io);
  if (bak.kind === 'parsed' && bak.read.ok) {
    const snapshot = bak.read.snapshot;
    if (main.kind !== 'missing')
      notices.push(`Settings and progress were restored from ${file}.bak.`);
    return { snapshot, rewrite: true, notices };
  }
  if (bak.kind === 'parsed' && !bak.read.ok && bak.read.newer === null && !salvaged)
    salvaged = bak.read.settings;
  if (salvaged && main.kind !== 'missing')
    notices.push('Settings were recovered from the damaged file.');
  return {
    snapshot: emptySnapshot(salvaged ?? {}),
    rewrite: main.kind !== 'missing',
    notices: notices.map(oneLine),
  };
}

/**
 * The snapshot as a lowdb adapter: `read` is the recovering load above (its notices are
 * kept for the store to show), `write` the durable whole-file write. Synchronous, so a
 * failed write throws where it happens instead of surfacing as an unhandled rejection.
 */
export class SnapshotAdapter implements SyncAdapter<Snapshot> {
  notices: string[] = [];
  /** The file should be written back (upgraded from an older version, or replaced). */
  rewrite = false;

  constructor(
    private readonly file: string,
    private readonly opts: { now: () => number; readOnly: boolean },
    private readonly io: Io,
  ) {}

  read(): Snapshot {
    const loaded = loadSnapshot(this.file, this.opts, this.io);
    this.notices = loaded.notices;
    this.rewrite = loaded.rewrite;
    return loaded.snapshot;
  }

  write(data: Snapshot): void {
    writeFileDurably(this.file, JSON.stringify(data), this.io);
  }
}
