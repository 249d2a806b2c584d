// `derive --watch`: calls back once per save of the notes file. Editors save in bursts (a
// truncate then a write, or a new file renamed over the old one), so events are debounced
// and a save that removes the file for a moment is waited out rather than reported.
import { type FSWatcher, watch } from 'chokidar';

export interface NotesWatcher {
  /** Settles once the watcher is in place: saves after this are seen. */
  ready: Promise<void>;
  close(): Promise<void>;
}

export const DEBOUNCE_MS = 200;

export function watchNotes(
  path: string,
  onSave: () => void,
  onError: (err: unknown) => void,
  debounceMs = DEBOUNCE_MS,
): NotesWatcher {
  // atomic: a file renamed over the notes (vim, most IDEs) counts as a change, not unlink+add.
  const w: FSWatcher = watch(path, { ignoreInitial: true, atomic: true });
  let timer: NodeJS.Timeout | null = null;
  const fire = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      onSave();
    }, debounceMs);
  };
  w.on('change', fire);
  w.on('add', fire);
  w.on('error', onError);
  const ready = new Promise<void>((done) => w.once('ready', () => done()));
  return {
    ready,
    close: async () => {
      if (timer) clearTimeout(timer);
      await w.close();
    },
  };
}
