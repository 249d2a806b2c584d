// Word wrapping done by us, not by Ink, so the number of lines a text takes is known
// before it is drawn.

/**
 * Word-wraps at spaces and drops the space at each break. Ink's own wrapping keeps that
 * space, so continuation lines would start one column in. Explicit newlines are kept;
 * a word longer than the line is cut.
 */
export function wrapText(text: string, width: number): string {
  const w = Math.max(8, width);
  return text
    .split('\n')
    .map((line) => {
      const out: string[] = [];
      let cur = '';
      for (const word of line.split(' ')) {
        let rest = word;
        while (rest.length > w) {
          if (cur) out.push(cur);
          out.push(rest.slice(0, w));
          rest = rest.slice(w);
          cur = '';
        }
        if (!cur) cur = rest;
        else if (cur.length + 1 + rest.length <= w) cur += ` ${rest}`;
        else {
          out.push(cur);
          cur = rest;
        }
      }
      out.push(cur);
      return out.join('\n');
    })
    .join('\n');
}

/**
 * Wraps styled runs of one paragraph together: the runs keep their styles and the breaks
 * fall where wrapText puts them for the whole text.
 */
export function wrapRuns<T extends { text: string }>(runs: readonly T[], width: number): T[] {
  const whole = runs.map((r) => r.text).join('');
  const wrapped = wrapText(whole, width);
  const out: T[] = [];
  let i = 0;
  for (const run of runs) {
    let text = '';
    for (const ch of run.text) {
      // wrapText replaces some spaces by newlines and inserts newlines inside long words.
      while (wrapped[i] === '\n' && ch !== '\n' && ch !== ' ') {
        text += '\n';
        i++;
      }
      text += wrapped[i] ?? ch;
      i++;
    }
    out.push({ ...run, text });
  }
  return out;
}
