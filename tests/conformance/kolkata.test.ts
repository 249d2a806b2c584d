// Anki conformance with the process in Asia/Kolkata: see suite.ts and TESTING.md "Conformance".
import { conformanceSuite } from './suite.js';

conformanceSuite('Asia/Kolkata', 'tests/conformance/kolkata.test.ts', {
  histories: 300,
  seed: 51853000,
});
