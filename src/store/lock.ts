// One writer per device and data directory. proper-lockfile keeps a lock directory fresh
// while we run; after a crash the lock goes stale in 10 s and can be taken again.
import { join } from 'node:path';
import lockfile from 'proper-lockfile';

export type Release = () => Promise<void>;

export async function acquireLock(dataDir: string, device: string): Promise<Release | null> {
  try {
    return await lockfile.lock(dataDir, {
      lockfilePath: join(dataDir, `lock-${device}`),
      realpath: false,
      stale: 10_000,
      retries: 0,
      // Losing the lock (system sleep, clock jump) must not crash a study session mid-card.
      onCompromised: () => {},
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOCKED') return null;
    throw err;
  }
}
