import fc from 'fast-check';
import { default_w } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  EXAM_BOUNDS,
  formatSetting,
  isSettingKey,
  isStep,
  parseSetting,
  resolveSettings,
  SETTING_FIELD,
  SETTING_HELP,
  SETTING_KEYS,
  type SettingKey,
  type Settings,
} from '../../../src/core/settings.js';

const W: number[] = [...default_w];

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

describe('resolveSettings', () => {
  it('fills every default', () => {
    expect(resolveSettings()).toEqual({
      desiredRetention: 0.9,
      maxInterval: 36500,
      learningSteps: ['1m', '10m'],
      relearningSteps: ['10m'],
      newPerDay: 20,
      reviewsPerDay: 200,
      dayStartsAt: 4,
      fuzz: true,
      leechThreshold: 8,
      leechAction: 'suspend',
      burySiblings: true,
      examDate: null,
      examFeedsSchedule: true,
      examQuestions: 60,
      examMinutes: 90,
      weights: null,
      weightsFit: null,
      deckLimits: {},
      syncAuto: false,
    });
    expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(true);
  });

  it('returns steps a caller may change without touching the defaults', () => {
    const s = resolveSettings();
    s.learningSteps.push('1d');
    expect(DEFAULT_SETTINGS.learningSteps).toEqual(['1m', '10m']);
  });

  type Case = [keyof Settings, unknown[], unknown[]];
  const cases: Case[] = [
    ['desiredRetention', [0.7, 0.85, 0.99], [0.69, 0.991, '0.9', null, Number.NaN]],
    ['maxInterval', [1, 365, 36500], [0, 36501, 1.5, '365']],
    ['learningSteps', [[], ['5m'], ['1.5h', '2d']], [['0m'], ['1m', 'x'], '1m 10m', null]],
    ['relearningSteps', [[], ['1h']], [['1m', '1s'], '10m']],
    ['newPerDay', [0, 1, 9999], [-1, 10000, 2.5, '20']],
    ['reviewsPerDay', [0, 99999], [-1, 100000, 0.5]],
    ['dayStartsAt', [0, 12, 23], [-1, 24, 4.5]],
    ['fuzz', [false, true], ['false', 0]],
    ['leechThreshold', [1, 999], [0, 1000, 3.5]],
    ['leechAction', ['tag', 'suspend'], ['delete', '', null]],
    ['burySiblings', [false, true], ['no', 1]],
    [
      'examDate',
      ['2027-01-31', null],
      ['2027-1-31', 'x2027-01-31', '2027-01-31x', 20270131, ['2027-01-31']],
    ],
    ['examFeedsSchedule', [false, true], ['true']],
    ['examQuestions', [1, 20, 500], [0, -5, 501, 12.5, '20', null]],
    ['examMinutes', [1, 45, 600], [0, 601, 1.5, '90']],
    ['weights', [null, [...W]], [W.slice(1), [...W, 1], '0.2', [...W.slice(0, 20), 'x'], {}]],
  ];

  it.each(cases)('%s keeps valid values and drops invalid ones', (field, good, bad) => {
    for (const v of good) expect(resolveSettings({ [field]: v })[field]).toEqual(v);
    for (const v of bad)
      expect(resolveSettings({ [field]: v })[field]).toEqual(DEFAULT_SETTINGS[field]);
  });

  it('one bad field does not drop the good ones next to it', () => {
    const s = resolveSettings({ newPerDay: 5, reviewsPerDay: -1, fuzz: false });
    expect([s.newPerDay, s.reviewsPerDay, s.fuzz]).toEqual([5, 200, false]);
  });
});

describe('isStep', () => {
  it.each(['1m', '10m', '1.5h', '1.25h', '2d', '0.5m'])('%j is a step', (v) => {
    expect(isStep(v)).toBe(true);
  });
  it.each(['0m', '0.0d', '1', 'm', '1s', ' 1m', '1m ', 'x1m', '1mx', '1.m', '.5m', '-1m', 1, null])(
    '%j is not a step',
    (v) => {
      expect(isStep(v)).toBe(false);
    },
  );
});

