// Small facts about the data directory itself: creating it, and the files recovery set aside.
import { StoreError } from './errors.js';
import type { Io } from './io.js';

export function mkdirQuiet(io: Io, dir: string): void {
  try {
    io.mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new StoreError(
      `cannot create the data directory (${(err as NodeJS.ErrnoException).code ?? String(err)})`,
      dir,
    );
  }
}

/** Files set aside by recovery: corrupt or disagreeing caches, cut-off log tails. */
export function setAsideFiles(dir: string, io: Io): string[] {
  try {
    return io
      .readdirSync(dir)
      .filter((n) => /\.(corrupt|mismatch|torn|newer|unreadable)-/.test(n))
      .sort();
  } catch {
    return [];
  }
}
