import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  formatSetting,
  parseSetting,
  resolveSettings,
} from '../../../src/core/settings.js';

describe('parseSetting', () => {
  it.each([
    ['desired-retention', '0.85', 0.85],
    ['max-interval', '365', 365],
    ['learning-steps', '1m 10m 1h 1d', ['1m', '10m', '1h', '1d']],
    ['learning-steps', '', []],
    ['relearning-steps', '10m,1h', ['10m', '1h']],
    ['new-per-day', '0', 0],
    ['day-starts-at', '23', 23],
    ['fuzz', 'off', false],
    ['leech-action', 'tag', 'tag'],
    ['bury-siblings', 'yes', true],
    ['exam-date', '2027-02-28', '2027-02-28'],
    ['exam-date', 'none', null],
  ])('%s accepts %j', (key, raw, value) => {
    expect(parseSetting(key, raw)).toMatchObject({ ok: true, value });
  });

  it.each([
    ['desired-retention', '0.5', '0.70 to 0.99'],
    ['desired-retention', 'high', '0.70 to 0.99'],
    ['max-interval', '1.5', '1 to 36500'],
    ['learning-steps', '1m 10x', '"1m 10m"'],
    ['learning-steps', '0m', '"1m 10m"'],
    ['day-starts-at', '24', '0 to 23'],
    ['leech-action', 'delete', 'suspend or tag'],
    ['exam-date', '2027-02-30', 'YYYY-MM-DD'],
    ['fuzz', 'maybe', 'true or false'],
  ])('%s refuses %j and names the valid range', (key, raw, hint) => {
    const r = parseSetting(key, raw);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain(hint);
    expect(!r.ok && r.message).toContain(`'${raw}'`);
  });

  it('refuses an unknown key and lists the known ones', () => {
    const r = parseSetting('retention', '0.9');
    expect(!r.ok && r.message).toMatch(
      /unknown setting 'retention'; settings: desired-retention, /,
    );
  });

  it('round-trips through formatSetting', () => {
    const s = resolveSettings({ learningSteps: ['2m', '15m'] });
    expect(formatSetting(s, 'learning-steps')).toBe('2m 15m');
    expect(formatSetting(DEFAULT_SETTINGS, 'exam-date')).toBe('none');
  });

  it('resolveSettings drops invalid stored values', () => {
    expect(resolveSettings({ newPerDay: -3, desiredRetention: 2, learningSteps: ['x'] })).toEqual(
      resolveSettings(),
    );
  });
});
