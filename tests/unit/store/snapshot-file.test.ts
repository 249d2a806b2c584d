// Reading state-<device>.json whatever state it is in: a writer sets an unusable file aside
// (never overwrites it), a reader only works around it; progress comes from the .bak or the
// logs, settings from the .bak or whatever part of the damaged file still holds them.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../../src/store/errors.js';
import { realIo } from '../../../src/store/io.js';
import { emptySnapshot, SNAPSHOT_VERSION, type Snapshot } from '../../../src/store/snapshot.js';
import { loadSnapshot, SnapshotAdapter } from '../../../src/store/snapshot-file.js';
import { faultyIo } from '../../helpers/faulty-io.js';
import { memory, T0 } from '../../helpers/records.js';

const STAMP = '2026-03-02T10-00-00-000Z';
const writer = { now: () => T0, readOnly: false };
const reader = { now: () => T0, readOnly: true };

function stateFile(dirName = 'data'): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'hr-snapfile-')), dirName);
  mkdirSync(dir);
  return join(dir, 'state-dev1.json');
}

function snapshot(settings: Record<string, unknown>, reviews = 1): Snapshot {
  return {
    ...emptySnapshot(settings),
    cards: { 'd/a': memory(T0) },
    reviews,
    logs: { 'reviews-dev1.jsonl': 100 },
    clock: T0,
  };
}

const json = (x: unknown) => JSON.stringify(x);
const files = (file: string) => readdirSync(join(file, '..')).sort();
const NEWER = json({ ...snapshot({ newPerDay: 3 }), schema: SNAPSHOT_VERSION + 1 });

describe('loadSnapshot: usable files', () => {
  it('no file at all: an empty snapshot, nothing to say, nothing to write', () => {
    const file = stateFile();
    expect(loadSnapshot(file, writer, realIo)).toEqual({
      snapshot: emptySnapshot(),
      rewrite: false,
      notices: [],
    });
  });

  it('a current file is taken as it is', () => {
    const file = stateFile();
    writeFileSync(file, json(snapshot({ newPerDay: 7 })));
    expect(loadSnapshot(file, writer, realIo)).toEqual({
      snapshot: snapshot({ newPerDay: 7 }),
      rewrite: false,
      notices: [],
    });
  });

  it('an older version is upgraded and marked to be written back', () => {
    const file = stateFile();
    const { stamps: _s, clock: _c, ...v1 } = snapshot({ newPerDay: 7 });
    writeFileSync(file, json({ ...v1, schema: 1 }));
    const loaded = loadSnapshot(file, writer, realIo);
    expect(loaded.rewrite).toBe(true);
    expect(loaded.notices).toEqual([]);
    // Version 3 folds every log again once (logs: {}): older readers skipped setting records.
    expect(loaded.snapshot).toEqual({ ...snapshot({ newPerDay: 7 }), clock: T0, logs: {} });
  });
});

