// A lowdb adapter that survives crashes: write a temp file, fsync it, keep the previous
// version as .bak, rename over the target, fsync the directory. A file that cannot be
// parsed is never overwritten: it is renamed aside and the caller is told.
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';

export class CorruptFileError extends Error {
  constructor(
    readonly file: string,
    readonly setAsideAs: string,
    reason: string,
  ) {
    super(`${file} could not be read (${reason}); it was moved to ${setAsideAs}`);
    this.name = 'CorruptFileError';
  }
}

export function writeFileDurably(file: string, text: string): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  if (existsSync(file)) copyFileSync(file, `${file}.bak`);
  renameSync(tmp, file);
  fsyncDir(dirname(file));
}

export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Renames a bad file to `<file>.corrupt-<time>` and returns the new name. */
export function setAside(file: string, now: number): string {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  let target = `${file}.corrupt-${stamp}`;
  for (let i = 1; existsSync(target); i++) target = `${file}.corrupt-${stamp}-${i}`;
  renameSync(file, target);
  return target;
}

export class DurableJSONFile<T> implements Adapter<T> {
  constructor(
    private readonly file: string,
    private readonly validate: (data: unknown) => data is T,
    private readonly now: () => number,
  ) {}

  async read(): Promise<T | null> {
    return this.readSync();
  }

  readSync(): T | null {
    if (!existsSync(this.file)) return null;
    let reason: string;
    try {
      const data: unknown = JSON.parse(readFileSync(this.file, 'utf8'));
      if (this.validate(data)) return data;
      reason = 'unexpected content';
    } catch (err) {
      reason = err instanceof SyntaxError ? 'not valid JSON' : String(err);
    }
    throw new CorruptFileError(this.file, setAside(this.file, this.now()), reason);
  }

  async write(data: T): Promise<void> {
    writeFileDurably(this.file, JSON.stringify(data));
  }
}
