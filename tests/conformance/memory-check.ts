// The memory state of every button against the two FSRS references: ts-fsrs driven
// directly (exact) and fsrs-rs (f32 error), one step from the app's own previous state.
import type { Grade, MemoryState } from './anki-rules.js';
import { GRADES } from './anki-rules.js';
import type { AppOutcome, Memory } from './app.js';
import type { FsrsRs } from './fsrs-direct.js';

const TS_FSRS_TOLERANCE = 1e-9;
/** fsrs-rs computes in f32 (about 6e-8 relative per operation). */
export const FSRS_RS_STEP_TOLERANCE = 5e-5;

function relErr(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(b), 1e-12);
}

/**
 * Error against fsrs-rs, which computes in f32: relative, except that stabilities under
 * 0.01 day are compared absolutely (f32 loses digits in the (S+1)^w13 - 1 of a tiny S).
 */
function f32Err(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(b), 0.01);
}

const usable = (x: MemoryState | null): boolean =>
  x === null ||
  (Number.isFinite(x.stability) && x.stability > 0 && x.difficulty >= 1 && x.difficulty <= 10);

export interface MemoryCheck {
  /** A difference from ts-fsrs ("@" stands for where), or null. */
  tsFsrs: string | null;
  /** A difference from fsrs-rs beyond f32 error ("@" stands for where), or null. */
  fsrsRs: string | null;
  /** Largest error against fsrs-rs from the app's previous state. */
  stepError: number;
  /** Largest error against the fsrs-rs chain. */
  chainError: number;
  /** The fsrs-rs chain's next states (null when it cannot go on). */
  rsNext: Record<Grade, MemoryState> | null;
}

export function checkMemory(
  preview: Record<Grade, AppOutcome>,
  next: Record<Grade, MemoryState>,
  m: Memory,
  elapsed: number,
  rs: FsrsRs,
  rsChain: MemoryState | null,
): MemoryCheck {
  const out: MemoryCheck = {
    tsFsrs: null,
    fsrsRs: null,
    stepError: 0,
    chainError: 0,
    rsNext: null,
  };
  for (const g of GRADES) {
    const got = preview[g].memory;
    const want = next[g];
    if (
      !(relErr(got.stability, want.stability) <= TS_FSRS_TOLERANCE) ||
      !(relErr(got.difficulty, want.difficulty) <= TS_FSRS_TOLERANCE)
    ) {
      out.tsFsrs = `grade ${g} @: S/D ${got.stability}/${got.difficulty}, ts-fsrs ${want.stability}/${want.difficulty}`;
      break;
    }
  }
  // fsrs-rs must never see a state it would panic on (that aborts the process).
  const prev = m.phase === 'new' ? null : { stability: m.stability, difficulty: m.difficulty };
  const step = usable(prev) ? rs.next(prev, prev === null ? 0 : elapsed) : null;
  out.rsNext = usable(rsChain) ? rs.next(rsChain, rsChain === null ? 0 : elapsed) : null;
  let worst: Grade = 1;
  for (const g of GRADES) {
    const got = preview[g].memory;
    if (step) {
      const e = Math.max(
        f32Err(got.stability, step[g].stability),
        f32Err(got.difficulty, step[g].difficulty),
      );
      if (e > out.stepError) [out.stepError, worst] = [e, g];
    }
    if (out.rsNext)
      out.chainError = Math.max(
        out.chainError,
        f32Err(got.stability, out.rsNext[g].stability),
        f32Err(got.difficulty, out.rsNext[g].difficulty),
      );
  }
  if (step && out.stepError > FSRS_RS_STEP_TOLERANCE) {
    const got = preview[worst].memory;
    out.fsrsRs = `grade ${worst} @ from S/D ${prev?.stability}/${prev?.difficulty}: S/D ${got.stability}/${got.difficulty}, fsrs-rs ${step[worst].stability}/${step[worst].difficulty}`;
  }
  return out;
}
