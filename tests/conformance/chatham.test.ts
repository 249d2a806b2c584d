// Anki conformance with the process in Pacific/Chatham: see suite.ts and TESTING.md "Conformance".
import { conformanceSuite } from './suite.js';

conformanceSuite('Pacific/Chatham', 'tests/conformance/chatham.test.ts', {
  histories: 300,
  seed: 79085000,
});
