import { appendFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeContext } from '../../../src/cli/context.js';
import { homeFrameKey, leavePreRendered, preRenderHome } from '../../../src/cli/first-frame.js';
import { readHomeFrame } from '../../../src/store/status-cache.js';
import {
  drawBeforeUi,
  LEAVE_PRE_RENDERED,
  overwriting,
  takeFrameHandoff,
} from '../../../src/ui/frame-handoff.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/decks');
const FRAME = 'hyperrecall   streak 0\n› All decks   13   0   0\n';

function context(home: string, now = '2026-03-02T10:00:00Z') {
  return makeContext(
    { dataDir: home },
    { HYPERRECALL_BUILTIN_DECKS: FIXTURES, HYPERRECALL_NOW: now, HYPERRECALL_DEVICE: 'ff' },
  );
}

class FakeTerminal {
  written: string[] = [];
  raw: boolean[] = [];
  isTTY = true;
  constructor(
    public columns = 80,
    public rows = 24,
  ) {}
  write(text: string): boolean {
    this.written.push(text);
    return true;
  }
  setRawMode(raw: boolean): void {
    this.raw.push(raw);
  }
}

function dataDir(): string {
  const home = join(mkdtempSync(join(tmpdir(), 'hr-frame-')), 'data');
  mkdirSync(home);
  writeFileSync(join(home, 'reviews-ff.jsonl'), '');
  return home;
}

/** Runs a start whose UI draws `frame`, and waits until the frame is kept. */
async function startThatDraws(home: string, frame: string, term = new FakeTerminal()) {
  const shown = preRenderHome(context(home), term, term, (fn) => exitHandlers.push(fn));
  const handoff = takeFrameHandoff();
  expect(handoff?.preRendered).toBe(shown);
  handoff?.onFirstFrame(frame, 4);
  await new Promise((r) => setImmediate(r));
  return { shown, term, handoff };
}

const today = (home: string) => {
  const e = readHomeFrame(home, 'ff');
  return e ? e.frames[Object.keys(e.frames).sort()[0]!] : undefined;
};

/** What the start asked to run as the process ends. */
let exitHandlers: (() => void)[] = [];
const exit = () => {
  for (const fn of exitHandlers) fn();
  exitHandlers = [];
};

afterEach(() => {
  takeFrameHandoff();
  exitHandlers = [];
});

