// The exam in progress: saved durably with its version, loaded from any earlier version, and
// a file that cannot be used is set aside under a label that says why (never deleted), or,
// for a reader, only reported.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../../src/store/errors.js';
import { EXAM_FILE_VERSION, ExamFile } from '../../../src/store/exam-file.js';
import { type Io, realIo } from '../../../src/store/io.js';
import { faultyIo } from '../../helpers/faulty-io.js';
import { T0 } from '../../helpers/records.js';

const STAMP = '2026-03-02T10-00-00-000Z';
const exam = { id: 'e', answers: [1, 2] };
const valid = (x: unknown): x is typeof exam =>
  !!x && typeof x === 'object' && (x as { id?: unknown }).id === 'e';

function setup(readOnly = false, io: Io = realIo) {
  const dir = mkdtempSync(join(tmpdir(), 'hr-exam-'));
  const notices: string[] = [];
  const file = new ExamFile(dir, 'dev1', readOnly, io, notices);
  return { dir, notices, file, path: join(dir, 'exam-dev1.json') };
}

describe('ExamFile', () => {
  it('lives in exam-<device>.json', () => {
    const { file, path } = setup();
    expect(file.file).toBe(path);
  });

  it('saves the exam with its version and time, and loads it back', () => {
    const { file, path, notices } = setup();
    expect(file.load(valid, T0)).toBeNull();
    file.save(exam, T0);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({
      version: EXAM_FILE_VERSION,
      exam,
      savedAt: T0,
    });
    expect(file.load(valid, T0)).toEqual({ exam, savedAt: T0 });
    expect(notices).toEqual([]);
  });

  it('loads version 1 (no version field) and the current version, whatever else it holds', () => {
    const { file, path } = setup();
    writeFileSync(path, JSON.stringify({ exam, savedAt: T0 }));
    expect(file.load(valid, T0)).toEqual({ exam, savedAt: T0 });
    writeFileSync(path, JSON.stringify({ version: 2, exam, savedAt: T0 + 1, extra: true }));
    expect(file.load(valid, T0)).toEqual({ exam, savedAt: T0 + 1 });
    // A version that is not a number is read as the first version.
    writeFileSync(path, JSON.stringify({ version: '9', exam, savedAt: T0 }));
    expect(file.load(valid, T0)).toEqual({ exam, savedAt: T0 });
  });

  const unusable: [string, string, string, string][] = [
    ['not JSON', '{"exam": tr', 'it is not valid JSON', 'corrupt'],
    ['JSON null', 'null', 'its content is not an exam', 'corrupt'],
    [
      'a newer version',
      JSON.stringify({ version: 3, exam, savedAt: T0 }),
      'it was saved by a newer hyperrecall',
      'newer',
    ],
    [
      'no time',
      JSON.stringify({ version: 2, exam, savedAt: '2026' }),
      'its content is not an exam',
      'corrupt',
    ],
    [
      'another shape',
      JSON.stringify({ version: 2, exam: { id: 'x' }, savedAt: T0 }),
      'its content is not an exam',
      'corrupt',
    ],
  ];
  for (const [what, text, why, label] of unusable) {
    it(`${what}: a writer sets it aside as .${label}-<time> and says why`, () => {
      const { file, path, notices, dir } = setup();
      writeFileSync(path, text);
      expect(file.load(valid, T0)).toBeNull();
      const aside = `${path}.${label}-${STAMP}`;
      expect(notices).toEqual([
        `The saved exam could not be used (${why}); it was moved to ${aside}.`,
      ]);
      expect(readFileSync(aside, 'utf8')).toBe(text);
      expect(readdirSync(dir)).toEqual([`exam-dev1.json.${label}-${STAMP}`]);
    });

    it(`${what}: a reader only reports it`, () => {
      const { file, path, notices, dir } = setup(true);
      writeFileSync(path, text);
      expect(file.load(valid, T0)).toBeNull();
      expect(notices).toEqual([`The saved exam in ${path} cannot be used: ${why}.`]);
      expect(readdirSync(dir)).toEqual(['exam-dev1.json']);
    });
  }

  it('a file that cannot be read is named with its error code', () => {
    const { file, path, notices } = setup(true);
    mkdirSync(path);
    expect(file.load(valid, T0)).toBeNull();
    expect(notices).toEqual([
      `The saved exam in ${path} cannot be used: it cannot be read (EISDIR).`,
    ]);
  });

  it('when it cannot be set aside, it is reported and left where it is', () => {
    const { file, path, notices } = setup(
      false,
      faultyIo(realIo, { fail: { renameSync: 'EROFS' } }),
    );
    writeFileSync(path, 'junk');
    expect(file.load(valid, T0)).toBeNull();
    expect(notices).toEqual([`The saved exam in ${path} cannot be used: it is not valid JSON.`]);
    expect(readFileSync(path, 'utf8')).toBe('junk');
  });

  it('clear removes the file and its backup', () => {
    const { file, dir } = setup();
    file.save(exam, T0);
    file.save(exam, T0 + 1);
    expect(readdirSync(dir).sort()).toEqual(['exam-dev1.json', 'exam-dev1.json.bak']);
    file.clear();
    expect(readdirSync(dir)).toEqual([]);
    expect(() => file.clear()).not.toThrow();
  });

  it('clear removes the backup even when the file itself is gone', () => {
    const { file, dir } = setup();
    file.save(exam, T0);
    file.save(exam, T0 + 1);
    const plain = new ExamFile(dir, 'dev1', false, realIo, []);
    writeFileSync(join(dir, 'keep'), '');
    realIo.unlinkSync(plain.file);
    plain.clear();
    expect(readdirSync(dir)).toEqual(['keep']);
  });

  it('a reader neither saves nor clears', () => {
    const { file, path, dir } = setup(true);
    writeFileSync(path, JSON.stringify({ version: 2, exam, savedAt: T0 }));
    writeFileSync(`${path}.bak`, 'old');
    const err = (() => {
      try {
        file.save(exam, T0 + 5);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(StoreError);
    expect(err).toMatchObject({ message: 'the store was opened read-only', path: dir });
    file.clear();
    expect(readdirSync(dir).sort()).toEqual(['exam-dev1.json', 'exam-dev1.json.bak']);
    expect(existsSync(path)).toBe(true);
    expect(file.load(valid, T0)).toEqual({ exam, savedAt: T0 });
  });
});
