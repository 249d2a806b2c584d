// Several devices of one learner on one machine: a data directory each, a local bare
// repository as the remote, the built CLI run with each device's name and a fixed clock.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initSync, type SyncReport, syncNow } from '../../src/app/sync.js';
import { Store } from '../../src/store/store.js';
import { writeSyncDeck } from '../helpers/study-on.js';
import { CLI } from './cli.js';

export const DAY1 = '2026-03-02T10:00:00Z';

export interface Run {
  code: number | null;
  out: string;
  err: string;
}

export class World {
  readonly root = mkdtempSync(join(tmpdir(), 'hr-sync-'));
  readonly remote = join(this.root, 'remote.git');
  readonly deckDir = writeSyncDeck(this.root);
  /** A home of its own: the machine's git configuration stays out of the tests. */
  readonly home = join(this.root, 'home');

  constructor() {
    mkdirSync(this.home);
    execFileSync('git', ['init', '-q', '--bare', this.remote]);
  }

  dir(device: string): string {
    return join(this.root, `data-${device}`);
  }

  env(device: string, now = DAY1): NodeJS.ProcessEnv {
    return {
      PATH: process.env.PATH,
      HOME: this.home,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.invalid',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.invalid',
      HYPERRECALL_BUILTIN_DECKS: this.deckDir,
      HYPERRECALL_DEVICE: device,
      HYPERRECALL_NOW: now,
      TZ: 'UTC',
    };
  }

  cli(device: string, args: string[], opts: { now?: string; env?: NodeJS.ProcessEnv } = {}): Run {
    const r = spawnSync(process.execPath, [CLI, '--data-dir', this.dir(device), ...args], {
      env: { ...this.env(device, opts.now), ...opts.env },
      encoding: 'utf8',
      cwd: this.root,
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  }

  /** Runs the CLI and fails the test with its output unless it exits 0. */
  ok(device: string, args: string[], now?: string): string {
    const r = this.cli(device, args, { now });
    if (r.code !== 0) throw new Error(`${args.join(' ')} on ${device} exited ${r.code}: ${r.err}`);
    return r.out;
  }

  git(cwd: string, ...args: string[]): string {
    return execFileSync('git', args, { cwd, encoding: 'utf8', env: this.env('x') });
  }

  /** What every device must agree on: the summary and every card's state. */
  view(device: string, now = DAY1): { status: unknown; cards: unknown } {
    return {
      status: JSON.parse(this.ok(device, ['status', '--json'], now)),
      cards: JSON.parse(this.ok(device, ['cards', '--json'], now)),
    };
  }

  /** `sync` in this process (faster than the CLI when a test syncs many times). */
  sync(device: string, init = false, now = DAY1): Promise<SyncReport> {
    const opts = {
      dataDir: this.dir(device),
      device,
      env: this.env(device),
      now: () => Date.parse(now),
    };
    return init ? initSync(opts, this.remote, this.root) : syncNow(opts);
  }

  /** The progress a device's logs fold to, without its device-local parts. */
  async fold(device: string): Promise<unknown> {
    const store = await Store.open({
      dataDir: this.dir(device),
      device,
      now: () => Date.parse(DAY1),
      readOnly: true,
    });
    try {
      const { cards, marks, days, reviews, exams } = store.progress;
      return { cards, marks, days, reviews, exams };
    } finally {
      await store.close();
    }
  }
}
