// Anki conformance with the process in Australia/Sydney: see suite.ts and TESTING.md "Conformance".
import { conformanceSuite } from './suite.js';

conformanceSuite('Australia/Sydney', 'tests/conformance/sydney.test.ts', {
  histories: 300,
  seed: 18674000,
});
