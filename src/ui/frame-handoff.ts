// The home screen's first frame crosses from the command line to the UI here. The command
// line may draw the frame the UI drew last time, before Ink has loaded (cli/first-frame.ts);
// the UI must then not enter the alternate screen again, must draw its own first frame over
// that one without leaving a character of it behind, and hands its first frame back to be
// kept for the next start. No Ink or React here: the command line loads this before the UI.

export interface FrameHandoff {
  /** The alternate screen is on and shows a frame drawn before the UI loaded. */
  preRendered: boolean;
  /**
   * Called once with the text of the UI's first frame, escapes included, and the hour the
   * study day starts at (the frame holds that day's figures).
   */
  onFirstFrame(frame: string, dayStartsAt: number): void;
  /**
   * Called once the user has quit, with a way to draw the home screen's first frame at a
   * given instant, so the next start (later today or tomorrow) finds it drawn.
   */
  onQuit(drawAt: (at: number) => string | null, dayStartsAt: number): void;
}

let pending: FrameHandoff | null = null;
let taken = false;

export function offerFrameHandoff(h: FrameHandoff): void {
  pending = h;
  taken = false;
}

/** The handoff offered for this start, once: a later screen or session gets none. */
export function takeFrameHandoff(): FrameHandoff | null {
  const h = pending;
  pending = null;
  if (h) taken = true;
  return h;
}

/** The UI took the handoff, and with it the screen (it leaves the alternate screen). */
export function handoffTaken(): boolean {
  return taken;
}

/**
 * The UI's first frame, rewritten to draw over a frame already on the screen: from the top
 * left, each line ending by clearing the rest of its row and the frame by clearing the rows
 * below, so a longer line or a taller frame drawn before leaves nothing. Nothing is cleared
 * ahead of the text, so an unchanged frame does not flicker. (Home lines stop a column short
 * of the edge, so the clear never lands on a line's last character.)
 */
export function overwriting(frame: string): string {
  return `\x1b[H${frame.replace(/\n/g, '\x1b[K\n')}\x1b[K\x1b[J`;
}

/** Enters the alternate screen and shows `frame` with the cursor hidden and back home. */
export function drawBeforeUi(frame: string): string {
  return `\x1b[?1049h\x1b[H\x1b[?25l${frame}\x1b[H`;
}

/** Undoes `drawBeforeUi` when the UI never started (an error, a refused lock). */
export const LEAVE_PRE_RENDERED = '\x1b[?25h\x1b[?1049l';
