// A lab card in the card reducer: typed like a typed card, submitted into a running state
// that takes no keys, answered by the run's result (Good when the check passed, else Again).
import { describe, expect, it } from 'vitest';
import type { LabRun } from '../../../src/core/lab-spec.js';
import type { Card } from '../../../src/core/model.js';
import { cardReducer, defaultGrade, startCard } from '../../../src/core/session.js';

const card: Card = {
  key: 'd/lab',
  deckId: 'd',
  entryId: 'lab',
  entryKind: 'lab',
  sibling: 'd/lab',
  face: {
    kind: 'lab',
    task: 'Make the default network start at boot.',
    env: 'virsh-test',
    setup: [],
    answer: 'virsh net-autostart default',
    accept: [],
    check: { run: 'virsh net-info default', expect: 'Autostart:\\s+yes' },
  },
  tags: [],
  pos: { file: 'd.yaml', line: 1, col: 1 },
  ordinal: 0,
};
const run = (passed: boolean, extra: Partial<LabRun> = {}): LabRun => ({
  passed,
  commandOutput: '',
  checkOutput: '',
  ...extra,
});

function typed(text: string) {
  let s = startCard(card, 0, 'x');
  for (const ch of text) s = cardReducer(s, { type: 'type', text: ch });
  return s;
}

describe('lab card session', () => {
  it('takes typing and submits into a running state that ignores keys', () => {
    expect(cardReducer(startCard(card, 0, 'x'), { type: 'submit' }).running).toBeUndefined();
    const s = cardReducer(typed('virsh net-autostart default'), { type: 'submit' });
    expect(s).toMatchObject({
      phase: 'question',
      running: true,
      input: 'virsh net-autostart default',
    });
    expect(cardReducer(s, { type: 'type', text: 'x' })).toBe(s);
    expect(cardReducer(s, { type: 'erase' })).toBe(s);
    expect(cardReducer(s, { type: 'submit' })).toBe(s);
  });

  it('is answered by its own run only, suggesting Good or Again', () => {
    const s = cardReducer(typed('virsh net-autostart default'), { type: 'submit' });
    expect(cardReducer(s, { type: 'labDone', key: 'd/other', run: run(true) })).toBe(s);
    const good = cardReducer(s, { type: 'labDone', key: 'd/lab', run: run(true) });
    expect(good).toMatchObject({
      phase: 'answer',
      running: false,
      result: { correct: true, suggested: 3 },
    });
    expect(defaultGrade(good)).toBe(3);
    const refused = cardReducer(s, {
      type: 'labDone',
      key: 'd/lab',
      run: run(false, { refused: 'no' }),
    });
    expect(refused.result).toMatchObject({ correct: false, suggested: 1, lab: { refused: 'no' } });
    // A result that comes when nothing runs (the card was left) changes nothing.
    const idle = typed('virsh x');
    expect(cardReducer(idle, { type: 'labDone', key: 'd/lab', run: run(true) })).toBe(idle);
  });
});
