// Anki conformance with the process in America/New_York: see suite.ts and TESTING.md "Conformance".
import { conformanceSuite } from './suite.js';

conformanceSuite('America/New_York', 'tests/conformance/new-york.test.ts', {
  histories: 300,
  seed: 82498000,
});
