import { describe, expect, it } from 'vitest';
import { formatDuration, formatInterval, percent } from '../../../src/core/format.js';

const S = 1000;
const MIN = 60 * S;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('formatInterval', () => {
  it.each([
    [0, '<1m'],
    [MIN - 1, '<1m'],
    [MIN, '1m'],
    [1.5 * MIN, '2m'],
    [10 * MIN, '10m'],
    [HOUR - 1, '60m'],
    [HOUR, '1h'],
    [2.5 * HOUR, '3h'],
    [DAY - 1, '24h'],
    [DAY, '1d'],
    [2.5 * DAY, '3d'],
    [29 * DAY, '29d'],
    [30 * DAY, '1mo'],
    [45 * DAY, '1.5mo'],
    [60 * DAY, '2mo'],
    [299 * DAY, '10mo'],
    [315 * DAY, '11mo'],
    [364 * DAY, '12mo'],
    [365 * DAY, '1y'],
    [2.5 * 365 * DAY, '2.5y'],
    [3650 * DAY, '10y'],
    [3832 * DAY, '10y'],
    [3833 * DAY, '11y'],
  ])('%d ms is %s', (ms, text) => {
    expect(formatInterval(ms)).toBe(text);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [499, '0s'],
    [500, '1s'],
    [59 * S, '59s'],
    [59.5 * S, '1m 00s'],
    [61 * S, '1m 01s'],
    [10 * MIN + 9 * S, '10m 09s'],
    [HOUR - S, '59m 59s'],
    [HOUR, '1h 00m'],
    [HOUR + 61 * S, '1h 01m'],
    [10 * HOUR + 59 * MIN, '10h 59m'],
  ])('%d ms is %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('percent', () => {
  it.each([
    [1, 3, 33],
    [2, 3, 67],
    [1, 8, 13],
    [3, 3, 100],
    [0, 5, 0],
    [0, 0, 0],
    [4, 0, 0],
  ])('%d of %d is %d%', (part, whole, p) => {
    expect(percent(part, whole)).toBe(p);
  });
});
