import { useContext, useLayoutEffect, useRef } from 'react';
import { ScreenActiveContext, useKeypressQueue } from './KeypressContext.js';
import type { KeypressHandler, KeypressPriority } from './keypress-queue.js';

export interface UseKeypressOptions {
  priority?: KeypressPriority;
  /** An inactive handler is skipped: hidden screens, finished sessions. */
  isActive?: boolean;
}

/**
 * Subscribes a handler to the app's keys. The handler and isActive are read from refs
 * refreshed at every commit, so each key of a burst sees the state the key before it made.
 * Layout effects, not passive ones: they run inside the commit, before the next key.
 */
export function useKeypress(handler: KeypressHandler, options: UseKeypressOptions = {}): void {
  const { priority = 'screen', isActive = true } = options;
  const queue = useKeypressQueue();
  const shown = useContext(ScreenActiveContext);
  const handlerRef = useRef(handler);
  const activeRef = useRef(isActive && shown);
  useLayoutEffect(() => {
    handlerRef.current = handler;
    activeRef.current = isActive && shown;
  });
  useLayoutEffect(
    () => queue.register(priority, (key) => activeRef.current && handlerRef.current(key)),
    [queue, priority],
  );
}
