// The one place the suite touches the app: its Scheduler and settings, through their public API.
import type { Grade, Memory } from '../../src/core/model.js';
import { newMemory, Scheduler } from '../../src/core/scheduler.js';
import { resolveSettings, type Settings } from '../../src/core/settings.js';
import type { GeneratedSettings } from './history.js';

export type { Memory, Settings };
export { newMemory };

export interface AppOutcome {
  memory: Memory;
  intervalMs: number;
}

export interface AppScheduler {
  preview(m: Memory, now: number, key: string): Record<Grade, AppOutcome>;
  answer(m: Memory, now: number, grade: Grade, key: string): Memory;
  retrievability(m: Memory, at: number): number;
}

/**
 * Settings as the app resolves them, weights included (a value it refuses falls back to its
 * default), and the weights its scheduler then uses: the suite's references get the same.
 */
export function appSetup(
  g: GeneratedSettings,
  w: readonly number[],
  defaults: readonly number[],
): { settings: Settings; w: number[]; scheduler: () => AppScheduler } {
  const isDefault = w.every((x, i) => x === defaults[i]);
  const settings = resolveSettings({
    ...g,
    weights: isDefault ? null : [...w],
  } as unknown as Partial<Record<keyof Settings, unknown>>);
  const own = (settings as { weights?: number[] | null }).weights;
  // An app without a weights setting takes them as the constructor's second argument.
  const used = own === undefined ? [...w] : own === null ? [...defaults] : [...own];
  return {
    settings,
    w: used,
    scheduler: () => (own === undefined ? new Scheduler(settings, used) : new Scheduler(settings)),
  };
}
