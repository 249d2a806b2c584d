// Anki conformance with the process in UTC: see suite.ts and TESTING.md "Conformance".
import { conformanceSuite } from './suite.js';

conformanceSuite('UTC', 'tests/conformance/utc.test.ts', { histories: 300, seed: 22449000 });
