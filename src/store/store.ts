// The data directory. The review logs are the truth, settings included; `state-<device>.json`
// is a cache of what they imply. A writer holds this device's lock, appends each
// answer durably before it is acknowledged and rewrites the cache lazily. A read-only open
// takes no lock and writes nothing: whatever it finds wrong it reports and works around.
import { join } from 'node:path';
import { LowSync } from 'lowdb';
import { applyRecord } from '../core/fold.js';
import type { LogRecord } from '../core/model.js';
import { lastAt, type Progress } from '../core/progress.js';
import { oneLine } from '../core/sanitize.js';
import { allRecords, catchUp, keepUnreadable, refold, skippedLines } from './catch-up.js';
import { mkdirQuiet, setAsideFiles } from './data-dir.js';
import { keepDevice } from './device.js';
import { setAsideCopy } from './durable-file.js';
import { LockLostError, StoreError } from './errors.js';
import { ExamFile } from './exam-file.js';
import { recordsAbout } from './history.js';
import { type Io, realIo } from './io.js';
import type { Lock } from './lock.js';
import { LogWriter, logFileName } from './review-log.js';
import { sameDeviceNotices } from './same-device.js';
import { changeRecords, deriveSettings, legacyRecords } from './settings-log.js';
import { emptySnapshot, type Snapshot, type StoredSettings } from './snapshot.js';
import { SnapshotAdapter } from './snapshot-file.js';
import { diffProgress } from './verify.js';

const CACHE_FLUSH_MS = 30_000;

export interface OpenOptions {
  dataDir: string;
  device: string;
  now: () => number;
  /** Read-only opens take no lock and write nothing. */
  readOnly: boolean;
  io?: Io;
}

export class Store {
  /** Things the user should be told, one line each: every command prints them. */
  readonly notices: string[] = [];
  /** Goes up with every change, so callers can tell a cached answer is stale. */
  version = 0;
  private readonly exams: ExamFile;
  private db!: LowSync<Snapshot>;
  private snap!: Snapshot;
  private writer: LogWriter | null = null;
  private lock: Lock | null = null;
  private flushTimer: NodeJS.Timeout | null = null;
  private dirty = false;
  private readonly io: Io;

  private constructor(private readonly opts: OpenOptions) {
    this.io = opts.io ?? realIo;
    this.exams = new ExamFile(opts.dataDir, opts.device, opts.readOnly, this.io, this.notices);
  }

  static async open(opts: OpenOptions): Promise<Store> {
    const store = new Store(opts);
    if (!opts.readOnly) {
      mkdirQuiet(store.io, opts.dataDir);
      // A device name chosen for this host on this run is kept from its first write on.
      keepDevice(opts.dataDir, opts.device, store.io);
      // The lock code loads only for writers: read-only commands start faster.
      const { acquireLock } = await import('./lock.js');
      // Refreshed more often than an old version's 10 s stale time, so an old binary on
      // this device never sees the lock as stale while this session is alive.
      store.lock = acquireLock(opts.dataDir, opts.device, { io: store.io, refreshMs: 5_000 });
    }
    try {
      store.load();
    } catch (err) {
      await store.close();
      throw err;
    }
    return store;
  }

  get dataDir(): string {
    return this.opts.dataDir;
  }

  get snapshotFile(): string {
    return join(this.opts.dataDir, `state-${this.opts.device}.json`);
  }

  get logFile(): string {
    return join(this.opts.dataDir, logFileName(this.opts.device));
  }

  get progress(): Progress {
    return this.snap;
  }

  get settings(): StoredSettings {
    return this.snap.settings;
  }

  private load(): void {
    const adapter = new SnapshotAdapter(this.snapshotFile, this.opts, this.io);
    this.db = new LowSync<Snapshot>(adapter, emptySnapshot());
    this.db.read();
    this.notices.push(...adapter.notices);
    this.snap = this.db.data;
    this.dirty = adapter.rewrite;
    const dir = this.opts.dataDir;
    const result = catchUp(this.snap, dir, this.opts.device, this.io);
    if (result.mismatch) this.reportMismatch(result.mismatch);
    this.notices.push(...skippedLines(result, !this.opts.readOnly));
    this.notices.push(...sameDeviceNotices(dir, this.io, result.clashes ?? []));
    if (!this.opts.readOnly) keepUnreadable(dir, result.bad, this.io);
    if (result.changed) this.dirty = true;
    deriveSettings(this.snap);
    if (this.opts.readOnly) return;
    this.writer = new LogWriter(this.logFile, this.opts.now(), this.io);
    if (this.writer.tornTail)
      this.notices.push(`An unfinished log line was cut off and kept in ${this.writer.tornTail}.`);
    this.snap.logs[logFileName(this.opts.device)] = this.writer.size();
    // Settings from before they were records: written into this device's log once.
    this.append(...legacyRecords(this.snap, this.opts.device));
    delete this.snap.legacySettings;
    deriveSettings(this.snap);
    if (this.dirty) this.flush();
  }

  /** The cache disagreed with the logs: keep a copy of it, then trust the logs. */
  private reportMismatch(why: string): void {
    if (this.opts.readOnly) {
      this.notices.push(
        `The cache disagrees with the review log (${why}); figures come from the log.`,
      );
      return;
    }
    const copy = this.setAsideSnapshot('mismatch');
    this.notices.push(
      `The cache disagreed with the review log (${why}); progress was rebuilt from the log${copy ? ` and the old cache kept as ${copy}` : ''}.`,
    );
  }