describe('the home frame drawn before the UI', () => {
  it('is kept from the UI, then shown by the next start exactly as kept', async () => {
    const home = dataDir();
    const first = await startThatDraws(home, FRAME);
    expect(first.shown).toBe(false);
    expect(first.term.written).toEqual([]);
    expect(today(home)).toBe(FRAME);
    const next = await startThatDraws(home, FRAME);
    expect(next.shown).toBe(true);
    expect(next.term.written).toEqual([drawBeforeUi(FRAME)]);
    // Keys pressed meanwhile are not echoed onto it.
    expect(next.term.raw).toEqual([true]);
  });

  it('is not shown when what it was drawn from has changed', async () => {
    const home = dataDir();
    await startThatDraws(home, FRAME);
    const notShown = (ctxHome: string, term: FakeTerminal, now?: string) => {
      const shown = preRenderHome(context(ctxHome, now), term, term);
      takeFrameHandoff();
      return !shown && term.written.length === 0;
    };
    // Another terminal size, another study day (the day starts at 4:00).
    expect(notShown(home, new FakeTerminal(40, 12))).toBe(true);
    expect(notShown(home, new FakeTerminal(), '2026-03-03T04:00:00Z')).toBe(true);
    expect(notShown(home, new FakeTerminal(), '2026-03-03T03:59:00Z')).toBe(false);
    // An answer written since.
    appendFileSync(join(home, 'reviews-ff.jsonl'), '{}\n');
    expect(notShown(home, new FakeTerminal())).toBe(true);
  });

  it("at quit after a session, today's and the next study day's frames are drawn and kept", async () => {
    const home = dataDir();
    const { handoff } = await startThatDraws(home, FRAME);
    // The session answered a card.
    appendFileSync(join(home, 'reviews-ff.jsonl'), '{}\n');
    const asked: number[] = [];
    handoff?.onQuit((at) => {
      asked.push(at);
      return `home at ${at}\n`;
    }, 4);
    // Kept as the process ends.
    expect(asked).toEqual([]);
    exit();
    const now = Date.parse('2026-03-02T10:00:00Z');
    const tomorrow = Date.parse('2026-03-03T04:00:00Z');
    expect(asked[1]).toBe(tomorrow);
    expect(Math.abs(asked[0]! - now)).toBeLessThan(60_000);
    // The next morning's start shows the frame drawn for its day.
    const term = new FakeTerminal();
    expect(preRenderHome(context(home, '2026-03-03T08:30:00Z'), term, term)).toBe(true);
    expect(term.written).toEqual([drawBeforeUi(`home at ${tomorrow}\n`)]);
    // Later today, today's.
    const later = new FakeTerminal();
    expect(preRenderHome(context(home, '2026-03-02T23:00:00Z'), later, later)).toBe(true);
    expect(later.written[0]).toContain(`home at ${asked[0]}`);
  });

  it('quitting after only looking draws nothing that is kept already', async () => {
    const home = dataDir();
    const first = await startThatDraws(home, FRAME);
    const drawn: number[] = [];
    const drawAt = (at: number) => {
      drawn.push(at);
      return `home at ${at}\n`;
    };
    first.handoff?.onQuit(drawAt, 4);
    exit();
    // Today's was kept from the UI's first frame: only tomorrow's was drawn.
    expect(drawn).toEqual([Date.parse('2026-03-03T04:00:00Z')]);
    const again = await startThatDraws(home, FRAME);
    expect(again.shown).toBe(true);
    again.handoff?.onQuit(drawAt, 4);
    exit();
    expect(drawn).toHaveLength(1);
  });

  it('a frame that cannot be drawn at quit is simply not kept', async () => {
    const home = dataDir();
    const { handoff } = await startThatDraws(home, FRAME);
    handoff?.onQuit(() => null, 4);
    exit();
    expect(readHomeFrame(home, 'ff')?.frames).toEqual({
      [Object.keys(readHomeFrame(home, 'ff')!.frames)[0]!]: FRAME,
    });
  });

  it('is not shown while another instance holds the store', async () => {
    const home = dataDir();
    await startThatDraws(home, FRAME);
    mkdirSync(join(home, 'lock-ff'));
    const term = new FakeTerminal();
    expect(preRenderHome(context(home), term, term)).toBe(false);
    expect(term.written).toEqual([]);
  });

  it('a paused exam is part of what it was drawn from', async () => {
    const home = dataDir();
    const ctx = context(home);
    const before = homeFrameKey(ctx, { columns: 80, rows: 24 });
    writeFileSync(join(home, 'exam-ff.json'), '{}');
    expect(homeFrameKey(ctx, { columns: 80, rows: 24 })).not.toBe(before);
  });

  it('is never drawn without a terminal on both sides', async () => {
    const home = dataDir();
    await startThatDraws(home, FRAME);
    const piped = new FakeTerminal();
    piped.isTTY = false;
    const tty = new FakeTerminal();
    expect(preRenderHome(context(home), piped, tty)).toBe(false);
    expect(preRenderHome(context(home), tty, piped)).toBe(false);
    expect([...piped.written, ...tty.written]).toEqual([]);
  });

  it('a damaged kept frame is ignored and replaced by the next UI frame', async () => {
    const home = dataDir();
    await startThatDraws(home, FRAME);
    writeFileSync(join(home, 'cache', 'home-ff.json'), '{"version":1,"key":');
    const again = await startThatDraws(home, FRAME);
    expect(again.shown).toBe(false);
    expect(today(home)).toBe(FRAME);
  });

  it('keeps nothing, and creates no folder, where there is no data directory', async () => {
    const home = join(mkdtempSync(join(tmpdir(), 'hr-frame-')), 'none');
    await startThatDraws(home, FRAME);
    expect(existsSync(home)).toBe(false);
  });

  it('is taken back, with the keyboard, when the UI does not start', () => {
    const term = new FakeTerminal();
    leavePreRendered(term, term);
    expect(term.written).toEqual([LEAVE_PRE_RENDERED]);
    expect(term.raw).toEqual([false]);
  });
});

describe('overwriting', () => {
  it('draws from the top left and clears what each row and the rows below held before', () => {
    expect(overwriting('ab\ncd\n')).toBe('\x1b[Hab\x1b[K\ncd\x1b[K\n\x1b[K\x1b[J');
  });
});
