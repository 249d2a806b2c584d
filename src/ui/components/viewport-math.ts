// Which rows of a tall content a window of `height` terminal lines shows. When rows are
// hidden, a marker line ("↑ 3 more" / "↓ 12 more") takes one line of the window, so the
// window is described by its top row alone and everything else follows from it.
//
// A top of 1 is never used: it shows "↑ 1 more" in place of row 0 and no more rows below
// than top 0 does, so it is normalised to 0.

export interface Window {
  /** First content row shown. */
  top: number;
  /** One past the last content row shown. */
  end: number;
  /** Rows hidden above (0: no marker line at the top). */
  above: number;
  /** Rows hidden below (0: no marker line at the bottom). */
  below: number;
}

/** A window needs room for one row between two markers; smaller ones overflow a little. */
function eff(height: number): number {
  return Math.max(3, height);
}

function fits(total: number, height: number): boolean {
  return total <= eff(height);
}

/** The largest useful top: from it, every remaining row fits under the "more" marker. */
export function maxTop(total: number, height: number): number {
  return fits(total, height) ? 0 : total - eff(height) + 1;
}

/** A top that is valid for this content and window (see the note on top 1). */
export function clampTop(top: number, total: number, height: number): number {
  if (fits(total, height) || top <= 1) return 0;
  return Math.min(top, maxTop(total, height));
}

/** The window for a top (clamped first). */
export function windowAt(top: number, total: number, height: number): Window {
  if (fits(total, height)) return { top: 0, end: total, above: 0, below: 0 };
  const h = eff(height);
  const t = clampTop(top, total, h);
  const room = t > 0 ? h - 1 : h;
  const end = t + room >= total ? total : t + room - 1;
  return { top: t, end, above: t, below: total - end };
}

/** The smallest top that shows row `row` (0-based), scrolling down as little as needed. */
function topShowingEnd(row: number, total: number, height: number): number {
  const h = eff(height);
  if (row < h - 1) return 0;
  // Below the top marker a window ends at top + h - 2 unless it reaches the last row.
  return Math.min(maxTop(total, h), row - h + 3);
}

/**
 * The top that brings rows [from, to) into view with the least movement: a cursor line,
 * or the lines of one choice. When the range is taller than the window its start wins.
 */
export function follow(
  top: number,
  from: number,
  to: number,
  total: number,
  height: number,
): number {
  const w = windowAt(top, total, height);
  if (from < w.top) return clampTop(from, total, height);
  if (to > w.end) {
    const down = topShowingEnd(to - 1, total, height);
    return down > from ? clampTop(from, total, height) : down;
  }
  return w.top;
}

/** One line up or down: the next hidden row comes into view. */
export function scrollBy(top: number, delta: -1 | 1, total: number, height: number): number {
  const w = windowAt(top, total, height);
  if (delta < 0) return w.above > 0 ? clampTop(w.top - 1, total, height) : w.top;
  return w.below > 0 ? topShowingEnd(w.end, total, height) : w.top;
}

/** One page: the row after the last one shown becomes the first (or back again). */
export function pageBy(top: number, delta: -1 | 1, total: number, height: number): number {
  const w = windowAt(top, total, height);
  if (delta > 0) return w.below > 0 ? clampTop(w.end, total, height) : w.top;
  const page = Math.max(1, w.end - w.top);
  return clampTop(w.top - page, total, height);
}

/** Whether `scrollBy` would move: content hidden in that direction. */
export function canScroll(top: number, delta: -1 | 1, total: number, height: number): boolean {
  const w = windowAt(top, total, height);
  return delta < 0 ? w.above > 0 : w.below > 0;
}
