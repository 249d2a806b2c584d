// The parts of a lab card (README "Lab cards"), kept beside model.ts. Imports nothing.

/** Where a lab's command runs: libvirt's test driver, or a temp dir for qemu-img. */
export type LabEnv = 'virsh-test' | 'qemu-img';

/** What a lab card asks and how its result is checked. */
export interface LabSpec {
  task: string;
  env: LabEnv;
  /** virsh-test only: a test-driver node XML, relative to the deck file. */
  node?: string;
  /** qemu-img only: trusted command lines run first in the sandbox. */
  setup: string[];
  answer: string;
  accept: string[];
  check: { run: string; expect: string };
}

/** What running a lab's command gave (app/labs runs it; the study screen shows it). */
export interface LabRun {
  /** The check's pattern matched (and, for qemu-img, the check exited 0). */
  passed: boolean;
  /** The learner's command's output (stdout, then stderr). */
  commandOutput: string;
  checkOutput: string;
  /** One line: why the command was not run (graded Again). */
  refused?: string;
  /** A process ran past the time limit and was killed. */
  timedOut?: boolean;
  /** Output went past the cap and was cut. */
  truncated?: boolean;
  /** Set when the tools are missing: graded as a typed command; says so and what to install. */
  fallback?: string;
  /** Typed-grading feedback in fallback mode (which part differs). */
  notes?: string[];
}