describe('isStep, values that only look like a step', () => {
  it('an array holding a step is not a step', () => {
    expect(isStep(['1m'])).toBe(false);
  });
});

describe('parseSetting, values as typed', () => {
  it.each([
    ['new-per-day', ' 5 ', 5],
    ['max-interval', '1.0', 1],
    ['reviews-per-day', '99999', 99999],
    ['leech-threshold', '1', 1],
    ['leech-threshold', '999', 999],
    ['desired-retention', '0.7', 0.7],
    ['desired-retention', '0.99', 0.99],
    ['relearning-steps', '1m, 10m', ['1m', '10m']],
    ['relearning-steps', '  ', []],
    ['fuzz', ' TRUE ', true],
    ['fuzz', 'on', true],
    ['fuzz', '1', true],
    ['exam-feeds-schedule', 'no', false],
    ['exam-feeds-schedule', 'false', false],
    ['bury-siblings', '0', false],
    ['leech-action', ' suspend ', 'suspend'],
    ['exam-date', '2028-02-29', '2028-02-29'],
    ['exam-date', '', null],
  ])('%s accepts %j as %j', (key, raw, value) => {
    expect(parseSetting(key, raw)).toEqual({
      ok: true,
      field: SETTING_FIELD[key as SettingKey],
      value,
    });
  });

  it.each([
    ['new-per-day', '-1'],
    ['new-per-day', '1e3'],
    ['new-per-day', '5.'],
    ['new-per-day', '.5'],
    ['new-per-day', '5 6'],
    ['new-per-day', 'x5'],
    ['max-interval', '0'],
    ['max-interval', '36501'],
    ['reviews-per-day', '100000'],
    ['leech-threshold', '0'],
    ['leech-threshold', '1000'],
    ['leech-threshold', '2.5'],
    ['new-per-day', '2.5'],
    ['reviews-per-day', '1.5'],
    ['day-starts-at', '4.5'],
    ['day-starts-at', '-1'],
    ['desired-retention', '0.69'],
    ['desired-retention', '0.991'],
    ['bury-siblings', 'yess'],
    ['exam-feeds-schedule', ''],
    ['exam-date', '2027-02-29'],
    ['exam-date', '2027-13-01'],
    ['exam-date', '2027-00-10'],
    ['exam-date', '2027-04-31'],
    ['exam-date', '27-04-01'],
    ['exam-date', '2027-04-01T00:00'],
    ['exam-date', '2027-4-1'],
    ['exam-date', '12027-04-01'],
    ['exam-date', '2027-04-011'],
    ['exam-date', '0099-01-01'],
  ])('%s refuses %j', (key, raw) => {
    expect(parseSetting(key, raw)).toEqual({
      ok: false,
      message: `invalid value '${raw}' for ${key}: ${SETTING_HELP[key as SettingKey]}`,
    });
  });

  it('names every setting in the same order as the help lists them', () => {
    expect(Object.keys(SETTING_FIELD)).toEqual([...SETTING_KEYS]);
    expect(Object.keys(SETTING_HELP)).toEqual([...SETTING_KEYS]);
    expect(new Set(Object.values(SETTING_FIELD)).size).toBe(SETTING_KEYS.length);
    // Per-deck limits are set with `config set KEY VALUE --deck ID`, not as a key of their own;
    // the weights' fit is written by `optimize` alone.
    const fields = Object.keys(resolveSettings()).filter(
      (k) => k !== 'deckLimits' && k !== 'weightsFit',
    );
    expect(fields.sort()).toEqual(Object.values(SETTING_FIELD).sort());
    expect(isSettingKey('new-per-day')).toBe(true);
    expect(isSettingKey('newPerDay')).toBe(false);
  });
});

