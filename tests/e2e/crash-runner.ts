// Answers reviews as fast as it can and prints each review id once append() returned,
// i.e. once the review is acknowledged. The test kills it with SIGKILL at a random moment.
import { newMemory } from '../../src/core/scheduler.js';
import { Store } from '../../src/store/store.js';

const dataDir = process.argv[2]!;
const store = await Store.open({
  dataDir,
  device: 'crash',
  now: () => Date.now(),
  readOnly: false,
});
for (let i = 0; ; i++) {
  const at = Date.parse('2026-03-02T10:00:00Z') + i * 1000;
  const id = `r-${process.pid}-${i}`;
  store.append({
    type: 'review',
    id,
    key: `d/c${i % 50}`,
    at,
    rating: 3,
    mode: 'study',
    tookMs: 1,
    before: null,
    after: { ...newMemory(at), phase: 'learning', lastReview: at, reps: 1 },
    day: 20514,
  });
  process.stdout.write(`${id}\n`);
}
