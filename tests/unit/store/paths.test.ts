// Where the data lives and which device this is: the flag wins, then HYPERRECALL_HOME, then
// XDG_DATA_HOME, then the platform default; a device id is always a safe file-name part.
import { homedir, hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deviceId, resolveDataDir } from '../../../src/store/paths.js';
import { LOG_RE, logFileName } from '../../../src/store/review-log.js';

// The host name, when a test sets one; the real one otherwise.
const host = vi.hoisted(() => ({ name: null as string | null }));
vi.mock('node:os', async (importOriginal) => {
  const os = await importOriginal<typeof import('node:os')>();
  return { ...os, hostname: () => host.name ?? os.hostname() };
});

afterEach(() => {
  host.name = null;
});

describe('resolveDataDir', () => {
  const env = { HYPERRECALL_HOME: '/home/u/hr-home', XDG_DATA_HOME: '/home/u/xdg' };

  it('takes the flag first, resolved against the working directory', () => {
    expect(resolveDataDir('/srv/hr', env)).toBe('/srv/hr');
    expect(resolveDataDir('rel/dir', env)).toBe(resolve('rel/dir'));
  });

  it('then HYPERRECALL_HOME, then XDG_DATA_HOME/hyperrecall', () => {
    expect(resolveDataDir(undefined, env)).toBe('/home/u/hr-home');
    expect(resolveDataDir('', env)).toBe('/home/u/hr-home');
    expect(resolveDataDir(undefined, { XDG_DATA_HOME: '/home/u/xdg' })).toBe(
      '/home/u/xdg/hyperrecall',
    );
    expect(resolveDataDir(undefined, { HYPERRECALL_HOME: '', XDG_DATA_HOME: 'xdg' })).toBe(
      resolve('xdg', 'hyperrecall'),
    );
    expect(resolveDataDir(undefined, { HYPERRECALL_HOME: 'home' })).toBe(resolve('home'));
  });

  describe.runIf(process.platform === 'linux')('with neither variable', () => {
    const saved = process.env.XDG_DATA_HOME;
    afterEach(() => {
      if (saved === undefined) delete process.env.XDG_DATA_HOME;
      else process.env.XDG_DATA_HOME = saved;
    });

    it('uses ~/.local/share/hyperrecall, with no suffix', () => {
      delete process.env.XDG_DATA_HOME;
      expect(resolveDataDir(undefined, {})).toBe(join(homedir(), '.local', 'share', 'hyperrecall'));
    });
  });
});

describe('deviceId', () => {
  it('takes HYPERRECALL_DEVICE, lower-cased', () => {
    expect(deviceId({ HYPERRECALL_DEVICE: 'Laptop_2-b' })).toBe('laptop_2-b');
  });

  it('turns each run of other characters into one dash', () => {
    expect(deviceId({ HYPERRECALL_DEVICE: 'My Laptop!!(home).local' })).toBe(
      'my-laptop-home-local',
    );
    expect(deviceId({ HYPERRECALL_DEVICE: '../../etc/passwd' })).toBe('-etc-passwd');
    expect(deviceId({ HYPERRECALL_DEVICE: 'é' })).toBe('-');
  });

  it('keeps at most 40 characters', () => {
    expect(deviceId({ HYPERRECALL_DEVICE: 'a'.repeat(41) })).toBe('a'.repeat(40));
    expect(deviceId({ HYPERRECALL_DEVICE: 'b'.repeat(40) })).toBe('b'.repeat(40));
  });

  it('falls back to the host name, made safe the same way', () => {
    const fromHost = deviceId({});
    expect(deviceId({ HYPERRECALL_DEVICE: '' })).toBe(fromHost);
    expect(fromHost).toBe(deviceId({ HYPERRECALL_DEVICE: hostname() }));
  });

  it('a machine without a host name is "local"', () => {
    host.name = 'Build Box';
    expect(deviceId({})).toBe('build-box');
    host.name = '';
    expect(deviceId({})).toBe('local');
  });

  it('always names a log file the store reads back', () => {
    for (const raw of ['Work PC', '\x1b]0;x\x07', 'a/b\\c', 'ÜBER', 'x'.repeat(99)])
      expect(LOG_RE.test(logFileName(deviceId({ HYPERRECALL_DEVICE: raw })))).toBe(true);
  });
});
