// One door for settings: every read goes through resolveSettings, which fills defaults
// and drops values that fail validation, so a hand-edited store cannot break scheduling.

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
});

const STEP_RE = /^(\d+(?:\.\d+)?)(m|h|d)$/;

export function isStep(value: unknown): value is Step {
  return typeof value === 'string' && STEP_RE.test(value) && Number.parseFloat(value) > 0;
}

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
  return s;
}
