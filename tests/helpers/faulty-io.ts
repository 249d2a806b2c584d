// An Io that fails on purpose: the disk fills up after N bytes, writes come back short,
// fsync reports EIO, the file system is read-only. The plan is read on every call, so a
// test can change it midway ("space was freed": `plan.spaceLeft = Infinity`).
import { constants } from 'node:os';
import type { Io } from '../../src/store/io.js';

type Call = keyof Io;

export interface FaultPlan {
  /** Bytes the disk still takes. A write that crosses it is short; the next one ENOSPC. */
  spaceLeft?: number;
  /** At most this many bytes per writeSync: short writes that are not errors. */
  maxWrite?: number;
  /** At most this many bytes per readSync: short reads. */
  maxRead?: number;
  /** errno for fsync and fdatasync (`EIO`). */
  syncError?: string;
  /** errno for an open with any flag but 'r' (`EROFS`). */
  openWriteError?: string;
  /** Every call that changes the file system fails with EROFS. */
  readOnly?: boolean;
  /** errno for a call, every time, or from its n-th call on (counted from 1). */
  fail?: Partial<Record<Call, string | { code: string; from: number }>>;
}

export type FaultyIo = Io & { readonly calls: Record<string, number> };

export function errnoError(code: string, call: string, path?: unknown): NodeJS.ErrnoException {
  const where = typeof path === 'string' ? ` '${path}'` : '';
  const err: NodeJS.ErrnoException = new Error(`${code}: injected fault, ${call}${where}`);
  err.code = code;
  err.errno = -((constants.errno as Record<string, number>)[code] ?? 1);
  err.syscall = call;
  return err;
}

const MODIFYING: ReadonlySet<Call> = new Set<Call>([
  'writeSync',
  'ftruncateSync',
  'renameSync',
  'linkSync',
  'unlinkSync',
  'copyFileSync',
  'mkdirSync',
  'rmdirSync',
  'rmTreeSync',
  'utimesSync',
]);

export function faultyIo(base: Io, plan: FaultPlan): FaultyIo {
  const calls: Record<string, number> = {};
  const check = (call: Call, args: unknown[]): void => {
    const n = (calls[call] ?? 0) + 1;
    calls[call] = n;
    const rule = plan.fail?.[call];
    if (typeof rule === 'string') throw errnoError(rule, call, args[0]);
    if (rule && n >= rule.from) throw errnoError(rule.code, call, args[0]);
    const writes = call === 'openSync' && args[1] !== 'r';
    if (plan.readOnly && (MODIFYING.has(call) || writes)) throw errnoError('EROFS', call, args[0]);
    if (writes && plan.openWriteError) throw errnoError(plan.openWriteError, call, args[0]);
    if ((call === 'fsyncSync' || call === 'fdatasyncSync') && plan.syncError)
      throw errnoError(plan.syncError, call);
  };
  const io = {} as Record<string, unknown>;
  for (const call of Object.keys(base) as Call[]) {
    const fn = base[call] as (...args: unknown[]) => unknown;
    io[call] = (...args: unknown[]) => {
      check(call, args);
      return fn(...args);
    };
  }
  io.writeSync = (fd: number, buf: Uint8Array, off: number, len: number, pos: number | null) => {
    check('writeSync', [fd]);
    let n = Math.min(len, plan.maxWrite ?? len);
    const left = plan.spaceLeft ?? Number.POSITIVE_INFINITY;
    if (left <= 0 && n > 0) throw errnoError('ENOSPC', 'write');
    n = Math.min(n, left);
    const wrote = base.writeSync(fd, buf, off, n, pos);
    if (plan.spaceLeft !== undefined) plan.spaceLeft -= wrote;
    return wrote;
  };
  io.readSync = (fd: number, buf: Uint8Array, off: number, len: number, pos: number | null) => {
    check('readSync', [fd]);
    return base.readSync(fd, buf, off, Math.min(len, plan.maxRead ?? len), pos);
  };
  io.copyFileSync = (from: string, to: string, mode?: number) => {
    check('copyFileSync', [from]);
    const size = base.statSync(from).size;
    const left = plan.spaceLeft;
    if (left !== undefined && size > left) {
      // As a real copy would: the part that fitted is there, and the caller must clean up.
      const fd = base.openSync(to, 'w');
      const part = base.readFileSync(from).subarray(0, Math.max(0, left));
      base.writeSync(fd, part, 0, part.length, 0);
      base.closeSync(fd);
      plan.spaceLeft = 0;
      throw errnoError('ENOSPC', 'copyfile', to);
    }
    base.copyFileSync(from, to, mode);
    if (plan.spaceLeft !== undefined) plan.spaceLeft -= size;
  };
  Object.defineProperty(io, 'calls', { value: calls });
  return io as unknown as FaultyIo;
}
