// The data directory. The review logs are the truth; `state-<device>.json` is a lowdb
// cache of what they imply (card memories, day counts) plus settings, and records how many
// bytes of each log it has absorbed so start-up reads only what is new.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Low } from 'lowdb';
import type { LogRecord } from '../core/model.js';
import { applyRecord, emptyProgress, type Progress, rebuildProgress } from '../core/progress.js';
import type { Settings } from '../core/settings.js';
import { CorruptFileError, DurableJSONFile, setAside, writeFileDurably } from './durable-file.js';
import type { Release } from './lock.js';
import { LogWriter, listLogFiles, logFileName, readLog } from './review-log.js';

export const SCHEMA_VERSION = 1;
const CACHE_FLUSH_MS = 30_000;

export interface Snapshot extends Progress {
  schema: number;
  /** Bytes of each log file already folded into `cards` and `days`. */
  logs: Record<string, number>;
  settings: Partial<Record<keyof Settings, unknown>>;
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

function emptySnapshot(): Snapshot {
  return { schema: SCHEMA_VERSION, ...emptyProgress(), logs: {}, settings: {} };
}

function isSnapshot(x: unknown): x is Snapshot {
  if (!x || typeof x !== 'object') return false;
  const s = x as Partial<Snapshot>;
  return (
    s.schema === SCHEMA_VERSION &&
    !!s.marks &&
    typeof s.marks === 'object' &&
    Array.isArray(s.exams) &&
    !!s.cards &&
    typeof s.cards === 'object' &&
    !!s.days &&
    typeof s.days === 'object' &&
    !!s.logs &&
    typeof s.logs === 'object' &&
    typeof s.reviews === 'number' &&
    !!s.settings &&
    typeof s.settings === 'object'
  );
}

export interface OpenOptions {
  dataDir: string;
  device: string;
  now: () => number;
  /** Read-only opens take no lock and write nothing. */
  readOnly: boolean;
}

export class StoreLockedError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `Another hyperrecall session is using ${dataDir}. Quit it first; if it crashed, try again in 10 seconds.`,
    );
    this.name = 'StoreLockedError';
  }
}

export class Store {
  /** Things the user should be told about (set-aside files, skipped log lines). */
  readonly notices: string[] = [];
  private writer: LogWriter | null = null;
  private release: Release | null = null;
  private db!: Low<Snapshot>;
  private flushTimer: NodeJS.Timeout | null = null;
  private dirty = false;
  /** Goes up with every change, so callers can tell a cached answer is stale. */
  version = 0;

  private constructor(private readonly opts: OpenOptions) {}

  static async open(opts: OpenOptions): Promise<Store> {
    const store = new Store(opts);
    if (!opts.readOnly) {
      mkdirSync(opts.dataDir, { recursive: true });
      // proper-lockfile (and graceful-fs) load only for writers: read-only commands start faster.
      const { acquireLock } = await import('./lock.js');
      const release = await acquireLock(opts.dataDir, opts.device);
      if (!release) throw new StoreLockedError(opts.dataDir);
      store.release = release;
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

  private load(): void {
    const adapter = new DurableJSONFile<Snapshot>(this.snapshotFile, isSnapshot, this.opts.now);
    let data: Snapshot | null = null;
    if (this.opts.readOnly) {
      data = this.readWithoutSideEffects();
    } else {
      try {
        data = adapter.readSync();
      } catch (err) {
        if (!(err instanceof CorruptFileError)) throw err;
        this.notices.push(`${err.message}; progress was rebuilt from the review log.`);
        data = this.recoverSettings();
      }
    }
    this.db = new Low<Snapshot>(adapter, emptySnapshot());
    this.db.data = data ?? emptySnapshot();
    this.catchUp();
    if (!this.opts.readOnly) {
      this.writer = new LogWriter(
        join(this.opts.dataDir, logFileName(this.opts.device)),
        this.opts.now(),
      );
      if (this.writer.tornTail)
        this.notices.push(
          `An unfinished log line was cut off and kept in ${this.writer.tornTail}.`,
        );
      this.db.data.logs[logFileName(this.opts.device)] = this.writer.size();
      if (this.dirty) this.flushSync();
    }
  }

  /** Read-only commands must not rename or rewrite anything: a bad cache is just ignored. */
  private readWithoutSideEffects(): Snapshot | null {
    if (!existsSync(this.snapshotFile)) return null;
    try {
      const data: unknown = JSON.parse(readFileSync(this.snapshotFile, 'utf8'));
      if (isSnapshot(data)) return data;
    } catch {}
    this.notices.push(
      `${this.snapshotFile} is unreadable; figures were computed from the review log.`,
    );
    return null;
  }

  /** After the cache was set aside: settings from the last good backup, progress from the logs. */
  private recoverSettings(): Snapshot {
    const fresh = emptySnapshot();
    try {
      const bak: unknown = JSON.parse(readFileSync(`${this.snapshotFile}.bak`, 'utf8'));
      if (isSnapshot(bak)) fresh.settings = bak.settings;
    } catch {}
    return fresh;
  }

  /** Folds any log bytes the cache has not seen (other devices, a crash before a flush). */
  private catchUp(): void {
    let data = this.db.data;
    const names = listLogFiles(this.opts.dataDir);
    const shrunk = Object.entries(data.logs).some(
      ([name, bytes]) => bytes > fileSize(join(this.opts.dataDir, name)),
    );
    if (shrunk) {
      // A log is shorter than the cache remembers (restored from a backup, edited): start over.
      this.notices.push('The review log changed behind the cache; progress was rebuilt from it.');
      data = this.db.data = { ...emptySnapshot(), settings: data.settings };
    }
    for (const name of names) {
      const from = data.logs[name] ?? 0;
      const chunk = readLog(join(this.opts.dataDir, name), from);
      for (const bad of chunk.bad)
        this.notices.push(`${name}: unreadable review entry at byte ${bad.offset} was skipped.`);
      for (const rec of chunk.records) applyRecord(data, rec);
      if (chunk.end !== from) {
        data.logs[name] = chunk.end;
        this.dirty = true;
      }
    }
  }

  get progress(): Progress {
    return this.db.data;
  }

  get settings(): Snapshot['settings'] {
    return this.db.data.settings;
  }

  /** Durable before it returns: the log line is fsynced; the cache follows lazily. */
  append(rec: LogRecord): void {
    if (!this.writer) throw new Error('the store was opened read-only');
    this.writer.append(rec);
    applyRecord(this.db.data, rec);
    this.version++;
    this.db.data.logs[logFileName(this.opts.device)] = this.writer.size();
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    this.dirty = true;
    if (this.flushTimer) return;
    // Rewriting the cache is the slow part (megabytes for a large collection) and the log
    // already holds every answer, so the cache is rewritten at most every half minute and
    // on exit; a reader catches up from the log tail in between.
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      this.flushSync();
    }, CACHE_FLUSH_MS);
    this.flushTimer.unref();
  }

