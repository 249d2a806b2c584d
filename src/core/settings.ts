// One door for settings: every read goes through resolveSettings, which fills defaults
// and drops values that fail validation, so a hand-edited store cannot break scheduling.
import { type DeckLimits, resolveDeckLimits } from './deck-limits.js';
import { EXAM_DEFAULTS } from './exam-draw.js';
import { fitFor, type WeightsFit } from './optimizer/fit.js';
import { stepSeconds } from './scheduling/steps.js';
import { parseWeights, weightsProblem } from './scheduling/weights.js';

export type Step = `${number}${'m' | 'h' | 'd'}`;

export interface Settings {
  desiredRetention: number;
  maxInterval: number;
  learningSteps: Step[];
  relearningSteps: Step[];
  newPerDay: number;
  reviewsPerDay: number;
  dayStartsAt: number;
  fuzz: boolean;
  leechThreshold: number;
  leechAction: 'suspend' | 'tag';
  burySiblings: boolean;
  examDate: string | null;
  /** Wrong exam answers send their cards back to relearning. */
  examFeedsSchedule: boolean;
  /** Size and time of a mock exam when neither `x` nor `exam` is told otherwise. */
  examQuestions: number;
  examMinutes: number;
  /** 21 FSRS-6 parameters (e.g. optimised); null for ts-fsrs' defaults. */
  weights: number[] | null;
  /** When and on how many reviews `optimize` fitted `weights`; null for typed or default ones. */
  weightsFit: WeightsFit | null;
  /** Per-deck overrides of new-per-day and reviews-per-day, by deck id. */
  deckLimits: Readonly<Record<string, DeckLimits>>;
  /** The TUI runs `sync` on start and on quit (git transport; see `sync --init`). */
  syncAuto: boolean;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  desiredRetention: 0.9,
  maxInterval: 36500,
  learningSteps: ['1m', '10m'] as Step[],
  relearningSteps: ['10m'] as Step[],
  newPerDay: 20,
  reviewsPerDay: 200,
  dayStartsAt: 4,
  fuzz: true,
  leechThreshold: 8,
  leechAction: 'suspend' as const,
  burySiblings: true,
  examDate: null,
  examFeedsSchedule: true,
  examQuestions: EXAM_DEFAULTS.questions,
  examMinutes: EXAM_DEFAULTS.minutes,
  weights: null,
  weightsFit: null,
  deckLimits: Object.freeze({}),
  syncAuto: false,
});

/** A step such as `10m`, `1.5m`, `0.5h` or `2d`: decimals are exact, in whole seconds. */
export function isStep(value: unknown): value is Step {
  return typeof value === 'string' && stepSeconds(value) !== null;
}

/** Largest exam size and time: the bounds `exam --questions/--minutes` and `x` take too. */
export const EXAM_BOUNDS = { questions: 500, minutes: 600 } as const;

function intIn(v: unknown, lo: number, hi: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi;
}

