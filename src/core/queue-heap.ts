// A binary min-heap of slot numbers (0..capacity-1) that knows where each slot sits, so a
// slot can be removed or re-ranked in O(log n) when one card changes, and the best slots
// passing a test can be listed without disturbing the heap.

/** True when slot `a` comes before slot `b`; must be a strict total order. */
export type SlotOrder = (a: number, b: number) => boolean;

export class SlotHeap {
  private readonly items: Int32Array;
  /** Where each slot sits in `items`, or -1 when it is not in the heap. */
  private readonly at: Int32Array;
  private n = 0;

  constructor(
    capacity: number,
    private readonly before: SlotOrder,
  ) {
    this.items = new Int32Array(capacity);
    this.at = new Int32Array(capacity).fill(-1);
  }

  get size(): number {
    return this.n;
  }

  has(slot: number): boolean {
    return this.at[slot]! >= 0;
  }

  peek(): number {
    return this.n > 0 ? this.items[0]! : -1;
  }

  /**
   * Fills an empty heap with many slots at once in O(n): cheaper than one push each when a
   * whole scope is indexed.
   */
  fill(slots: ArrayLike<number>, count: number): void {
    if (this.n !== 0) throw new Error('SlotHeap.fill needs an empty heap');
    for (let i = 0; i < count; i++) {
      const s = slots[i]!;
      this.items[i] = s;
      this.at[s] = i;
    }
    this.n = count;
    for (let i = (count >> 1) - 1; i >= 0; i--) this.down(i);
  }

  push(slot: number): void {
    if (this.has(slot)) return;
    const i = this.n++;
    this.items[i] = slot;
    this.at[slot] = i;
    this.up(i);
  }

  remove(slot: number): void {
    const i = this.at[slot]!;
    if (i < 0) return;
    this.at[slot] = -1;
    const last = this.items[--this.n]!;
    if (i === this.n) return;
    this.items[i] = last;
    this.at[last] = i;
    this.up(i);
    this.down(this.at[last]!);
  }

  /**
   * The first slot in heap order that `ok` accepts, or -1. Walks best-first from the top
   * with a small frontier, so it looks at about as many slots as `ok` rejects.
   */
  first(ok: (slot: number) => boolean): number {
    if (this.n === 0) return -1;
    const top = this.items[0]!;
    if (ok(top)) return top;
    // Frontier of heap positions; its best is found by a linear pass: few slots are refused.
    const frontier: number[] = [0];
    while (frontier.length > 0) {
      let best = 0;
      for (let k = 1; k < frontier.length; k++)
        if (this.before(this.items[frontier[k]!]!, this.items[frontier[best]!]!)) best = k;
      const i = frontier[best]!;
      frontier[best] = frontier[frontier.length - 1]!;
      frontier.pop();
      const slot = this.items[i]!;
      if (i !== 0 && ok(slot)) return slot;
      const l = 2 * i + 1;
      if (l < this.n) frontier.push(l);
      if (l + 1 < this.n) frontier.push(l + 1);
    }
    return -1;
  }

  private up(i: number): void {
    const { items, at, before } = this;
    const slot = items[i]!;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = items[p]!;
      if (!before(slot, parent)) break;
      items[i] = parent;
      at[parent] = i;
      i = p;
    }
    items[i] = slot;
    at[slot] = i;
  }

  private down(i: number): void {
    const { items, at, before } = this;
    const n = this.n;
    const slot = items[i]!;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && before(items[r]!, items[l]!) ? r : l;
      const child = items[c]!;
      if (!before(child, slot)) break;
      items[i] = child;
      at[child] = i;
      i = c;
    }
    items[i] = slot;
    at[slot] = i;
  }
}
