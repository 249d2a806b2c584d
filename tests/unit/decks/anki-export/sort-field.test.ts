// The sort field and checksum as Anki's rslib computes them (text.rs:
// strip_html_preserving_media_filenames, field_checksum), so notes.sfld and notes.csum in an
// exported package are what Anki itself would have written.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checksum, sortField } from '../../../../src/decks/anki-export/sort-field.js';

describe('sortField', () => {
  it('drops tags without a trace, as Anki does (a <br> joins the lines)', () => {
    expect(sortField('Tags<br>and lines')).toBe('Tagsand lines');
    expect(sortField('<b>bold</b> <i>it</i><!-- note -->')).toBe('bold it');
    expect(sortField('a<style>.x{}</style>b<script>1<2</script>c')).toBe('abc');
  });

  it('keeps an image as its file name with a space each side', () => {
    expect(sortField('Flag <img src="peru.png" />?')).toBe('Flag  peru.png ?');
    expect(sortField("<img class='big one' src='a b.jpg'>")).toBe(' a b.jpg ');
    expect(sortField('<audio data="s.mp3"></audio>')).toBe(' s.mp3 ');
  });

  it('decodes entities, a no-break space as a space, and trims nothing', () => {
    expect(sortField('  &lt;b&gt; &amp; &quot;co&quot; &#39;x&#x27;&nbsp;\u00a0 ')).toBe(
      `  <b> & "co" 'x'   `,
    );
    expect(sortField('&unknown; &#0;')).toBe('&unknown; &#0;');
  });
});

describe('checksum', () => {
  it("is the first 4 bytes of the SHA-1, big-endian, as Anki's field_checksum", () => {
    expect(checksum('')).toBe(0xda39a3ee);
    const digest = createHash('sha1').update('Madrid', 'utf8').digest();
    expect(checksum('Madrid')).toBe(digest.readUInt32BE(0));
  });
});
