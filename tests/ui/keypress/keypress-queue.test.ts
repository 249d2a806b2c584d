import { describe, expect, it } from 'vitest';
import { KeypressQueue } from '../../../src/ui/keypress/keypress-queue.js';
import type { Keypress } from '../../../src/ui/keypress/split-keys.js';

const k = (name: string): Keypress => ({
  name,
  text: name,
  ctrl: false,
  meta: false,
  shift: false,
});

/** A queue whose macrotasks run only when the test says so. */
function manual() {
  const tasks: (() => void)[] = [];
  const queue = new KeypressQueue((run) => tasks.push(run));
  queue.markListening();
  const runAll = () => {
    while (tasks.length) tasks.shift()!();
  };
  return { queue, tasks, runAll };
}

describe('KeypressQueue dispatch', () => {
  it('goes overlay, screen, global; newest first within a layer; stops at the first true', () => {
    const { queue } = manual();
    const seen: string[] = [];
    const h = (name: string, take: boolean) => () => {
      seen.push(name);
      return take;
    };
    queue.register('global', h('global', true));
    queue.register('screen', h('screen-old', false));
    queue.register('screen', h('screen-new', false));
    const off = queue.register('overlay', h('overlay', true));
    expect(queue.dispatch(k('x'))).toBe(true);
    expect(seen).toEqual(['overlay']);
    seen.length = 0;
    off();
    queue.dispatch(k('x'));
    expect(seen).toEqual(['screen-new', 'screen-old', 'global']);
  });

  it('a handler that does not return true lets the key through', () => {
    const { queue } = manual();
    const seen: string[] = [];
    queue.register('global', () => {
      seen.push('global');
      return true;
    });
    queue.register('screen', () => {
      seen.push('screen');
      return undefined;
    });
    expect(queue.dispatch(k('x'))).toBe(true);
    expect(seen).toEqual(['screen', 'global']);
  });
});

describe('KeypressQueue bursts', () => {
  it('hands out the first key at once and each next one in a later macrotask', () => {
    const { queue, tasks } = manual();
    const seen: string[] = [];
    queue.register('screen', (key) => {
      seen.push(key.name);
      return true;
    });
    queue.push([k('a'), k('b'), k('c')]);
    expect(seen).toEqual(['a']);
    expect(queue.isIdle()).toBe(false);
    tasks.shift()!();
    expect(seen).toEqual(['a', 'b']);
    tasks.shift()!();
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(queue.isIdle()).toBe(true);
  });

  it('waits for the commit a key asked for before the next key, and reads handlers anew', () => {
    const { queue, tasks, runAll } = manual();
    const ticks: number[] = [];
    queue.connect((tick) => ticks.push(tick));
    const seen: string[] = [];
    // The first key opens an overlay; it registers only when React commits.
    const screen = (key: Keypress) => {
      seen.push(`screen:${key.name}`);
      return true;
    };
    queue.register('screen', screen);
    queue.push([k('?'), k('q')]);
    expect(seen).toEqual(['screen:?']);
    expect(ticks).toEqual([1]);
    runAll();
    // No commit yet: nothing more goes out, whatever runs meanwhile.
    expect(seen).toEqual(['screen:?']);
    queue.register('overlay', (key) => {
      seen.push(`overlay:${key.name}`);
      return true;
    });
    queue.committed(1);
    expect(tasks).toHaveLength(1);
    runAll();
    expect(seen).toEqual(['screen:?', 'overlay:q']);
    expect(queue.isIdle()).toBe(false);
    queue.committed(2);
    expect(queue.isIdle()).toBe(true);
  });

  it('discardPending drops what is queued, and whenIdle resolves', async () => {
    const { queue, runAll } = manual();
    const seen: string[] = [];
    queue.register('screen', (key) => {
      seen.push(key.name);
      if (key.name === 'q') queue.discardPending();
      return true;
    });
    queue.push([k('a'), k('q'), k('4'), k('4')]);
    const idle = queue.whenIdle();
    runAll();
    await idle;
    expect(seen).toEqual(['a', 'q']);
  });

  it('a handler that throws drops the rest of the burst and leaves the queue usable', () => {
    const { queue, runAll } = manual();
    const seen: string[] = [];
    queue.register('screen', (key) => {
      seen.push(key.name);
      if (key.name === 'x') throw new Error('disk full');
      return true;
    });
    expect(() => queue.push([k('x'), k('y')])).toThrow('disk full');
    runAll();
    expect(queue.isIdle()).toBe(true);
    queue.push([k('z')]);
    expect(seen).toEqual(['x', 'z']);
  });

  it('is not idle before the app listens to stdin', async () => {
    const queue = new KeypressQueue(() => {});
    expect(queue.isIdle()).toBe(false);
    const idle = queue.whenIdle();
    queue.markListening();
    await idle;
    expect(queue.isIdle()).toBe(true);
  });
});
