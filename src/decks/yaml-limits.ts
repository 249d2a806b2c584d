// YAML text -> plain data, with every way the yaml library can throw or stall on hostile
// input turned into a problem at a source offset: syntax errors, duplicate keys, aliases
// with no anchor or inside their own anchor, and alias bombs ("billion laughs").
import {
  type Alias,
  type Document,
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  LineCounter,
  type Node,
  parseDocument,
  visit,
} from 'yaml';
import { oneLine } from '../core/sanitize.js';

/**
 * Aliases allowed in one file, and the expansion limit handed to `toJS`. Decks rarely
 * alias at all; the cap also bounds the library's own alias bookkeeping, which scans the
 * document once per alias.
 */
export const MAX_ALIASES = 100;

export interface YamlProblem {
  offset: number;
  message: string;
}

export type YamlResult =
  | { ok: true; doc: Document.Parsed; lc: LineCounter; data: unknown }
  | { ok: false; lc: LineCounter; problems: YamlProblem[] };

const firstLine = (s: string): string => s.split('\n')[0] ?? s;

/** Parses `source` and converts it to plain data; never throws for YAML reasons. */
export function readYaml(source: string): YamlResult {
  const lc = new LineCounter();
  // uniqueKeys is off because the library compares every key with every earlier one
  // (a map of 40,000 keys took 47 s); duplicateKeys below does the same check in one pass.
  const doc = parseDocument(source, { lineCounter: lc, prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => ({
      offset: e.pos[0],
      message: `YAML ${e.code}: ${oneLine(firstLine(e.message))}`,
    }));
    return { ok: false, lc, problems };
  }
  const { aliases, targets, duplicates } = survey(doc);
  const problems = [...duplicates, ...aliasProblems(aliases, targets)];
  if (problems.length > 0) return { ok: false, lc, problems };
  try {
    // The library counts the anchored node as one use: + 1 lets every alias be used.
    return { ok: true, doc, lc, data: doc.toJS({ maxAliasCount: MAX_ALIASES + 1 }) };
  } catch (err) {
    if (!(err instanceof ReferenceError)) throw err;
    const at = biggestAlias(aliases, targets);
    // The library's own message speaks of an attack; the author may just have overdone it.
    const message = `too many YAML aliases: together they would expand the data more than ${MAX_ALIASES}-fold (an "alias bomb"); write the text out instead of aliasing it`;
    return { ok: false, lc, problems: [{ offset: at?.range?.[0] ?? 0, message }] };
  }
}

interface Survey {
  aliases: Alias[];
  /** The node each alias stands for: the last node with its anchor before it. */
  targets: Map<Alias, Node>;
  duplicates: YamlProblem[];
}

/** One pass in document order, as the library resolves aliases. */
function survey(doc: Document.Parsed): Survey {
  const aliases: Alias[] = [];
  const targets = new Map<Alias, Node>();
  const anchors = new Map<string, Node>();
  const duplicates: YamlProblem[] = [];
  visit(doc, (_key, node) => {
    if (isAlias(node)) {
      aliases.push(node);
      const target = anchors.get(node.source);
      if (target) targets.set(node, target);
      return;
    }
    if ((isScalar(node) || isCollection(node)) && node.anchor) anchors.set(node.anchor, node);
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        if (seen.has(pair.key.value))
          duplicates.push({
            offset: pair.key.range?.[0] ?? 0,
            message: 'YAML DUPLICATE_KEY: Map keys must be unique',
          });
        else seen.add(pair.key.value);
      }
    }
  });
  return { aliases, targets, duplicates };
}

function aliasProblems(aliases: Alias[], targets: Map<Alias, Node>): YamlProblem[] {
  if (aliases.length > MAX_ALIASES) {
    const offset = aliases[MAX_ALIASES]?.range?.[0] ?? 0;
    const message = `too many YAML aliases: ${aliases.length}, at most ${MAX_ALIASES} in one file; write the text out instead of aliasing it`;
    return [{ offset, message }];
  }
  const out: YamlProblem[] = [];
  for (const alias of aliases) {
    const name = oneLine(alias.source);
    const offset = alias.range?.[0] ?? 0;
    const target = targets.get(alias);
    if (!target) {
      out.push({ offset, message: `YAML alias '*${name}' has no anchor '&${name}' before it` });
      continue;
    }
    const [start, , end] = target.range ?? [0, 0, 0];
    if (start <= offset && offset < end)
      out.push({ offset, message: `YAML alias '*${name}' is inside the node it refers to` });
  }
  return out;
}

/** The alias that stands for the most nodes: where an alias bomb is set off. */
function biggestAlias(aliases: Alias[], targets: Map<Alias, Node>): Alias | undefined {
  const memo = new Map<Node, number>();
  const size = (node: unknown): number => {
    if (isAlias(node)) {
      const target = targets.get(node);
      if (!target) return 1;
      const known = memo.get(target);
      if (known !== undefined) return known;
      memo.set(target, 1);
      const n = size(target);
      memo.set(target, n);
      return n;
    }
    if (isPair(node)) return size(node.key) + size(node.value);
    if (isCollection(node)) {
      let n = 1;
      for (const item of node.items) n += size(item);
      return n;
    }
    return 1;
  };
  try {
    let best: Alias | undefined;
    let bestSize = -1;
    for (const alias of aliases) {
      const n = size(alias);
      if (n > bestSize) [best, bestSize] = [alias, n];
    }
    return best;
  } catch {
    // Too deep to measure: any alias is still a better pointer than line 1.
    return aliases[0];
  }
}
