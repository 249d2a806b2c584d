// The `weights` setting: 21 FSRS-6 parameters, e.g. fitted by an optimiser. Checked against
// the bounds ts-fsrs clamps to (the same as fsrs-rs' parameter_clipper), so a value is never
// silently changed or, for a wrong count, silently replaced by the defaults.
import { CLAMP_PARAMETERS, W17_W18_Ceiling } from 'ts-fsrs';

export const WEIGHT_COUNT = 21;
const BOUNDS: readonly number[][] = CLAMP_PARAMETERS(W17_W18_Ceiling, true);

/** Why `w` is not a usable set of weights, or null when it is. */
export function weightsProblem(w: unknown): string | null {
  if (!Array.isArray(w)) return 'weights must be a list of numbers';
  if (w.length !== WEIGHT_COUNT) return `expected ${WEIGHT_COUNT} FSRS-6 weights, got ${w.length}`;
  for (let i = 0; i < w.length; i++) {
    const v: unknown = w[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) return `w${i} is not a number`;
    const [lo, hi] = BOUNDS[i] as [number, number];
    if (v < lo || v > hi) return `w${i} = ${v} is outside ${lo} to ${hi}`;
  }
  return null;
}

export type ParsedWeights = { ok: true; value: number[] | null } | { ok: false; problem: string };

/** `default` (or `none`, or nothing) clears the weights; otherwise 21 numbers. */
export function parseWeights(raw: string): ParsedWeights {
  const v = raw.trim();
  if (v === '' || v === 'default' || v === 'none') return { ok: true, value: null };
  const parts = v
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .filter((p) => p !== '');
  const bad = parts.find((p) => !/^-?\d+(\.\d+)?(e-?\d+)?$/i.test(p));
  if (bad !== undefined) return { ok: false, problem: `'${bad}' is not a number` };
  const w = parts.map(Number);
  const problem = weightsProblem(w);
  return problem === null ? { ok: true, value: w } : { ok: false, problem };
}
