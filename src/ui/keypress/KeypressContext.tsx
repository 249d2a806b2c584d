// The one useInput of the app: raw mode is set once, here, and every key goes through the
// queue. Components subscribe with useKeypress; App discards typed-ahead keys when the
// screen changes through useKeypressControl.
import { type Key, useApp, useInput } from 'ink';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useState,
} from 'react';
import { KeypressQueue } from './keypress-queue.js';
import { isInterrupt, splitKeys } from './split-keys.js';

const QueueContext = createContext<KeypressQueue | null>(null);

/** False under an overlay: the hidden screen's handlers are inactive. */
export const ScreenActiveContext = createContext(true);

export interface KeypressProviderProps {
  /** Pass one in to wait on it (tests); otherwise the provider makes its own. */
  queue?: KeypressQueue;
  /** Ctrl+C inside a burst of keys quits too (a lone Ctrl+C Ink handles itself). */
  exitOnCtrlC?: boolean;
  children: ReactNode;
}

export function KeypressProvider({ queue, exitOnCtrlC = true, children }: KeypressProviderProps) {
  const own = useMemo(() => queue ?? new KeypressQueue(), [queue]);
  const { exit } = useApp();
  const onInput = useCallback(
    (input: string, key: Key) => {
      const keys = splitKeys(input, key);
      const stop = exitOnCtrlC ? keys.findIndex(isInterrupt) : -1;
      if (stop < 0) return own.push(keys);
      own.discardPending();
      exit();
    },
    [own, exit, exitOnCtrlC],
  );
  useInput(onInput);
  // Declared after useInput, so this runs once Ink listens to stdin.
  useEffect(() => own.markListening(), [own]);
  // The commit counter: the queue bumps it after each key. This provider sits above every
  // handler, so its layout effect runs after theirs: by then the key's changes are drawn
  // and every handler ref is current.
  const [tick, setTick] = useState(0);
  useLayoutEffect(() => own.connect(setTick), [own]);
  useLayoutEffect(() => own.committed(tick), [own, tick]);
  return <QueueContext.Provider value={own}>{children}</QueueContext.Provider>;
}

export function useKeypressQueue(): KeypressQueue {
  const queue = useContext(QueueContext);
  if (!queue) throw new Error('useKeypress needs a <KeypressProvider> above it (see ui/run.tsx)');
  return queue;
}

export interface KeypressControl {
  /** Drops keys still queued from the last read; App calls it when the screen changes. */
  discardPending(): void;
  /** Resolves once every queued key has been dispatched. */
  whenIdle(): Promise<void>;
}

export function useKeypressControl(): KeypressControl {
  const queue = useKeypressQueue();
  return useMemo(
    () => ({ discardPending: () => queue.discardPending(), whenIdle: () => queue.whenIdle() }),
    [queue],
  );
}
