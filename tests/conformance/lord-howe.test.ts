// Anki conformance with the process in Australia/Lord_Howe: see suite.ts and TESTING.md "Conformance".
import { conformanceSuite } from './suite.js';

conformanceSuite('Australia/Lord_Howe', 'tests/conformance/lord-howe.test.ts', {
  histories: 300,
  seed: 27903000,
});
