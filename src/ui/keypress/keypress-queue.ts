// The single owner of keyboard input. Handlers are layered: overlays first, then the
// screen, then global keys; within a layer the newest handler goes first, and the first
// handler that returns true takes the key.
//
// Keys that arrive in one read are queued and handed out one at a time. React renders
// state changes later, in a task of its own, so after each key the queue asks the provider
// for a commit (a counter in its state, batched with whatever the key changed) and hands
// out the next key only after that commit, in a later macrotask. Handlers are looked up
// again for every key, so the second key of "? q" reaches the help overlay the first one
// opened, never the screen underneath it.
import type { Keypress } from './split-keys.js';

export type KeypressPriority = 'overlay' | 'screen' | 'global';

/** Returns true when it took the key; anything else lets the next handler see it. */
export type KeypressHandler = (key: Keypress) => boolean | undefined;

const RANK: Record<KeypressPriority, number> = { overlay: 2, screen: 1, global: 0 };

interface Entry {
  rank: number;
  seq: number;
  handle: KeypressHandler;
}

type Schedule = (run: () => void) => void;

export class KeypressQueue {
  private entries: Entry[] = [];
  private seq = 0;
  private pending: Keypress[] = [];
  private scheduled = false;
  private dispatching = false;
  private listening = false;
  private waiters: (() => void)[] = [];
  /** Asks React for a commit; set by the provider while it is mounted. */
  private requestCommit: ((tick: number) => void) | null = null;
  private requested = 0;
  private awaitingCommit = false;

  constructor(private readonly schedule: Schedule = (run) => setImmediate(run)) {}

  /** Adds a handler; returns the function that removes it. */
  register(priority: KeypressPriority, handle: KeypressHandler): () => void {
    const entry: Entry = { rank: RANK[priority], seq: this.seq++, handle };
    this.entries.push(entry);
    this.entries.sort((a, b) => b.rank - a.rank || b.seq - a.seq);
    return () => {
      this.entries = this.entries.filter((e) => e !== entry);
    };
  }

  /**
   * Connects the queue to React: `request(tick)` must lead to a commit that calls
   * `committed(tick)`. Returns the function that disconnects it.
   */
  connect(request: (tick: number) => void): () => void {
    this.requestCommit = request;
    return () => {
      this.requestCommit = null;
      this.committed(this.requested);
    };
  }

  /** A commit that includes the counter `tick` has happened. */
  committed(tick: number): void {
    if (!this.awaitingCommit || tick < this.requested) return;
    this.awaitingCommit = false;
    this.scheduleNext();
  }

  /** Called once the app listens to stdin: before that, tests must not type. */
  markListening(): void {
    this.listening = true;
    this.settleIfIdle();
  }

  /**
   * Queues the keys of one read. The first goes out at once when nothing is queued; each
   * next one in a later macrotask, once React has committed what the one before changed.
   */
  push(keys: readonly Keypress[]): void {
    this.pending.push(...keys);
    if (!this.scheduled && !this.dispatching && !this.awaitingCommit) this.next();
  }

  /** Drops the keys not yet dispatched: a key typed for one screen never acts on another. */
  discardPending(): void {
    this.pending.length = 0;
  }

  isIdle(): boolean {
    return (
      this.listening &&
      this.pending.length === 0 &&
      !this.scheduled &&
      !this.dispatching &&
      !this.awaitingCommit
    );
  }

  /** Resolves once every queued key has been dispatched and its changes committed. */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Offers one key to the handlers; true when one of them took it. */
  dispatch(key: Keypress): boolean {
    // A copy: a handler may open or close an overlay, which (un)registers handlers.
    for (const e of [...this.entries]) {
      if (!this.entries.includes(e)) continue;
      if (e.handle(key) === true) return true;
    }
    return false;
  }

  private next(): void {
    const key = this.pending.shift();
    if (!key) {
      this.scheduleNext();
      return;
    }
    this.dispatching = true;
    try {
      this.dispatch(key);
    } catch (err) {
      // The state the rest of the burst was typed against is gone: drop it.
      this.pending.length = 0;
      throw err;
    } finally {
      this.dispatching = false;
      this.afterKey();
    }
  }

  /** Waits for React to commit what the key changed, where React is connected. */
  private afterKey(): void {
    if (!this.requestCommit) {
      this.scheduleNext();
      return;
    }
    this.awaitingCommit = true;
    this.requested += 1;
    this.requestCommit(this.requested);
  }

  private scheduleNext(): void {
    if (this.pending.length === 0) {
      this.settleIfIdle();
      return;
    }
    this.scheduled = true;
    this.schedule(() => {
      this.scheduled = false;
      this.next();
    });
  }

  private settleIfIdle(): void {
    if (!this.isIdle()) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