  flushSync(): void {
    if (this.opts.readOnly || !this.dirty) return;
    this.dirty = false;
    this.db.data.schema = SCHEMA_VERSION;
    // Low.write is async only by signature here; the adapter writes synchronously.
    void this.db.write();
  }

  /** Settings are not in the log: they are written through at once. */
  setSettings(settings: Snapshot['settings']): void {
    if (this.opts.readOnly) throw new Error('the store was opened read-only');
    this.db.data.settings = settings;
    this.version++;
    this.dirty = true;
    this.flushSync();
  }

  private get examFile(): string {
    return join(this.opts.dataDir, `exam-${this.opts.device}.json`);
  }

  /** The exam the user quit before submitting, with when it was last saved. */
  loadExamInProgress<T>(valid: (x: unknown) => x is T): { exam: T; savedAt: number } | null {
    if (!existsSync(this.examFile)) return null;
    try {
      const data = JSON.parse(readFileSync(this.examFile, 'utf8')) as {
        exam?: unknown;
        savedAt?: unknown;
      };
      if (typeof data.savedAt === 'number' && valid(data.exam))
        return { exam: data.exam, savedAt: data.savedAt };
    } catch {}
    if (!this.opts.readOnly) {
      const aside = setAside(this.examFile, this.opts.now());
      this.notices.push(`The saved exam could not be read; it was moved to ${aside}.`);
    }
    return null;
  }

  saveExamInProgress(exam: unknown, now: number): void {
    if (this.opts.readOnly) throw new Error('the store was opened read-only');
    writeFileDurably(this.examFile, JSON.stringify({ exam, savedAt: now }));
  }

  clearExamInProgress(): void {
    if (existsSync(this.examFile)) rmSync(this.examFile);
    rmSync(`${this.examFile}.bak`, { force: true });
  }

  /** Files set aside by recovery: corrupt caches and cut-off log tails. */
  setAsideFiles(): string[] {
    if (!existsSync(this.opts.dataDir)) return [];
    return readdirSync(this.opts.dataDir)
      .filter((n) => n.includes('.corrupt-') || n.includes('.torn-'))
      .sort();
  }

  /** Compares the cache with a fresh replay of the log; returns what differs. */
  verify(): string[] {
    const fresh = rebuildProgress(this.readAllRecords());
    const cur = this.db.data;
    const problems: string[] = [];
    const keys = new Set([...Object.keys(fresh.cards), ...Object.keys(cur.cards)]);
    let cards = 0;
    for (const k of keys)
      if (JSON.stringify(fresh.cards[k]) !== JSON.stringify(cur.cards[k])) cards++;
    if (cards) problems.push(`${cards} card state(s) in the cache differ from the review log`);
    if (JSON.stringify(fresh.days) !== JSON.stringify(cur.days))
      problems.push('daily counts in the cache differ from the review log');
    if (JSON.stringify(fresh.marks) !== JSON.stringify(cur.marks))
      problems.push('card marks in the cache differ from the review log');
    return problems;
  }

  /** Replaces the cache with a replay of the log (settings are kept). */
  rebuildCache(): void {
    if (this.opts.readOnly) throw new Error('the store was opened read-only');
    const logs: Record<string, number> = {};
    for (const name of listLogFiles(this.opts.dataDir))
      logs[name] = fileSize(join(this.opts.dataDir, name));
    this.db.data = {
      ...this.db.data,
      ...rebuildProgress(this.readAllRecords()),
      logs,
    };
    this.dirty = true;
    this.flushSync();
  }

  /** Every record of every device's log, in time order, for rebuilds and history. */
  readAllRecords(): LogRecord[] {
    const all: LogRecord[] = [];
    // No spread: a million records would overflow the call stack.
    for (const name of listLogFiles(this.opts.dataDir))
      for (const rec of readLog(join(this.opts.dataDir, name)).records) all.push(rec);
    return all.sort((a, b) => a.at - b.at);
  }

  async close(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (this.db) this.flushSync();
    this.writer?.close();
    this.writer = null;
    if (this.release) await this.release();
    this.release = null;
  }
}
