// Record ids: globally unique across devices. Web Crypto is global in Node 20: no need to
// load node:crypto at start-up.

export function randomHex(bytes: number): string {
  const buf = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(buf);
  return Array.from(buf, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** `<device>-<time base 36>-<random>`: says where and when it was made, and never repeats. */
export function recordId(device: string, at: number): string {
  return `${device}-${at.toString(36)}-${randomHex(4)}`;
}
