import { describe, expect, it } from 'vitest';
import { BINDINGS, type Screen } from '../../src/ui/keys.js';

const SCREENS: Screen[] = ['home', 'flash', 'choice', 'typed', 'answer', 'summary', 'settings'];

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
    for (const s of SCREENS.filter((x) => x !== 'typed')) {
      expect(
        BINDINGS.some((b) => b.action === 'quit' && b.screens.includes(s) && b.keys.includes('q')),
      ).toBe(true);
      expect(
        BINDINGS.some((b) => b.action === 'help' && b.screens.includes(s) && b.keys.includes('?')),
      ).toBe(true);
    }
  });
});

describe('splitKeys', () => {
  it('replays a burst of keys one by one, with Enter and Backspace as keys', async () => {
    const { splitKeys } = await import('../../src/ui/hooks/useKeys.js');
    const seen: string[] = [];
    const key = { return: false, backspace: false, ctrl: false, meta: false } as never;
    splitKeys('a\rb\u007f', key, (input, k) =>
      seen.push(k.return ? 'ENTER' : k.backspace ? 'BS' : input),
    );
    expect(seen).toEqual(['a', 'ENTER', 'b', 'BS']);
  });
  it('leaves escape sequences and single keys alone', async () => {
    const { splitKeys } = await import('../../src/ui/hooks/useKeys.js');
    const seen: string[] = [];
    const key = { ctrl: false, meta: false } as never;
    splitKeys('\u001b[A', key, (input) => seen.push(input));
    splitKeys('q', key, (input) => seen.push(input));
    expect(seen).toEqual(['\u001b[A', 'q']);
  });
});
