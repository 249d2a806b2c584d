// When the exam is, in study days: how many days are left and the moment the forecast looks
// at (the exam morning: the start of that study day plus a few hours).
import { dayStart, studyDay } from './clock.js';

const MORNING_MS = 5 * 3_600_000;

export interface ExamDay {
  daysLeft: number;
  /** The time the readiness forecast is computed for. */
  forecastAt: number;
  /** The exam's study day is over: there is no exam ahead to forecast for. */
  past: boolean;
}

/** `date` is YYYY-MM-DD, as the `exam-date` setting holds it. */
export function examDay(date: string, now: number, dayStartsAt: number): ExamDay {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
  const today = studyDay(now, dayStartsAt);
  return {
    daysLeft: Math.max(0, day - today),
    forecastAt: Math.max(now, dayStart(day, dayStartsAt) + MORNING_MS),
    past: day < today,
  };
}
