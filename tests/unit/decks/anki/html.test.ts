import { describe, expect, it } from 'vitest';
import { fieldText, MAX_FIELD_CHARS } from '../../../../src/decks/anki/html.js';
import { protoFields, protoNumber, protoString } from '../../../../src/decks/anki/protobuf.js';

describe('fieldText', () => {
  it('turns HTML into text, entities decoded, line breaks kept', () => {
    expect(fieldText('<div>one &amp; <b>two</b></div><div>three<br>four</div>').text).toBe(
      'one & two\nthree\nfour',
    );
  });

  it('lists images and sounds and leaves a visible placeholder', () => {
    const t = fieldText('see <img src="a b.png"> and [sound:x.mp3] <img src=\'c.jpg\'>');
    expect(t.media).toEqual(['x.mp3', 'a b.png', 'c.jpg']);
    expect(t.text).toBe('see [image a b.png] and [sound x.mp3] [image c.jpg]');
  });

  it('leaves plain text alone (fast path) and cuts a field over the limit', () => {
    expect(fieldText('  plain a < b  ')).toEqual({ text: 'plain a < b', media: [], cut: false });
    const long = fieldText('x'.repeat(MAX_FIELD_CHARS + 10));
    expect(long.cut).toBe(true);
    expect(long.text.length).toBe(MAX_FIELD_CHARS);
  });

  it('cuts nesting deeper than the limit instead of recursing into it', () => {
    const bomb = `${'<span>'.repeat(50_000)}deep${'</span>'.repeat(50_000)}`;
    const t = fieldText(`top ${bomb}`);
    expect(t.cut).toBe(true);
    expect(t.text).not.toContain('deep');
    expect(t.text.startsWith('top')).toBe(true);
  });
});

describe('protoFields', () => {
  it('reads varint and length-delimited fields, skips fixed-width ones', () => {
    // field 1 varint 300, field 9 fixed64, field 2 string "hi"
    const buf = new Uint8Array([
      0x08, 0xac, 0x02, 0x49, 1, 2, 3, 4, 5, 6, 7, 8, 0x12, 0x02, 0x68, 0x69,
    ]);
    const f = protoFields(buf);
    expect(protoNumber(f, 1)).toBe(300);
    expect(protoString(f, 2)).toBe('hi');
    expect(protoString(f, 3)).toBe('');
  });

  it('throws on a truncated message', () => {
    expect(() => protoFields(new Uint8Array([0x12, 0x05, 0x68]))).toThrow(/truncated/);
  });
});
