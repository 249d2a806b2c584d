// Turns a failed save into the one-line answer the screens show. Store errors already say
// what failed and what to do; anything else is a bug and is rethrown.
import type { Written } from '../core/ports.js';
import { LockLostError, StoreError } from '../store/errors.js';

export function written<T>(save: () => T): Written<T> {
  try {
    return { ok: true, value: save() };
  } catch (err) {
    if (err instanceof StoreError)
      return { ok: false, error: err.message, lockLost: err instanceof LockLostError };
    throw err;
  }
}
