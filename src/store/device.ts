// Which device this is: the name in this device's log, cache, lock and exam file names, and in
// every record id it makes. Stable across runs: $HYPERRECALL_DEVICE wins; else the name kept
// in `device-<host>.json` (one file per host, so two machines syncing a folder never write
// one file); else, on the first writable open, a name is chosen and kept: the host name when
// a log of that name already exists (data from before device files), or the host name plus
// four random hex digits, so two machines with one host name never share a log. (Files
// named after the host, a log, cache or exam, are data from before device files.)
import { hostname } from 'node:os';
import { join } from 'node:path';
import { createFileDurably, writeFileDurably } from './durable-file.js';
import { errnoCode } from './errors.js';
import { type Io, realIo } from './io.js';
import { logFileName } from './review-log.js';

export type DeviceSource = 'env' | 'file' | 'existing-log' | 'new';

export interface ResolvedDevice {
  name: string;
  source: DeviceSource;
}

const MAX_NAME = 40;

/** Lower case, `[a-z0-9_-]` only (each run of other characters one dash), at most 40. */
export function sanitizeDevice(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .slice(0, MAX_NAME);
}

/** A name `config set device` accepts: already in the form sanitizeDevice gives. */
export function deviceNameProblem(name: string): string | null {
  if (name === '') return 'the name is empty';
  if (name.length > MAX_NAME) return `the name is longer than ${MAX_NAME} characters`;
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(name))
    return 'use lower-case letters, digits, "-" and "_", starting with a letter or digit';
  return null;
}

export function hostName(): string {
  return sanitizeDevice(hostname() || 'local') || 'local';
}

/** `<dataDir>/device-<host>.json`: this host's device name. */
export function deviceFile(dataDir: string, host = hostName()): string {
  return join(dataDir, `device-${host}.json`);
}

function readDeviceFile(file: string, io: Io): string | null {
  try {
    const x = JSON.parse(io.readFileSync(file, 'utf8')) as { device?: unknown };
    return typeof x.device === 'string' && deviceNameProblem(x.device) === null ? x.device : null;
  } catch {
    return null;
  }
}

function exists(file: string, io: Io): boolean {
  try {
    io.statSync(file);
    return true;
  } catch {
    return false;
  }
}

function randomSuffix(): string {
  const buf = new Uint8Array(2);
  globalThis.crypto.getRandomValues(buf);
  return Array.from(buf, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Resolves the name without writing anything: read-only commands use it as it is. */
export function resolveDevice(
  dataDir: string,
  env: NodeJS.ProcessEnv,
  io: Io = realIo,
  host = hostName(),
): ResolvedDevice {
  if (env.HYPERRECALL_DEVICE) {
    const name = sanitizeDevice(env.HYPERRECALL_DEVICE);
    if (name) return { name, source: 'env' };
  }
  const kept = readDeviceFile(deviceFile(dataDir, host), io);
  if (kept) return { name: kept, source: 'file' };
  const before = [logFileName(host), `state-${host}.json`, `exam-${host}.json`];
  const resolved: ResolvedDevice = before.some((f) => exists(join(dataDir, f), io))
    ? { name: host, source: 'existing-log' }
    : { name: `${host.slice(0, MAX_NAME - 5)}-${randomSuffix()}`, source: 'new' };
  pending.set(dataDir, resolved.name);
  return resolved;
}

/** Names chosen but not yet kept, by data directory: the first writer keeps them. */
const pending = new Map<string, string>();

/**
 * Keeps this host's device name in its device file, once: called by every writable open. A
 * name from the environment or already kept is left alone; a file another process created
 * meanwhile is not overwritten (that session's records stay readable under its own name).
 */
export function keepDevice(dataDir: string, name: string, io: Io = realIo, host = hostName()) {
  if (pending.get(dataDir) !== name) return;
  try {
    createFileDurably(
      deviceFile(dataDir, host),
      Buffer.from(`${JSON.stringify({ device: name })}\n`),
      io,
    );
    pending.delete(dataDir);
  } catch (err) {
    // Taken meanwhile, or not writable: the lock, taken next, reports a disk that takes nothing.
    if (errnoCode(err) === 'EEXIST') pending.delete(dataDir);
  }
}

/** Replaces this host's device name (a rename): all or nothing. */
export function writeDeviceFile(dataDir: string, name: string, io: Io, host = hostName()): void {
  writeFileDurably(deviceFile(dataDir, host), `${JSON.stringify({ device: name })}\n`, io, false);
}