describe('loadSnapshot: a file from a newer version', () => {
  it('a writer refuses to open, naming the versions and what to do', () => {
    const file = stateFile();
    writeFileSync(file, NEWER);
    const err = (() => {
      try {
        loadSnapshot(file, writer, realIo);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(StoreError);
    expect(err).toMatchObject({
      path: file,
      message: `${file} was written by a newer hyperrecall (version ${SNAPSHOT_VERSION + 1}; this one reads up to ${SNAPSHOT_VERSION}). Update hyperrecall, or move the file away to rebuild progress from the review log.`,
    });
    expect(readFileSync(file, 'utf8')).toBe(NEWER);
  });

  it('a reader works from the logs, ignoring the backup, and writes nothing', () => {
    const file = stateFile();
    writeFileSync(file, NEWER);
    writeFileSync(`${file}.bak`, json(snapshot({ newPerDay: 9 })));
    expect(loadSnapshot(file, reader, realIo)).toEqual({
      snapshot: emptySnapshot(),
      rewrite: false,
      notices: [
        `${file} was written by a newer hyperrecall (version ${SNAPSHOT_VERSION + 1}; this one reads up to ${SNAPSHOT_VERSION}). Update hyperrecall, or move the file away to rebuild progress from the review log. Figures come from the review log.`,
      ],
    });
    expect(files(file)).toEqual(['state-dev1.json', 'state-dev1.json.bak']);
  });
});

describe('loadSnapshot: a file that cannot be read', () => {
  it('a writer refuses with the error code; a reader works from the logs', () => {
    const file = stateFile();
    mkdirSync(file);
    const message = `cannot read ${file} (EISDIR); move it away to rebuild progress from the review log`;
    expect(() => loadSnapshot(file, writer, realIo)).toThrow(StoreError);
    expect(() => loadSnapshot(file, writer, realIo)).toThrow(message);
    expect(loadSnapshot(file, reader, realIo)).toEqual({
      snapshot: emptySnapshot(),
      rewrite: false,
      notices: [`${message}. Figures come from the review log.`],
    });
  });

  it('an error without a code reads as EIO', () => {
    const file = stateFile();
    writeFileSync(file, json(snapshot({})));
    const io = {
      ...realIo,
      readFileSync: () => {
        throw new Error('no code');
      },
    } as typeof realIo;
    expect(loadSnapshot(file, reader, io).notices[0]).toMatch(/^cannot read .* \(EIO\); move/);
  });
});

describe('loadSnapshot: a damaged file', () => {
  it('a writer sets it aside and starts from the logs with the settings it still holds', () => {
    const file = stateFile();
    const damaged = json({ ...snapshot({ newPerDay: 7 }), reviews: 'many' });
    writeFileSync(file, damaged);
    const aside = `${file}.corrupt-${STAMP}`;
    expect(loadSnapshot(file, writer, realIo)).toEqual({
      snapshot: emptySnapshot({ newPerDay: 7 }),
      rewrite: true,
      notices: [
        `${file} could not be used (a counter is malformed); it was moved to ${aside} and progress was rebuilt from the review log.`,
        'Settings were recovered from the damaged file.',
      ],
    });
    expect(readFileSync(aside, 'utf8')).toBe(damaged);
    expect(files(file)).toEqual([`state-dev1.json.corrupt-${STAMP}`]);
  });

  it('a reader leaves it where it is', () => {
    const file = stateFile();
    writeFileSync(file, '{"schema":2,');
    expect(loadSnapshot(file, reader, realIo)).toEqual({
      snapshot: emptySnapshot(),
      rewrite: true,
      notices: [`${file} cannot be used (not valid JSON); figures come from the review log.`],
    });
    expect(files(file)).toEqual(['state-dev1.json']);
  });

  it('the backup, when good, gives settings and progress back', () => {
    const file = stateFile();
    writeFileSync(file, '{"schema":2,');
    writeFileSync(`${file}.bak`, json(snapshot({ newPerDay: 9 }, 4)));
    const loaded = loadSnapshot(file, writer, realIo);
    expect(loaded.snapshot).toEqual(snapshot({ newPerDay: 9 }, 4));
    expect(loaded.rewrite).toBe(true);
    expect(loaded.notices).toEqual([
      `${file} could not be used (not valid JSON); it was moved to ${file}.corrupt-${STAMP} and progress was rebuilt from the review log.`,
      `Settings and progress were restored from ${file}.bak.`,
    ]);
  });

  it('an older backup is upgraded too', () => {
    const file = stateFile();
    const { stamps: _s, clock: _c, ...v1 } = snapshot({ newPerDay: 9 });
    writeFileSync(file, 'x');
    writeFileSync(`${file}.bak`, json({ ...v1, schema: 1 }));
    expect(loadSnapshot(file, reader, realIo).snapshot.settings).toEqual({ newPerDay: 9 });
  });

  it('the settings of the damaged file win over those of a damaged backup', () => {
    const file = stateFile();
    writeFileSync(file, json({ ...snapshot({ newPerDay: 7 }), cards: [] }));
    writeFileSync(`${file}.bak`, json({ ...snapshot({ newPerDay: 9 }), cards: [] }));
    const loaded = loadSnapshot(file, writer, realIo);
    expect(loaded.snapshot).toEqual(emptySnapshot({ newPerDay: 7 }));
    expect(loaded.notices).toHaveLength(2);
    expect(loaded.notices[1]).toBe('Settings were recovered from the damaged file.');
  });

  it('settings come from a damaged backup when the file itself has none', () => {
    const file = stateFile();
    writeFileSync(file, '[]');
    writeFileSync(`${file}.bak`, json({ ...snapshot({ newPerDay: 9 }), schema: 0 }));
    const loaded = loadSnapshot(file, reader, realIo);
    expect(loaded.snapshot).toEqual(emptySnapshot({ newPerDay: 9 }));
    expect(loaded.notices).toEqual([
      `${file} cannot be used (not a JSON object); figures come from the review log.`,
      'Settings were recovered from the damaged file.',
    ]);
  });

  it('a backup from a newer version gives no settings', () => {
    const file = stateFile();
    writeFileSync(file, '{');
    writeFileSync(`${file}.bak`, NEWER);
    const loaded = loadSnapshot(file, reader, realIo);
    expect(loaded.snapshot).toEqual(emptySnapshot());
    expect(loaded.notices).toEqual([
      `${file} cannot be used (not valid JSON); figures come from the review log.`,
    ]);
  });

  it('with no file, a good backup is used without a word', () => {
    const file = stateFile();
    writeFileSync(`${file}.bak`, json(snapshot({ newPerDay: 9 })));
    expect(loadSnapshot(file, writer, realIo)).toEqual({
      snapshot: snapshot({ newPerDay: 9 }),
      rewrite: true,
      notices: [],
    });
  });

  it('with no file, the settings of a damaged backup are kept without a word', () => {
    const file = stateFile();
    writeFileSync(`${file}.bak`, json({ ...snapshot({ newPerDay: 9 }), marks: 1 }));
    expect(loadSnapshot(file, writer, realIo)).toEqual({
      snapshot: emptySnapshot({ newPerDay: 9 }),
      rewrite: false,
      notices: [],
    });
  });

  it('notices are one line each, whatever the path holds', () => {
    const file = stateFile('odd\nname\x1b[31m');
    writeFileSync(file, json({ ...snapshot({ newPerDay: 7 }), clock: null }));
    const loaded = loadSnapshot(file, reader, realIo);
    expect(loaded.notices).toHaveLength(2);
    for (const n of loaded.notices) expect(n).not.toMatch(/[\n\x1b]/);
    expect(loaded.notices[0]).toContain('a counter is malformed');
  });

  it('a writer that cannot set the file aside fails, leaving it as it was', () => {
    const file = stateFile();
    writeFileSync(file, '{');
    const io = faultyIo(realIo, { fail: { renameSync: 'EROFS' } });
    expect(() => loadSnapshot(file, writer, io)).toThrow(/EROFS/);
    expect(files(file)).toEqual(['state-dev1.json']);
  });
});

describe('SnapshotAdapter', () => {
  it('reads through loadSnapshot, keeping its notices and whether to rewrite', () => {
    const file = stateFile();
    writeFileSync(file, '{');
    const adapter = new SnapshotAdapter(file, writer, realIo);
    expect(adapter.notices).toEqual([]);
    expect(adapter.rewrite).toBe(false);
    expect(adapter.read()).toEqual(emptySnapshot());
    expect(adapter.rewrite).toBe(true);
    expect(adapter.notices[0]).toMatch(/could not be used \(not valid JSON\)/);
  });

  it('writes the whole snapshot durably, keeping the previous one as .bak', () => {
    const file = stateFile();
    const adapter = new SnapshotAdapter(file, writer, realIo);
    adapter.write(snapshot({ newPerDay: 1 }));
    adapter.write(snapshot({ newPerDay: 2 }));
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(snapshot({ newPerDay: 2 }));
    expect(JSON.parse(readFileSync(`${file}.bak`, 'utf8'))).toEqual(snapshot({ newPerDay: 1 }));
    expect(adapter.read()).toEqual(snapshot({ newPerDay: 2 }));
    expect(adapter.rewrite).toBe(false);
  });
});