export function resolveSettings(partial: Partial<Record<keyof Settings, unknown>> = {}): Settings {
  const s: Settings = { ...DEFAULT_SETTINGS, learningSteps: [...DEFAULT_SETTINGS.learningSteps] };
  const p = partial;
  if (
    typeof p.desiredRetention === 'number' &&
    p.desiredRetention >= 0.7 &&
    p.desiredRetention <= 0.99
  )
    s.desiredRetention = p.desiredRetention;
  if (intIn(p.maxInterval, 1, 36500)) s.maxInterval = p.maxInterval;
  if (Array.isArray(p.learningSteps) && p.learningSteps.every(isStep))
    s.learningSteps = p.learningSteps;
  if (Array.isArray(p.relearningSteps) && p.relearningSteps.every(isStep))
    s.relearningSteps = p.relearningSteps;
  if (intIn(p.newPerDay, 0, 9999)) s.newPerDay = p.newPerDay;
  if (intIn(p.reviewsPerDay, 0, 99999)) s.reviewsPerDay = p.reviewsPerDay;
  if (intIn(p.dayStartsAt, 0, 23)) s.dayStartsAt = p.dayStartsAt;
  if (typeof p.fuzz === 'boolean') s.fuzz = p.fuzz;
  if (intIn(p.leechThreshold, 1, 999)) s.leechThreshold = p.leechThreshold;
  if (p.leechAction === 'suspend' || p.leechAction === 'tag') s.leechAction = p.leechAction;
  if (typeof p.burySiblings === 'boolean') s.burySiblings = p.burySiblings;
  if (typeof p.examDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(p.examDate))
    s.examDate = p.examDate;
  if (typeof p.examFeedsSchedule === 'boolean') s.examFeedsSchedule = p.examFeedsSchedule;
  if (intIn(p.examQuestions, 1, EXAM_BOUNDS.questions)) s.examQuestions = p.examQuestions;
  if (intIn(p.examMinutes, 1, EXAM_BOUNDS.minutes)) s.examMinutes = p.examMinutes;
  if (weightsProblem(p.weights) === null) s.weights = [...(p.weights as number[])];
  s.weightsFit = fitFor(p.weightsFit, s.weights);
  s.deckLimits = resolveDeckLimits(p.deckLimits);
  if (typeof p.syncAuto === 'boolean') s.syncAuto = p.syncAuto;
  return s;
}

// ---- settings as the user types them: `hyperrecall config set learning-steps "1m 10m"` ----

export const SETTING_KEYS = [
  'desired-retention',
  'max-interval',
  'learning-steps',
  'relearning-steps',
  'new-per-day',
  'reviews-per-day',
  'day-starts-at',
  'fuzz',
  'leech-threshold',
  'leech-action',
  'bury-siblings',
  'exam-date',
  'exam-feeds-schedule',
  'exam-questions',
  'exam-minutes',
  'sync-auto',
  'weights',
] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

export const SETTING_FIELD: Record<SettingKey, keyof Settings> = {
  'desired-retention': 'desiredRetention',
  'max-interval': 'maxInterval',
  'learning-steps': 'learningSteps',
  'relearning-steps': 'relearningSteps',
  'new-per-day': 'newPerDay',
  'reviews-per-day': 'reviewsPerDay',
  'day-starts-at': 'dayStartsAt',
  fuzz: 'fuzz',
  'leech-threshold': 'leechThreshold',
  'leech-action': 'leechAction',
  'bury-siblings': 'burySiblings',
  'exam-date': 'examDate',
  'exam-feeds-schedule': 'examFeedsSchedule',
  'exam-questions': 'examQuestions',
  'exam-minutes': 'examMinutes',
  'sync-auto': 'syncAuto',
  weights: 'weights',
};

export const SETTING_HELP: Record<SettingKey, string> = {
  'desired-retention': 'target probability of recall, 0.70 to 0.99',
  'max-interval': 'longest interval in days, 1 to 36500',
  'learning-steps':
    'steps for new cards, e.g. "1m 10m" or "1.5m 0.5h 1d" (m, h or d, whole seconds; empty for none)',
  'relearning-steps': 'steps after a lapse, e.g. "10m" (m, h or d, whole seconds; empty for none)',
  'new-per-day': 'new cards introduced per study day, 0 to 9999',
  'reviews-per-day': 'reviews per study day at most, 0 to 99999',
  'day-starts-at': 'local hour at which a study day begins, 0 to 23',
  fuzz: 'spread due dates slightly: true or false',
  'leech-threshold': 'lapses that make a card a leech, 1 to 999',
  'leech-action': 'what happens to a leech: suspend or tag',
  'bury-siblings': "hold a card's siblings until the next day: true or false",
  'exam-date': 'date of your exam, YYYY-MM-DD (or "none")',
  'exam-feeds-schedule': 'wrong exam answers send cards back to relearning: true or false',
  'exam-questions': `questions in a mock exam unless told otherwise, 1 to ${EXAM_BOUNDS.questions}`,
  'exam-minutes': `minutes for a mock exam unless told otherwise, 1 to ${EXAM_BOUNDS.minutes}`,
  'sync-auto': 'sync through git when the study screen starts and quits: true or false',
  weights: '21 FSRS-6 parameters separated by commas or spaces, or "default"',
};

