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
