// The exam the user quit before submitting (`exam-<device>.json`), so quitting or a crash
// never loses it. Versioned; a file that cannot be read is set aside, never deleted.
import { join } from 'node:path';
import { setAside, writeFileDurably } from './durable-file.js';
import { StoreError } from './errors.js';
import type { Io } from './io.js';
import { migrateExamFile } from './migrations.js';

export const EXAM_FILE_VERSION = 2;

export class ExamFile {
  constructor(
    private readonly dataDir: string,
    private readonly device: string,
    private readonly readOnly: boolean,
    private readonly io: Io,
    private readonly notices: string[],
  ) {}

  get file(): string {
    return join(this.dataDir, `exam-${this.device}.json`);
  }

  /** The saved exam with when it was saved, or null (a bad file is set aside and reported). */
  load<T>(valid: (x: unknown) => x is T, now: number): { exam: T; savedAt: number } | null {
    let text: string;
    try {
      text = this.io.readFileSync(this.file, 'utf8') as string;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      return this.unusable(`it cannot be read (${(err as NodeJS.ErrnoException).code})`, now);
    }
    let data: Record<string, unknown>;
    try {
      data = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return this.unusable('it is not valid JSON', now);
    }
    const version = typeof data?.version === 'number' ? data.version : 1;
    if (version > EXAM_FILE_VERSION)
      return this.unusable('it was saved by a newer hyperrecall', now, 'newer');
    const up = migrateExamFile(data, version, EXAM_FILE_VERSION);
    if (up.ok && typeof up.value.savedAt === 'number' && valid(up.value.exam))
      return { exam: up.value.exam, savedAt: up.value.savedAt };
    return this.unusable('its content is not an exam', now);
  }

  private unusable(why: string, now: number, label = 'corrupt'): null {
    if (this.readOnly) {
      this.notices.push(`The saved exam in ${this.file} cannot be used: ${why}.`);
      return null;
    }
    try {
      const aside = setAside(this.file, now, this.io, label);
      this.notices.push(`The saved exam could not be used (${why}); it was moved to ${aside}.`);
    } catch {
      this.notices.push(`The saved exam in ${this.file} cannot be used: ${why}.`);
    }
    return null;
  }

  save(exam: unknown, now: number): void {
    if (this.readOnly) throw new StoreError('the store was opened read-only', this.dataDir);
    writeFileDurably(
      this.file,
      JSON.stringify({ version: EXAM_FILE_VERSION, exam, savedAt: now }),
      this.io,
    );
  }

  clear(): void {
    if (this.readOnly) return;
    for (const f of [this.file, `${this.file}.bak`]) {
      try {
        this.io.unlinkSync(f);
      } catch {}
    }
  }
}
