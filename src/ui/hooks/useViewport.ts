import { useState } from 'react';
import {
  canScroll,
  clampTop,
  follow,
  pageBy,
  scrollBy,
  type Window,
  windowAt,
} from '../components/viewport-math.js';
import type { Action } from '../keys.js';

export interface ViewportControl {
  /** The top row to pass to <Viewport>, valid for the current rows and height. */
  top: number;
  /** The rows shown from `top`. */
  window: Window;
  scroll(delta: -1 | 1): void;
  page(delta: -1 | 1): void;
  /** Brings rows [from, to) into view: the cursor's line, a choice's lines. */
  follow(from: number, to: number): void;
  canScroll(delta: -1 | 1): boolean;
  /** Applies scrollUp / scrollDown / pageUp / pageDown; false for any other action. */
  apply(action: Action): boolean;
}

/**
 * Scroll position of one Viewport. It starts over whenever `resetKey` changes (another
 * card, the answer side), at the top or where rows `start` (a cursor) show, and is
 * clamped at every render, so a resize or a shorter content never leaves it past the end.
 */
export function useViewport(
  total: number,
  height: number,
  resetKey: unknown,
  start?: [number, number],
): ViewportControl {
  const [state, setState] = useState({ key: resetKey, top: 0 });
  const top = Object.is(state.key, resetKey)
    ? clampTop(state.top, total, height)
    : start
      ? follow(0, start[0], start[1], total, height)
      : 0;
  const set = (t: number) => setState({ key: resetKey, top: t });
  const control: ViewportControl = {
    top,
    window: windowAt(top, total, height),
    scroll: (d) => set(scrollBy(top, d, total, height)),
    page: (d) => set(pageBy(top, d, total, height)),
    follow: (from, to) => set(follow(top, from, to, total, height)),
    canScroll: (d) => canScroll(top, d, total, height),
    apply: (action) => {
      if (action === 'scrollUp') control.scroll(-1);
      else if (action === 'scrollDown') control.scroll(1);
      else if (action === 'pageUp') control.page(-1);
      else if (action === 'pageDown') control.page(1);
      else return false;
      return true;
    },
  };
  return control;
}