describe('the help text tells the truth', () => {
  const numeric = SETTING_KEYS.filter((k) => / to \d/.test(SETTING_HELP[k]));

  it('covers each numeric setting', () => {
    expect(numeric).toEqual([
      'desired-retention',
      'max-interval',
      'new-per-day',
      'reviews-per-day',
      'day-starts-at',
      'leech-threshold',
      'exam-questions',
      'exam-minutes',
    ]);
  });

  it.each(numeric)('%s accepts exactly the range its help states', (key) => {
    const [, lo, hi] = /(\d+(?:\.\d+)?) to (\d+(?:\.\d+)?)/.exec(SETTING_HELP[key])!;
    const step = lo!.includes('.') ? 0.01 : 1;
    const field = SETTING_FIELD[key];
    for (const v of [Number(lo), Number(hi)]) {
      expect(parseSetting(key, String(v))).toMatchObject({ ok: true, value: v });
      expect(resolveSettings({ [field]: v })[field]).toBe(v);
    }
    for (const v of [Number(lo) - step, Number(hi) + step]) {
      expect(parseSetting(key, v.toFixed(2)).ok).toBe(false);
      expect(resolveSettings({ [field]: v })[field]).toBe(DEFAULT_SETTINGS[field]);
    }
  });

  it.each([
    ['fuzz', 'true or false'],
    ['bury-siblings', 'true or false'],
    ['exam-feeds-schedule', 'true or false'],
    ['leech-action', 'suspend or tag'],
    ['exam-date', 'YYYY-MM-DD'],
    ['learning-steps', '"1m 10m"'],
    ['relearning-steps', '"10m"'],
  ] as const)('%s help names %s', (key, words) => {
    expect(SETTING_HELP[key]).toContain(words);
  });

  it('the step examples in the help are accepted', () => {
    for (const key of ['learning-steps', 'relearning-steps'] as const) {
      const example = /"([^"]+)"/.exec(SETTING_HELP[key])![1]!;
      expect(parseSetting(key, example).ok).toBe(true);
    }
  });
});

