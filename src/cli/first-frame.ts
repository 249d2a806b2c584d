// The home screen's first frame, drawn before Ink, React and the collection have loaded.
// `hyperrecall` is opened every day; most of its start-up is loading the UI and drawing
// with it. The UI's first frame is kept (store/status-cache.ts) with everything it was
// drawn from, and when none of that has changed the next start shows it at once. The UI
// then draws its own first frame over it (ui/frame-handoff.ts), so a figure that moved in
// between (a learning card fell due) is corrected as soon as the UI is up.
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { studyDay } from '../core/clock.js';
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
 * handoff either way, so that it keeps its first frame for the next start. True when a
 * frame is on the screen: if the UI does not start after all, `leavePreRendered` must run.
 */
export function preRenderHome(ctx: Context, out: Screen, input: Keyboard): boolean {
  if (!out.isTTY || !input.isTTY) return false;
  const key = homeFrameKey(ctx, { columns: out.columns, rows: out.rows });
  const kept = readHomeFrame(ctx.dataDir, ctx.device);
  // Another instance holds the store: this one is about to be refused, not to show home.
  const shown =
    kept !== null &&
    kept.key === key &&
    studyDay(ctx.now(), kept.dayStartsAt) === kept.day &&
    !storeInUse(ctx.dataDir, ctx.device);
  if (shown) {
    // Keys pressed before the UI reads them wait for it unseen: echoed, they would land on
    // the frame, and an echoed Enter would move the cursor the UI's frame starts from.
    input.setRawMode?.(true);
    out.write(drawBeforeUi(kept.frame));
  }
  offerFrameHandoff({
    preRendered: shown,
    // After the frame is out, and with the key read again: opening the store may have
    // written files since.
    onFirstFrame: (frame, dayStartsAt) =>
      setImmediate(() => {
        // The size now: the terminal may have been resized since the start.
        const entry = {
          key: homeFrameKey(ctx, { columns: out.columns, rows: out.rows }),
          day: studyDay(ctx.now(), dayStartsAt),
          dayStartsAt,
          frame,
        };
        const same =
          kept !== null &&
          kept.key === entry.key &&
          kept.day === entry.day &&
          kept.dayStartsAt === dayStartsAt &&
          kept.frame === frame;
        if (!same) writeHomeFrame(ctx.dataDir, ctx.device, entry);
      }),
  });
  return shown;
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
