// Seeded random histories: settings, weights, a start time (often just before a DST change),
// grades and gaps from seconds to months, with answers placed around the day rollover.
import { default_w } from 'ts-fsrs';
import type { Grade } from './anki-rules.js';
import { offsetChanges, type ZoneClock } from './local-time.js';

export type Rng = () => number;

/** mulberry32: small, fast, and the same sequence on every machine. */
export function rngFrom(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rng: Rng, xs: readonly T[]): T {
  return xs[Math.floor(rng() * xs.length)] as T;
}

const LEARNING_STEPS: readonly string[][] = [
  ['1m', '10m'],
  ['1m', '10m'],
  ['10m'],
  ['1m'],
  ['25m'],
  ['1m', '10m', '1h'],
  ['1m', '5m', '10m', '1h', '12h'],
  ['10m', '1d'],
  ['10m', '1d', '3d'],
  ['30m', '1d'],
  ['1d'],
  ['2d'],
  ['3h', '20h'],
  ['15m', '6h', '2d', '4d'],
  ['1.5m', '0.5h'],
  ['1m', '2.5h'],
  // Steps in odd seconds: Hard's mean of the first two rounds down (steps.rs, integer secs).
  ['0.75m', '2m'],
  [],
];
const RELEARNING_STEPS: readonly string[][] = [
  ['10m'],
  ['10m'],
  ['1m'],
  ['5m', '30m'],
  ['1h'],
  ['10m', '1d'],
  ['2d'],
  ['20h'],
  ['1m', '5m', '10m'],
  ['0.5h'],
  ['0.75m', '2m'],
  [],
];
const MAX_INTERVALS = [36500, 36500, 365, 100, 30, 10, 7, 3, 2, 1];

/** Local hours at which the zone's clocks change: day-starts-at in or next to a DST gap. */
const DST_HOURS: Record<string, number[]> = {
  'America/New_York': [1, 2, 3],
  'Europe/Berlin': [1, 2, 3],
  'Australia/Sydney': [1, 2, 3],
  'Australia/Lord_Howe': [1, 2, 3],
  'Pacific/Chatham': [2, 3, 4],
};

export interface GeneratedSettings {
  learningSteps: string[];
  relearningSteps: string[];
  maxInterval: number;
  desiredRetention: number;
  fuzz: boolean;
  dayStartsAt: number;
}

export function randomSettings(rng: Rng, zone: string): GeneratedSettings {
  const hours = DST_HOURS[zone];
  return {
    learningSteps: [...pick(rng, LEARNING_STEPS)],
    relearningSteps: [...pick(rng, RELEARNING_STEPS)],
    maxInterval: rng() < 0.15 ? 1 + Math.floor(rng() * 400) : pick(rng, MAX_INTERVALS),
    desiredRetention: Math.round((0.7 + rng() * 0.29) * 100) / 100,
    fuzz: rng() < 0.6,
    dayStartsAt: hours && rng() < 0.5 ? pick(rng, hours) : Math.floor(rng() * 24),
  };
}

/** Default weights, or each one scaled by up to ±25% (kept if ts-fsrs would not clip them). */
export function randomWeights(rng: Rng, acceptable: (w: number[]) => boolean): number[] {
  if (rng() < 0.7) return [...default_w];
  const w = default_w.map((x) => Math.round(x * (0.75 + rng() * 0.5) * 1e4) / 1e4);
  return acceptable(w) ? w : [...default_w];
}

export function randomGrade(rng: Rng): Grade {
  const r = rng();
  return r < 0.17 ? 1 : r < 0.32 ? 2 : r < 0.85 ? 3 : 4;
}

const SEC = 1000;
const MIN = 60 * SEC;
const DAY = 86_400 * SEC;
const RANGE_FROM = Date.UTC(2024, 0, 1);
const RANGE_TO = Date.UTC(2027, 0, 1);

const changesCache = new Map<string, number[]>();
export function dstChanges(zone: string): number[] {
  let hit = changesCache.get(zone);
  if (!hit) {
    hit = offsetChanges(zone, RANGE_FROM, RANGE_TO);
    changesCache.set(zone, hit);
  }
  return hit;
}

/** First answer: history `i` starts shortly before DST change i mod n, or anywhere in 2024-2026. */
export function startTime(rng: Rng, zone: string, i: number): number {
  const changes = dstChanges(zone);
  let t: number;
  if (changes.length > 0 && i % 5 !== 4) {
    const change = changes[i % changes.length] as number;
    t = rng() < 0.5 ? change - Math.floor(rng() * 90) * MIN : change - Math.floor(rng() * 4 * DAY);
  } else t = RANGE_FROM + Math.floor(rng() * (RANGE_TO - RANGE_FROM - 200 * DAY));
  return Math.floor(t / SEC) * SEC;
}

/** The next answer: on time, around the rollover, early, late, or after a random gap. */
export function nextTime(
  rng: Rng,
  now: number,
  due: number,
  lastReview: number,
  clock: ZoneClock,
): number {
  const r = rng();
  let t: number;
  if (r < 0.35) t = due + Math.floor(rng() * 600) * SEC;
  else if (r < 0.55) {
    const boundary = clock.nextDayStart(Math.max(now, due - SEC));
    t = boundary + pick(rng, [-1, 1, -30, 30, -300, 300, -3600, 0]) * SEC;
  } else if (r < 0.75)
    t = now + Math.exp(Math.log(MIN) + rng() * (Math.log(120 * DAY) - Math.log(MIN)));
  else if (r < 0.85) t = now + (due - now) * rng();
  else t = due + (due - lastReview) * 3 * rng();
  return Math.max(Math.floor(t / SEC) * SEC, now + SEC);
}
