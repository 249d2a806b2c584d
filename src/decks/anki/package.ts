// An .apkg/.colpkg is a zip: the collection (SQLite; zstd-compressed in the current format),
// a media map and the media files, named 0, 1, 2... Only the collection is extracted: the
// media are counted, not copied.
import { unzipSync } from 'fflate';
import { decompress } from 'fzstd';
import { AnkiImportError } from './errors.js';
import type { AnkiCollection } from './types.js';

/** The newest first: Anki 23.10+ packs a dummy collection.anki2 beside the real one. */
const COLLECTIONS = ['collection.anki21b', 'collection.anki21', 'collection.anki2'] as const;
type CollectionName = (typeof COLLECTIONS)[number];
const FORMAT: Record<CollectionName, AnkiCollection['format']> = {
  'collection.anki21b': 'anki21b',
  'collection.anki21': 'anki21',
  'collection.anki2': 'anki2',
};
/** More than any real collection; a zip that claims more is refused before inflating it. */
const MAX_COLLECTION_BYTES = 1 << 30;
const ZIP_MAGIC = [0x50, 0x4b];

export interface PackageContents {
  format: AnkiCollection['format'];
  /** The SQLite file, decompressed. */
  sqlite: Uint8Array;
  /** Media files in the package (not extracted). */
  mediaFiles: number;
}

export function readPackage(bytes: Uint8Array, file: string): PackageContents {
  if (bytes[0] !== ZIP_MAGIC[0] || bytes[1] !== ZIP_MAGIC[1])
    throw new AnkiImportError(file, 'not an Anki package (.apkg/.colpkg are zip files)');
  const names: string[] = [];
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        if (!(COLLECTIONS as readonly string[]).includes(f.name)) return false;
        if (f.originalSize > MAX_COLLECTION_BYTES)
          throw new AnkiImportError(file, `${f.name} is larger than 1 GiB; not imported`);
        return true;
      },
    });
  } catch (err) {
    if (err instanceof AnkiImportError) throw err;
    const why = err instanceof Error ? err.message : String(err);
    throw new AnkiImportError(file, `not a readable zip file (${why}); is it complete?`);
  }
  const name = COLLECTIONS.find((n) => entries[n] !== undefined);
  if (!name)
    throw new AnkiImportError(
      file,
      'no Anki collection inside (collection.anki21b, .anki21 or .anki2); not an Anki package',
    );
  const raw = entries[name] as Uint8Array;
  return {
    format: FORMAT[name],
    sqlite: name === 'collection.anki21b' ? unzstd(raw, file) : raw,
    mediaFiles: names.filter((n) => /^\d+$/.test(n)).length,
  };
}

function unzstd(raw: Uint8Array, file: string): Uint8Array {
  try {
    return decompress(raw);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new AnkiImportError(file, `collection.anki21b is not valid zstd data (${why})`);
  }
}
