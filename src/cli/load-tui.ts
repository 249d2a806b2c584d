// Loads the Ink UI. Yoga's WebAssembly loader probes `fetch` for its inlined binary;
// touching Node 20's global fetch loads undici (~15 ms) only for the probe to fail over
// to the synchronous path. Hiding fetch while the UI modules evaluate skips that.
export async function loadTui(): Promise<typeof import('../ui/run.js')> {
  const desc = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  Object.defineProperty(globalThis, 'fetch', {
    value: undefined,
    configurable: true,
    writable: true,
  });
  try {
    return await import('../ui/run.js');
  } finally {
    if (desc) Object.defineProperty(globalThis, 'fetch', desc);
  }
}
