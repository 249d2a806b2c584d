// The exam countdown as text, in a file of its own: the home screen and the resume prompt
// show it without importing the exam screen.

/** Time left as `48:10` or `1:05:00`, rounded up so 0:00 means the time is up. */
export function clock(ms: number): string {
  const s = Math.ceil(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}