describe('property: what `config set` accepts survives the store', () => {
  it('every accepted value comes back from resolveSettings unchanged', () => {
    const raw = fc.oneof(
      fc.double({ min: -2, max: 40000, noNaN: true }).map((n) => String(n)),
      fc.integer({ min: -10, max: 100001 }).map(String),
      fc.constantFrom('true', 'off', 'tag', 'suspend', 'none', '2027-05-01', '1m 1d', ''),
    );
    fc.assert(
      fc.property(fc.constantFrom(...SETTING_KEYS), raw, (key, value) => {
        const r = parseSetting(key, value);
        if (!r.ok) return;
        expect(resolveSettings({ [r.field]: r.value })[r.field]).toEqual(r.value);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('formatSetting', () => {
  it('prints each kind of value as the user would type it', () => {
    const s = resolveSettings({ relearningSteps: [], examDate: '2027-01-31', fuzz: false });
    expect(formatSetting(s, 'relearning-steps')).toBe('');
    expect(formatSetting(s, 'learning-steps')).toBe('1m 10m');
    expect(formatSetting(s, 'exam-date')).toBe('2027-01-31');
    expect(formatSetting(s, 'fuzz')).toBe('false');
    expect(formatSetting(s, 'desired-retention')).toBe('0.9');
    expect(formatSetting(s, 'leech-action')).toBe('suspend');
  });

  it.each(SETTING_KEYS)('%s round-trips through parseSetting', (key) => {
    const s = resolveSettings({ examDate: '2027-01-31' });
    const r = parseSetting(key, formatSetting(s, key));
    expect(r).toMatchObject({ ok: true, value: s[SETTING_FIELD[key]] });
  });
});

describe('decimal steps are exact (defect 6: ts-fsrs parseInt made 0.5h zero)', () => {
  it.each([
    ['0.5h', true],
    ['1.5m', true],
    ['0.25d', true],
    ['0.1h', true], // 6 minutes, despite 0.1 * 3600 = 360.00000000000006
    ['0.01m', false], // 0.6 s: not a whole number of seconds
    ['1.001m', false],
    ['36500d', true],
    ['36501d', false],
  ])('%s is a step: %s', (v, ok) => {
    expect(isStep(v)).toBe(ok);
  });

  it('config set refuses a step of a fraction of a second and names the valid form', () => {
    const r = parseSetting('learning-steps', '0.01m 10m');
    expect(!r.ok && r.message).toContain('whole seconds');
  });
});

describe('weights', () => {
  it('accepts 21 numbers separated by commas or spaces, in brackets or not', () => {
    for (const raw of [W.join(','), W.join(' '), `[${W.join(', ')}]`])
      expect(parseSetting('weights', raw)).toEqual({ ok: true, field: 'weights', value: W });
  });

  it('"default", "none" or nothing clears them', () => {
    for (const raw of ['default', 'none', ''])
      expect(parseSetting('weights', raw)).toEqual({ ok: true, field: 'weights', value: null });
  });

  it.each([
    [W.slice(0, 19).join(','), 'expected 21 FSRS-6 weights, got 19'],
    [[...W.slice(0, 20), 'abc'].join(','), "'abc' is not a number"],
    [[500, ...W.slice(1)].join(','), 'w0 = 500 is outside 0.001 to 100'],
    [[...W.slice(0, 20), 0.9].join(','), 'w20 = 0.9 is outside 0.1 to 0.8'],
    [[...W.slice(0, 4), 0.5, ...W.slice(5)].join(','), 'w4 = 0.5 is outside 1 to 10'],
  ])('refuses %s: %s', (raw, problem) => {
    const r = parseSetting('weights', raw);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain(problem);
    expect(!r.ok && r.message).toMatch(/^invalid value for weights: .*21 FSRS-6 parameters/);
  });

  it('prints as the user would type them, "default" when unset', () => {
    expect(formatSetting(resolveSettings(), 'weights')).toBe('default');
    expect(formatSetting(resolveSettings({ weights: W }), 'weights')).toBe(W.join(','));
  });

  it('resolveSettings copies them, so a caller cannot change the stored list', () => {
    const stored = [...W];
    const s = resolveSettings({ weights: stored });
    s.weights![0] = 1;
    expect(stored[0]).toBe(W[0]);
  });

  it('a store written before weights existed resolves to the defaults', () => {
    expect(resolveSettings({ newPerDay: 5 }).weights).toBeNull();
  });
});

describe('exam-questions and exam-minutes', () => {
  it.each([
    ['exam-questions', '20', 'examQuestions', 20],
    ['exam-questions', ' 500 ', 'examQuestions', 500],
    ['exam-minutes', '45', 'examMinutes', 45],
    ['exam-minutes', '600', 'examMinutes', 600],
  ] as const)('config set %s %j is stored as %s = %d', (key, raw, field, value) => {
    expect(parseSetting(key, raw)).toEqual({ ok: true, field, value });
  });

  it.each([
    ['exam-questions', '0'],
    ['exam-questions', '501'],
    ['exam-questions', '20.5'],
    ['exam-questions', 'twenty'],
    ['exam-questions', ''],
    ['exam-minutes', '-1'],
    ['exam-minutes', '601'],
    ['exam-minutes', '1e2'],
  ] as const)('%s refuses %j with a one-line message naming the range', (key, raw) => {
    const r = parseSetting(key, raw);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toContain(key);
    expect(r.message).toMatch(/1 to (500|600)/);
    expect(r.message).not.toContain('\n');
  });

  it('bounds match EXAM_BOUNDS, which the exam command and setup screen use', () => {
    expect(EXAM_BOUNDS).toEqual({ questions: 500, minutes: 600 });
    expect(SETTING_HELP['exam-questions']).toContain('1 to 500');
    expect(SETTING_HELP['exam-minutes']).toContain('1 to 600');
  });
});
