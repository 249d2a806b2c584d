// The two FSRS references: ts-fsrs driven directly (its memory-state function, with elapsed
// days counted in study days) and fsrs-rs through @open-spaced-repetition/binding.
import { BindingMemoryState, FSRSBinding } from '@open-spaced-repetition/binding';
import { type FSRS, fsrs, generatorParameters, type Steps } from 'ts-fsrs';
import type { Grade, MemoryState } from './anki-rules.js';

export interface FsrsSetup {
  retention: number;
  maxInterval: number;
  learningSteps: string[];
  relearningSteps: string[];
  /** The weights as the user gives them (21 numbers). */
  w: readonly number[];
}

export class TsFsrsDirect {
  readonly f: FSRS;
  private readonly factor: number;
  private readonly decay: number;

  constructor(s: FsrsSetup) {
    this.f = fsrs(
      generatorParameters({
        request_retention: s.retention,
        maximum_interval: s.maxInterval,
        enable_fuzz: false,
        enable_short_term: true,
        learning_steps: s.learningSteps as Steps,
        // ts-fsrs lowers the w17/w18 ceiling for two or more relearning steps; fsrs-rs does
        // that only while optimising, and Anki schedules with the weights as given. One
        // relearning step keeps ts-fsrs from clipping; next_state() reads no step itself.
        relearning_steps: s.relearningSteps.length > 1 ? ['10m'] : (s.relearningSteps as Steps),
        w: [...s.w],
      }),
    );
    const w = this.f.parameters.w;
    this.decay = -(w[20] as number);
    this.factor = 0.9 ** (1 / this.decay) - 1;
  }

  /** The weights ts-fsrs uses: the given ones, within its clamps. */
  get effectiveW(): number[] {
    return [...this.f.parameters.w];
  }

  next(m: MemoryState | null, elapsedDays: number): Record<Grade, MemoryState> {
    const out = {} as Record<Grade, MemoryState>;
    for (const g of [1, 2, 3, 4] as const) {
      const s = this.f.next_state(m, elapsedDays, g);
      out[g] = { stability: s.stability, difficulty: s.difficulty };
    }
    return out;
  }

  /** fsrs-rs next_interval: unrounded days for a stability at the desired retention. */
  interval(stability: number, retention: number): number {
    return (stability / this.factor) * (retention ** (1 / this.decay) - 1);
  }

  recall(elapsedDays: number, stability: number): number {
    return this.f.forgetting_curve(elapsedDays, stability);
  }
}

export class FsrsRs {
  private readonly b: FSRSBinding;
  constructor(
    w: readonly number[],
    private readonly retention: number,
  ) {
    this.b = new FSRSBinding([...w]);
  }

  /** Memory after each button; `m` null for a card never reviewed (delta_t must be 0 then). */
  next(m: MemoryState | null, elapsedDays: number): Record<Grade, MemoryState> {
    const st = this.b.nextStates(
      m === null ? null : new BindingMemoryState(m.stability, m.difficulty),
      this.retention,
      elapsedDays,
    );
    const pick = (x: { memory: { stability: number; difficulty: number } }) => ({
      stability: x.memory.stability,
      difficulty: x.memory.difficulty,
    });
    return { 1: pick(st.again), 2: pick(st.hard), 3: pick(st.good), 4: pick(st.easy) };
  }
}
