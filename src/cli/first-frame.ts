// The home screen's first frame, drawn before Ink, React and the collection have loaded.
// `hyperrecall` is opened every day; most of its start-up is loading the UI and drawing
// with it. The UI's first frame is kept (store/status-cache.ts) with everything it was
// drawn from, and when none of that has changed the next start shows it at once. The UI
// then draws its own first frame over it (ui/frame-handoff.ts), so a figure that moved in
// between (a learning card fell due) is corrected as soon as the UI is up.
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nextDayStart, studyDay } from '../core/clock.js';
import { deckFingerprint } from '../decks/load.js';
import {
  homeDataFingerprint,
  readHomeFrame,
  storeInUse,
  writeHomeFrame,
} from '../store/status-cache.js';
import {
  drawBeforeUi,
  handoffTaken,
  LEAVE_PRE_RENDERED,
  offerFrameHandoff,
} from '../ui/frame-handoff.js';
import type { Context } from './context.js';

/** The build that draws the frame: a new build may draw it differently. */
function buildStamp(): string {
  try {
    return String(statSync(fileURLToPath(import.meta.url)).mtimeMs);
  } catch {
    return 'unknown';
  }
}

interface Terminal {
  columns: number;
  rows: number;
}

/**
 * Everything the home screen's first frame is drawn from besides the study day: the data
 * files (the paused exam's too), the deck files, the zone, the build, the terminal's size
 * and what it is told about colour.
 */
export function homeFrameKey(ctx: Context, term: Terminal): string {
  const env = ctx.env;
  return JSON.stringify([
    homeDataFingerprint(ctx.dataDir),
    deckFingerprint(ctx.deckDirs),
    new Date(ctx.now()).getTimezoneOffset(),
    ctx.version,
    buildStamp(),
    `${term.columns}x${term.rows}`,
    ctx.color,
    env.TERM ?? '',
    env.COLORTERM ?? '',
    env.TERM_PROGRAM ?? '',
    env.FORCE_COLOR ?? '',
  ]);
}

interface Keyboard {
  isTTY?: boolean;
  setRawMode?(raw: boolean): unknown;
}

interface Screen extends Terminal {
  isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * Shows the kept home frame when it was drawn from what is there now, and offers the UI the
 * handoff either way, so that it keeps its frames for the next start. True when a frame is
 * on the screen: if the UI does not start after all, `leavePreRendered` must run.
 */
export function preRenderHome(
  ctx: Context,
  out: Screen,
  input: Keyboard,
  atExit: (fn: () => void) => void = (fn) => process.once('exit', fn),
): boolean {
  if (!out.isTTY || !input.isTTY) return false;
  const key = homeFrameKey(ctx, { columns: out.columns, rows: out.rows });
  const kept = readHomeFrame(ctx.dataDir, ctx.device);
  const frame =
    kept?.key === key ? kept.frames[String(studyDay(ctx.now(), kept.dayStartsAt))] : undefined;
  // Another instance holds the store: this one is about to be refused, not to show home.
  const shown = frame !== undefined && !storeInUse(ctx.dataDir, ctx.device);
  if (shown) {
    // Keys pressed before the UI reads them wait for it unseen: echoed, they would land on
    // the frame, and an echoed Enter would move the cursor the UI's frame starts from.
    input.setRawMode?.(true);
    out.write(drawBeforeUi(frame));
  }
  offerFrameHandoff({
    preRendered: shown,
    // After the frame is out: today's frame joins those kept under the same key.
    onFirstFrame: (drawn, dayStartsAt) =>
      setImmediate(() => {
        const today = studyDay(ctx.now(), dayStartsAt);
        keepFrames(ctx, out, dayStartsAt, { [today]: drawn }, true);
      }),
    // As the process ends (closing the store still writes its files after the UI has gone),
    // under the key read then: today's frame and tomorrow's, each drawn only when none is
    // kept for that day under that key, so quitting after only looking draws nothing.
    onQuit: (drawAt, dayStartsAt) =>
      atExit(() => {
        const now = ctx.now();
        const key = homeFrameKey(ctx, { columns: out.columns, rows: out.rows });
        const kept = readHomeFrame(ctx.dataDir, ctx.device);
        const have = kept?.key === key && kept.dayStartsAt === dayStartsAt ? kept.frames : {};
        const frames: Record<string, string> = {};
        for (const at of [now, nextDayStart(now, dayStartsAt)]) {
          const day = String(studyDay(at, dayStartsAt));
          const drawn = have[day] ?? drawAt(at);
          if (drawn !== null) frames[day] = drawn;
        }
        keepFrames(ctx, out, dayStartsAt, frames, false);
      }),
  });
  return shown;
}

/**
 * Keeps `frames` under the key read now (a start or a session may have written files),
 * with those already kept under that key when `merge`; writes nothing when nothing changed.
 */
function keepFrames(
  ctx: Context,
  out: Terminal,
  dayStartsAt: number,
  frames: Record<string, string>,
  merge: boolean,
): void {
  // The size now: the terminal may have been resized since the start.
  const key = homeFrameKey(ctx, { columns: out.columns, rows: out.rows });
  const kept = readHomeFrame(ctx.dataDir, ctx.device);
  const same = kept?.key === key && kept.dayStartsAt === dayStartsAt;
  const all = merge && same ? { ...kept.frames, ...frames } : frames;
  if (same && JSON.stringify(all) === JSON.stringify(kept.frames)) return;
  if (Object.keys(all).length > 0)
    writeHomeFrame(ctx.dataDir, ctx.device, { key, dayStartsAt, frames: all });
}

/** The UI has started and owns the screen from here. */
export function uiStarted(): boolean {
  return handoffTaken();
}

/** Leaves the screen `preRenderHome` drew on, for a start that ends before the UI. */
export function leavePreRendered(out: { write(text: string): unknown }, input: Keyboard): void {
  input.setRawMode?.(false);
  out.write(LEAVE_PRE_RENDERED);
}
