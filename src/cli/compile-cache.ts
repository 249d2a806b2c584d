// V8's compile cache for the bundle, where the running Node has one for ES modules
// (`module.enableCompileCache`, Node 22.1 and later; Node 20 has none: its code cache is
// only reachable from `vm.Script`, a classic script, and the bundle is ES modules, because
// of code splitting and Yoga's top-level await). Compiled code is kept in this user's
// private folder in the temporary directory (spare-cache-dir.ts checks it is a folder of
// theirs, closed to others), under the build's stamp, so a new build starts a new cache and
// never meets the old one; Node itself checks each entry against the source it compiles and
// the V8 version, and recompiles on any mismatch. A folder that cannot be made is no error.
import { join } from 'node:path';
import { privateCacheRoot } from '../store/spare-cache-dir.js';

export interface CompileCacheApi {
  enableCompileCache?: (dir?: string) => { status: number; directory?: string };
}

export type CompileCache = 'unavailable' | 'no-folder' | 'enabled' | 'failed';

/** Turns the cache on for what is loaded from here on; says what came of it. */
export function enableCompileCache(api: CompileCacheApi, build: string): CompileCache {
  if (typeof api.enableCompileCache !== 'function') return 'unavailable';
  const root = privateCacheRoot(true);
  if (root === null) return 'no-folder';
  try {
    const r = api.enableCompileCache(join(root, `v8-${build.replace(/[^\w.-]/g, '_')}`));
    // Node's statuses: 0 failed, 1 enabled, 2 already enabled, 3 disabled by NODE_DISABLE_COMPILE_CACHE.
    return r.status === 1 || r.status === 2 ? 'enabled' : 'failed';
  } catch {
    return 'failed';
  }
}
