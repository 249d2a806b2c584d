// Anki conformance with the process in Europe/Berlin: see suite.ts and TESTING.md "Conformance".
import { conformanceSuite } from './suite.js';

conformanceSuite('Europe/Berlin', 'tests/conformance/berlin.test.ts', {
  histories: 300,
  seed: 67913000,
});
