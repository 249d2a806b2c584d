import { describe, expect, it } from 'vitest';
import { makeClock, parseInstant, UsageError } from '../../../src/cli/context.js';

const EXAMPLE = '(example: 2026-03-01T09:00:00Z or 2026-03-01T10:00:00+01:00)';

function refusal(value: string): string {
  try {
    makeClock({ HYPERRECALL_NOW: value });
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error(`accepted ${value}`);
}

describe('parseInstant', () => {
  it.each([
    ['2026-03-01T09:00:00Z', '2026-03-01T09:00:00.000Z'],
    ['2026-03-01T09:00Z', '2026-03-01T09:00:00.000Z'],
    ['2026-03-01T09:00:00.5Z', '2026-03-01T09:00:00.500Z'],
    ['2026-03-01T09:00:00.123Z', '2026-03-01T09:00:00.123Z'],
    ['2026-03-01T09:00:00.123456789Z', '2026-03-01T09:00:00.123Z'],
    ['2026-03-01T10:00:00+01:00', '2026-03-01T09:00:00.000Z'],
    ['2026-03-01T03:30:00-05:30', '2026-03-01T09:00:00.000Z'],
    ['2026-03-01T00:30:00+14:00', '2026-02-28T10:30:00.000Z'],
    ['2024-02-29T23:59:59Z', '2024-02-29T23:59:59.000Z'],
    ['2000-02-29T00:00:00Z', '2000-02-29T00:00:00.000Z'],
    ['2026-12-31T23:59:59.999Z', '2026-12-31T23:59:59.999Z'],
    ['1970-01-01T00:00:00Z', '1970-01-01T00:00:00.000Z'],
  ])('reads %s', (text, iso) => {
    expect(new Date(parseInstant(text) as number).toISOString()).toBe(iso);
  });

  it.each([
    ['2026-02-30T00:00:00Z', 'has day 30, but February 2026 has days 01-28'],
    ['2025-02-29T00:00:00Z', 'has day 29, but February 2025 has days 01-28'],
    ['1900-02-29T00:00:00Z', 'is before 1970, where the clock starts'],
    ['2026-04-31T00:00:00Z', 'has day 31, but April 2026 has days 01-30'],
    ['2026-01-00T00:00:00Z', 'has day 00, but January 2026 has days 01-31'],
    ['2026-13-01T00:00:00Z', 'has month 13; months run 01-12'],
    ['2026-00-01T00:00:00Z', 'has month 00; months run 01-12'],
    ['2026-03-01T25:00:00Z', 'has hour 25; hours run 00-23'],
    ['2026-03-01T24:00:00Z', 'has hour 24; hours run 00-23'],
    ['2026-03-01T09:60:00Z', 'has minute 60; minutes run 00-59'],
    ['2026-03-01T09:00:60Z', 'has second 60; seconds run 00-59'],
    ['2026-03-01T09:00:00+24:00', 'has the impossible offset +24:00'],
    ['2026-03-01T09:00:00+01:60', 'has the impossible offset +01:60'],
  ])('refuses the impossible %s', (text, reason) => {
    expect(parseInstant(text)).toBe(reason);
  });

  it.each(['2026-03-01T09:00:00', '2026-03-01T09:00', '2026-03-01'])(
    'refuses %s, which has no time zone',
    (text) => {
      expect(parseInstant(text)).toMatch(
        /^has no time zone, .*add Z or an offset such as \+01:00$/,
      );
    },
  );

  it.each([
    'tomorrow',
    '',
    '1772355600000',
    'Sun, 01 Mar 2026 09:00:00 GMT',
    '2026-03-01 09:00:00Z',
    '2026-3-1T09:00:00Z',
    '2026-03-01T09:00:00+0100',
    '2026-03-01T09:00:00z',
    '2026-03-01T09:00:00Z ',
    '+002026-03-01T09:00:00Z',
  ])('refuses %j, which is not ISO-8601 with a zone', (text) => {
    expect(typeof parseInstant(text)).toBe('string');
  });
});

describe('makeClock', () => {
  it('uses the real clock without HYPERRECALL_NOW', () => {
    const before = Date.now();
    const now = makeClock({})();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('starts at HYPERRECALL_NOW and runs forward from it', () => {
    const at = Date.parse('2026-03-01T09:00:00Z');
    const clock = makeClock({ HYPERRECALL_NOW: '2026-03-01T10:00:00+01:00' });
    const first = clock();
    expect(first - at).toBeGreaterThanOrEqual(0);
    expect(first - at).toBeLessThan(60_000);
    expect(clock()).toBeGreaterThanOrEqual(first);
  });

  it('refuses with a message naming the value and giving an example', () => {
    expect(refusal('2026-02-30T00:00:00Z')).toBe(
      `HYPERRECALL_NOW='2026-02-30T00:00:00Z' has day 30, but February 2026 has days 01-28 ${EXAMPLE}`,
    );
    expect(refusal('2026-03-01T09:00:00')).toBe(
      `HYPERRECALL_NOW='2026-03-01T09:00:00' has no time zone, so it would mean a different instant on each machine; add Z or an offset such as +01:00 ${EXAMPLE}`,
    );
    expect(refusal('soon')).toBe(
      `HYPERRECALL_NOW='soon' is not an ISO-8601 instant (YYYY-MM-DDTHH:MM[:SS[.sss]] with Z or ±HH:MM) ${EXAMPLE}`,
    );
  });

  it('shows a value with control characters harmlessly', () => {
    expect(refusal('\u001b]0;x\u0007')).toMatch(/^HYPERRECALL_NOW='␛\]0;x␇' is not/);
  });
});
