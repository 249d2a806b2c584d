import { describe, expect, it } from 'vitest';
import type { Keypress } from '../../src/ui/keypress/split-keys.js';
import { actionFor, BINDINGS, SCREENS } from '../../src/ui/keys.js';

const key = (name: string, text = ''): Keypress => ({
  name,
  text,
  ctrl: false,
  meta: false,
  shift: false,
});

describe('key table', () => {
  it('every binding has keys, a label, a short hint and a description', () => {
    for (const b of BINDINGS) {
      expect(b.keys.length, b.action).toBeGreaterThan(0);
      expect(b.label, b.action).not.toBe('');
      expect(b.short.split(' ').length, b.action).toBeLessThanOrEqual(2);
      expect(b.description.length, b.action).toBeGreaterThan(4);
      expect(b.screens.length, b.action).toBeGreaterThan(0);
    }
  });

  it.each(SCREENS)('no key is bound twice on the %s screen', (screen) => {
    const seen = new Map<string, string>();
    for (const b of BINDINGS.filter((x) => x.screens.includes(screen))) {
      for (const k of b.keys) {
        expect(seen.get(k), `${k} on ${screen}: ${seen.get(k)} and ${b.action}`).toBeUndefined();
        seen.set(k, b.action);
      }
    }
  });

  it('DESIGN key contract: q quits and ? helps everywhere but while typing', () => {
    const noContract = [
      'typed',
      'examTyped',
      'editSetting',
      'confirm',
      'leaveCard',
      'help',
      'tooSmall',
      // The browser's search line (typing) and its forget question (y/n).
      'browserQuery',
      'confirmForget',
    ];
    const contract = SCREENS.filter((x) => !noContract.includes(x));
    for (const s of contract) {
      expect(
        BINDINGS.some((b) => b.action === 'quit' && b.screens.includes(s) && b.keys.includes('q')),
        s,
      ).toBe(true);
      expect(
        BINDINGS.some((b) => b.action === 'help' && b.screens.includes(s) && b.keys.includes('?')),
        s,
      ).toBe(true);
    }
  });

  it('every screen with a Viewport scrolls with the arrows and PgUp/PgDn, and j/k where no text is typed', () => {
    const scrolling = ['flash', 'answer', 'exam', 'results', 'help'] as const;
    for (const s of scrolling) {
      expect(actionFor(s, key('down'))?.action, s).toBe('scrollDown');
      expect(actionFor(s, key('j', 'j'))?.action, s).toBe('scrollDown');
      expect(actionFor(s, key('up'))?.action, s).toBe('scrollUp');
      expect(actionFor(s, key('k', 'k'))?.action, s).toBe('scrollUp');
    }
    for (const s of ['typed', 'examTyped'] as const) {
      expect(actionFor(s, key('down'))?.action, s).toBe('scrollDown');
      // Letters are the answer being typed.
      expect(actionFor(s, key('j', 'j')), s).toBeNull();
    }
    for (const s of ['home', 'choice', 'settings', 'overview'] as const) {
      // A cursor takes ↑/↓ there; the Viewport follows it.
      expect(actionFor(s, key('down'))?.action, s).toBe('down');
    }
    for (const s of [...scrolling, 'typed', 'choice', 'home', 'settings', 'overview'] as const)
      expect(actionFor(s, key('pagedown'))?.action, s).toBe('pageDown');
  });

  it('the help overlay lists the scroll keys of a screen, from the table', () => {
    const answer = BINDINGS.filter((b) => b.screens.includes('answer')).map((b) => b.action);
    expect(answer).toEqual(
      expect.arrayContaining(['scrollUp', 'scrollDown', 'pageUp', 'pageDown']),
    );
  });

  it('matches keys by name, never with Ctrl or Alt held', () => {
    expect(actionFor('home', key('q', 'q'))?.action).toBe('quit');
    expect(actionFor('home', { ...key('q', 'q'), ctrl: true })).toBeNull();
    expect(actionFor('home', { ...key('q', 'q'), meta: true })).toBeNull();
    expect(actionFor('exam', key('c', 'c'))).toEqual({ action: 'choose', index: 2 });
    expect(actionFor('exam', key('g', 'g'))).toEqual({ action: 'choose', index: 5 });
  });
});