export function isSettingKey(key: string): key is SettingKey {
  return (SETTING_KEYS as readonly string[]).includes(key);
}

export type ParsedSetting =
  | { ok: true; field: keyof Settings; value: Settings[keyof Settings] }
  | { ok: false; message: string };

function num(raw: string, lo: number, hi: number, int: boolean): number | null {
  if (!/^-?\d+(\.\d+)?$/.test(raw.trim())) return null;
  const n = Number(raw);
  if (n < lo || n > hi || (int && !Number.isInteger(n))) return null;
  return n;
}

function bool(raw: string): boolean | null {
  const v = raw.trim().toLowerCase();
  if (['true', 'yes', 'on', '1'].includes(v)) return true;
  if (['false', 'no', 'off', '0'].includes(v)) return false;
  return null;
}

function isRealDate(raw: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) return false;
  const [y, m, d] = raw.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Validates a value typed by the user; the message names the valid range or format. */
export function parseSetting(key: string, raw: string): ParsedSetting {
  if (!isSettingKey(key))
    return { ok: false, message: `unknown setting '${key}'; settings: ${SETTING_KEYS.join(', ')}` };
  const field = SETTING_FIELD[key];
  const bad = (): ParsedSetting => ({
    ok: false,
    message: `invalid value '${raw}' for ${key}: ${SETTING_HELP[key]}`,
  });
  const v = raw.trim();
  switch (key) {
    case 'desired-retention': {
      const n = num(v, 0.7, 0.99, false);
      return n === null ? bad() : { ok: true, field, value: n };
    }
    case 'max-interval': {
      const n = num(v, 1, 36500, true);
      return n === null ? bad() : { ok: true, field, value: n };
    }
    case 'new-per-day': {
      const n = num(v, 0, 9999, true);
      return n === null ? bad() : { ok: true, field, value: n };
    }
    case 'reviews-per-day': {
      const n = num(v, 0, 99999, true);
      return n === null ? bad() : { ok: true, field, value: n };
    }
    case 'day-starts-at': {
      const n = num(v, 0, 23, true);
      return n === null ? bad() : { ok: true, field, value: n };
    }
    case 'leech-threshold': {
      const n = num(v, 1, 999, true);
      return n === null ? bad() : { ok: true, field, value: n };
    }
    case 'exam-questions':
    case 'exam-minutes': {
      const n = num(v, 1, EXAM_BOUNDS[key === 'exam-questions' ? 'questions' : 'minutes'], true);
      return n === null ? bad() : { ok: true, field, value: n };
    }
    case 'learning-steps':
    case 'relearning-steps': {
      const steps = v === '' ? [] : v.split(/[\s,]+/);
      return steps.every(isStep) ? { ok: true, field, value: steps as Step[] } : bad();
    }
    case 'fuzz':
    case 'sync-auto':
    case 'exam-feeds-schedule':
    case 'bury-siblings': {
      const b = bool(v);
      return b === null ? bad() : { ok: true, field, value: b };
    }
    case 'leech-action':
      return v === 'suspend' || v === 'tag' ? { ok: true, field, value: v } : bad();
    case 'exam-date':
      if (v === '' || v === 'none') return { ok: true, field, value: null };
      return isRealDate(v) ? { ok: true, field, value: v } : bad();
    case 'weights': {
      const w = parseWeights(v);
      if (w.ok) return { ok: true, field, value: w.value };
      return {
        ok: false,
        message: `invalid value for weights: ${w.problem}; ${SETTING_HELP[key]}`,
      };
    }
    default: {
      const never: never = key;
      return never;
    }
  }
}

export function formatSetting(settings: Settings, key: SettingKey): string {
  const v = settings[SETTING_FIELD[key]];
  if (key === 'weights') return Array.isArray(v) ? v.join(',') : 'default';
  if (Array.isArray(v)) return v.join(' ');
  if (v === null) return 'none';
  return String(v);
}
