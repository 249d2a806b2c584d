import { chmodSync, existsSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spareCacheDir } from '../../../src/store/spare-cache-dir.js';
import { cacheFile, readStatusCache, writeStatusCache } from '../../../src/store/status-cache.js';

const ENTRY = { key: 'k', day: 20514, dayStartsAt: 4, status: { due: 3 } };
const uid = process.getuid?.() ?? 0;
let savedTmp: string | undefined;
let temp: string;

beforeEach(() => {
  savedTmp = process.env.TMPDIR;
  temp = mkdtempSync(join(tmpdir(), 'hr-spare-'));
  process.env.TMPDIR = temp;
});
afterEach(() => {
  process.env.TMPDIR = savedTmp;
});

const missingDataDir = () => join(mkdtempSync(join(temp, 'home-')), 'data');

describe.runIf(process.getuid !== undefined)('caches before the data directory exists', () => {
  it('status keeps its answer outside the data directory, which it does not create', () => {
    const dataDir = missingDataDir();
    writeStatusCache(dataDir, 'dev', ENTRY);
    expect(existsSync(dataDir)).toBe(false);
    expect(readStatusCache(dataDir, 'dev')?.status).toEqual({ due: 3 });
    expect(cacheFile(dataDir, 'dev')?.startsWith(join(temp, `hyperrecall-${uid}`))).toBe(true);
  });

  it('one spare folder per data directory', () => {
    const a = missingDataDir();
    const b = missingDataDir();
    writeStatusCache(a, 'dev', ENTRY);
    expect(readStatusCache(b, 'dev')).toBeNull();
  });

  it('once the data directory exists, its own cache is used', () => {
    const dataDir = missingDataDir();
    writeStatusCache(dataDir, 'dev', ENTRY);
    mkdirSync(dataDir);
    expect(readStatusCache(dataDir, 'dev')).toBeNull();
    expect(cacheFile(dataDir, 'dev')).toBe(join(dataDir, 'cache', 'status-dev.json'));
  });

  it('a spare folder open to other users is neither read nor written', () => {
    const dataDir = missingDataDir();
    writeStatusCache(dataDir, 'dev', ENTRY);
    chmodSync(join(temp, `hyperrecall-${uid}`), 0o777);
    expect(readStatusCache(dataDir, 'dev')).toBeNull();
    expect(spareCacheDir(dataDir, true)).toBeNull();
  });

  it('a link in place of the spare folder is not followed', () => {
    const elsewhere = mkdtempSync(join(temp, 'elsewhere-'));
    chmodSync(elsewhere, 0o700);
    symlinkSync(elsewhere, join(temp, `hyperrecall-${uid}`));
    const dataDir = missingDataDir();
    writeStatusCache(dataDir, 'dev', ENTRY);
    expect(readStatusCache(dataDir, 'dev')).toBeNull();
    expect(cacheFile(dataDir, 'dev')).toBeNull();
  });
});