  private setAsideSnapshot(label: string): string | null {
    try {
      return setAsideCopy(this.snapshotFile, this.opts.now(), label, this.io);
    } catch {
      return null;
    }
  }

  /**
   * The time to give a new record: `now`, or just after the latest record this device wrote
   * or anything already applied about the card, so a device's records are strictly ordered
   * even if the clock steps back.
   */
  recordTime(key: string | null, now: number): number {
    let t = Math.max(now, this.snap.clock + 1);
    if (key !== null) t = Math.max(t, lastAt(this.snap, key) + 1);
    return t;
  }

  /** Durable before it returns; throws (and applies nothing) when the write fails. */
  append(...recs: LogRecord[]): void {
    if (!this.writer) throw new StoreError('the store was opened read-only', this.opts.dataDir);
    if (recs.length === 0) return;
    this.checkLock();
    this.writer.appendAll(recs);
    for (const rec of recs) {
      applyRecord(this.snap, rec, true);
      if (rec.at > this.snap.clock) this.snap.clock = rec.at;
    }
    if (recs.some((r) => r.type === 'setting')) deriveSettings(this.snap);
    this.version++;
    this.snap.logs[logFileName(this.opts.device)] = this.writer.size();
    this.scheduleFlush();
  }

  private checkLock(): void {
    if (this.lock && !this.lock.verify()) throw new LockLostError(this.opts.dataDir);
  }

  /** Whether another session took this device's lock: writing has stopped. */
  get lockLost(): boolean {
    return this.lock?.lost === true;
  }

  private scheduleFlush(): void {
    this.dirty = true;
    if (this.flushTimer) return;
    // Rewriting the cache is the slow part (megabytes for a large collection) and the log
    // already holds every answer, so the cache is rewritten at most every half minute and
    // on exit; a reader catches up from the log tail in between.
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      this.flush();
    }, CACHE_FLUSH_MS);
    this.flushTimer.unref();
  }

  /** Rewrites the cache. Never throws: the log has everything, the cache can wait. */
  flush(): void {
    if (this.opts.readOnly || !this.dirty || this.lockLost) return;
    try {
      this.writeSnapshot();
    } catch (err) {
      this.notices.push(
        `The cache could not be updated (${oneLine(err instanceof Error ? err.message : String(err))}); it will be rebuilt from the review log.`,
      );
    }
  }

  private writeSnapshot(): void {
    this.checkLock();
    this.db.data = this.snap;
    this.db.write();
    this.dirty = false;
  }

  /** Each changed setting becomes a durable record in this device's log; throws if it cannot. */
  setSettings(settings: StoredSettings): void {
    const at = this.recordTime(null, this.opts.now());
    this.append(...changeRecords(this.snap, settings, this.opts.device, at));
    this.flush();
  }

  /** The exam the user quit before submitting, with when it was last saved. */
  loadExamInProgress<T>(valid: (x: unknown) => x is T): { exam: T; savedAt: number } | null {
    return this.exams.load(valid, this.opts.now());
  }

  saveExamInProgress(exam: unknown, now: number): void {
    this.checkLock();
    this.exams.save(exam, now);
  }

  clearExamInProgress(): void {
    if (this.lockLost) return;
    this.exams.clear();
  }

  /** Files set aside by recovery: corrupt or disagreeing caches, cut-off log tails. */
  setAsideFiles(): string[] {
    return setAsideFiles(this.opts.dataDir, this.io);
  }

  /** What differs between the cache and a fresh fold of the logs. */
  verify(): string[] {
    const fresh = { ...this.snap };
    refold(fresh, this.opts.dataDir, this.opts.device, this.io);
    return diffProgress(fresh, this.snap);
  }

  /** Keeps a copy of the cache, then rebuilds it from the logs; returns the copy's name. */
  repair(): string | null {
    if (this.opts.readOnly)
      throw new StoreError('the store was opened read-only', this.opts.dataDir);
    const copy = this.setAsideSnapshot('mismatch');
    this.refoldNow();
    this.writeSnapshot();
    return copy;
  }

  private refoldNow(): void {
    refold(this.snap, this.opts.dataDir, this.opts.device, this.io);
    deriveSettings(this.snap);
    this.dirty = true;
    this.version++;
  }

  /**
   * Appends records made elsewhere (a merged backup, a conflict copy) to this device's log,
   * durable before it returns, then folds every log again: they may be older than what was
   * applied. `after` runs once they are durable (removing the copy they came from, say).
   */
  appendForeign(recs: LogRecord[], after?: () => void): void {
    if (!this.writer) throw new StoreError('the store was opened read-only', this.opts.dataDir);
    this.checkLock();
    this.writer.appendAll(recs);
    after?.();
    this.refoldNow();
    this.flush();
  }

  /** One card's records from every log, in time order. */
  recordsAbout(key: string): LogRecord[] {
    return recordsAbout(this.opts.dataDir, key, this.io);
  }

  /** Every record of every log, in time order, for history and statistics. */
  readAllRecords(): LogRecord[] {
    return allRecords(this.opts.dataDir, this.io);
  }

  async close(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (this.snap) this.flush();
    this.writer?.close();
    this.writer = null;
    this.lock?.release();
    this.lock = null;
  }
}
