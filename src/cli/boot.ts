// The program's entry: V8's compile cache first (compile-cache.ts), then the CLI itself,
// loaded after it so that its modules are the ones compiled from the cache.
import { statSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';
import { type CompileCacheApi, enableCompileCache } from './compile-cache.js';

/** This build: the entry file's size and time, rewritten by every build. */
function buildStamp(): string {
  try {
    const st = statSync(fileURLToPath(import.meta.url));
    return `${st.size}-${Math.round(st.mtimeMs)}`;
  } catch {
    return 'unknown';
  }
}

// Node 20's types do not have it yet; Node 22.1 and later do.
enableCompileCache(module as unknown as CompileCacheApi, buildStamp());
await import('./main.js');
