// Maps a path in the parsed data back to where it sits in the YAML source.
import { type Document, isAlias, isMap, isScalar, isSeq, type LineCounter, type Node } from 'yaml';
import { type ControlHit, controlMessage, controlOffset, type DataPath } from './controls.js';
import type { Problem, Severity } from './problem.js';

interface Found {
  node: Node | null;
  keyNode: Node | null;
  /** False when the path stopped early and `node` is its nearest existing ancestor. */
  exact: boolean;
}

export class Locator {
  constructor(
    private readonly file: string,
    private readonly source: string,
    private readonly lc: LineCounter,
    private readonly doc: Document,
  ) {}

  /** Through aliases in the middle of the path, so a path into aliased data still lands. */
  private find(path: DataPath): Found {
    let node = this.doc.contents as Node | null;
    let keyNode: Node | null = null;
    for (const [i, seg] of path.entries()) {
      if (isAlias(node)) node = (node.resolve(this.doc) as Node | undefined) ?? null;
      if (isMap(node)) {
        const pair = node.items.find(
          (p) => isScalar(p.key) && (p.key.value === seg || String(p.key.value) === String(seg)),
        );
        if (!pair) return { node, keyNode, exact: false };
        keyNode = pair.key as Node;
        node = pair.value as Node | null;
        // `key:` with nothing after it: the key is the best place to point at.
        if (!node) return { node: keyNode, keyNode, exact: i === path.length - 1 };
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg] as Node | undefined;
        if (!item) return { node, keyNode, exact: false };
        keyNode = null;
        node = item;
      } else return { node, keyNode, exact: false };
    }
    return { node, keyNode, exact: true };
  }

  private pos(node: Node | null): { line: number; col: number } {
    return this.lc.linePos(node?.range?.[0] ?? 0);
  }

  /** Position of the node at `path`, falling back to the nearest existing ancestor. */
  at(path: DataPath, key = false): { line: number; col: number } {
    const f = this.find(path);
    return this.pos(key && f.keyNode ? f.keyNode : f.node);
  }

  problem(path: DataPath, message: string, severity: Severity = 'error', key = false): Problem {
    return { file: this.file, ...this.at(path, key), severity, message };
  }

  /** An error at the control character itself, or at its node when it cannot be found. */
  control(hit: ControlHit): Problem {
    const f = this.find(hit.key === undefined ? hit.path : [...hit.path, hit.key]);
    let node = hit.key === undefined ? f.node : f.keyNode;
    if (isAlias(node)) node = (node.resolve(this.doc) as Node | undefined) ?? node;
    const offset = (f.exact ? controlOffset(node, this.source) : undefined) ?? node?.range?.[0];
    return {
      file: this.file,
      ...this.lc.linePos(offset ?? 0),
      severity: 'error',
      message: controlMessage(hit),
    };
  }
}
