// Reads a deck or blueprint file without trusting what sits at the path: a FIFO would block
// a plain read forever, a device never ends, a directory cannot be read, and a huge file
// would take minutes to parse. Each of these becomes a one-line reason instead.
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';

/**
 * The largest file parsed. The scale benchmark writes ~200 KB decks and an Anki import a
 * few MB; YAML parses at about 1 MB/s, so this still answers within a minute.
 */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

export type ReadResult = { text: string } | { error: string };

const MIB = 1024 * 1024;

function kindOf(st: ReturnType<typeof fstatSync>): string {
  if (st.isDirectory()) return 'is a directory';
  if (st.isFIFO()) return 'is a named pipe';
  if (st.isSocket()) return 'is a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'is a device';
  return 'is a special file';
}

/** The file's text, or why it was not read (`what` names the file in the message). */
export function readTextFile(file: string, what: string): ReadResult {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    return { error: `cannot read file: ${(err as NodeJS.ErrnoException).code ?? String(err)}` };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile())
      return { error: `${kindOf(st)}, not a ${what} file; rename it or move it elsewhere` };
    if (st.size > MAX_FILE_BYTES)
      return {
        error: `file is ${(st.size / MIB).toFixed(1)} MiB, over the ${MAX_FILE_BYTES / MIB} MiB limit for a ${what} file; split it`,
      };
    return { text: readFileSync(fd, 'utf8') };
  } catch (err) {
    return { error: `cannot read file: ${(err as NodeJS.ErrnoException).code ?? String(err)}` };
  } finally {
    closeSync(fd);
  }
}
