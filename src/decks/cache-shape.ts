// The shape of a cached parse result, checked by hand. A cache file is only a file: it may
// be damaged, hand-edited or written by another version, and what it holds reaches the
// study screen without passing the parser again. zod and yaml stay unloaded here because
// sparing start-up their cost is why the caches exist.
import type { Choice, Deck, Entry } from '../core/model.js';
import { hasControl } from '../core/sanitize.js';
import type { ParseResult } from './parse.js';
import type { Problem } from './problem.js';

type Rec = Record<string, unknown>;

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const CLOZE = /\{\{c\d+::.+?\}\}/;
const NON_BLANK = /\S/;
const MATCH_MODES: readonly unknown[] = ['text', 'exact', 'command'];

/** Off only while checking data whose JSON text cannot spell a control character. */
let checkControls = true;

const isRec = (v: unknown): v is Rec => v !== null && typeof v === 'object' && !Array.isArray(v);
/** Text a learner may see: non-empty and free of control characters, as the parser leaves it. */
const isText = (v: unknown): v is string =>
  typeof v === 'string' && NON_BLANK.test(v) && !(checkControls && hasControl(v));
const isOptText = (v: unknown): boolean => v === undefined || isText(v);
const isTextList = (v: unknown): v is string[] => Array.isArray(v) && v.every(isText);
const isPositive = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1;
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const isLineCol = (v: unknown): boolean => isRec(v) && isPositive(v.line) && isPositive(v.col);

function isProblem(v: unknown): v is Problem {
  return (
    isLineCol(v) &&
    isRec(v) &&
    typeof v.file === 'string' &&
    (v.severity === 'error' || v.severity === 'warning') &&
    typeof v.message === 'string' &&
    !(checkControls && hasControl(v.message))
  );
}

function isChoice(v: unknown): v is Choice {
  return isRec(v) && isText(v.text) && typeof v.correct === 'boolean' && isOptText(v.why);
}

const LAB_ENVS: readonly unknown[] = ['virsh-test', 'qemu-img'];

/** The shape of a lab; its rules (allowed programs, paths) are checked again at run time. */
function isLab(e: Rec): boolean {
  return (
    isText(e.task) &&
    LAB_ENVS.includes(e.env) &&
    isOptText(e.node) &&
    isTextList(e.setup) &&
    isText(e.answer) &&
    isTextList(e.accept) &&
    isRec(e.check) &&
    isText(e.check.run) &&
    isText(e.check.expect)
  );
}

function isKindValid(e: Rec): boolean {
  switch (e.type) {
    case 'basic':
      return isText(e.front) && isText(e.back) && typeof e.reverse === 'boolean';
    case 'mcq':
      return (
        isText(e.question) &&
        isText(e.explanation) &&
        Array.isArray(e.choices) &&
        e.choices.length >= 2 &&
        e.choices.length <= 8 &&
        e.choices.every(isChoice) &&
        e.choices.some((c: Choice) => c.correct)
      );
    case 'cloze':
      return isText(e.text) && CLOZE.test(e.text);
    case 'typed':
      return (
        isText(e.prompt) &&
        isText(e.answer) &&
        isTextList(e.accept) &&
        MATCH_MODES.includes(e.match)
      );
    case 'lab':
      return isLab(e);
    case 'terms':
      return (
        isText(e.prompt) &&
        Array.isArray(e.terms) &&
        e.terms.length >= 2 &&
        e.terms.every((t: unknown) => isRec(t) && isText(t.term) && isText(t.definition))
      );
    default:
      return false;
  }
}

function isEntry(v: unknown): v is Entry {
  return (
    isRec(v) &&
    typeof v.id === 'string' &&
    KEBAB.test(v.id) &&
    isTextList(v.tags) &&
    isOptText(v.ref) &&
    isOptText(v.explanation) &&
    isLineCol(v.pos) &&
    typeof (v.pos as Rec).file === 'string' &&
    isKindValid(v)
  );
}

function isDeck(v: unknown): v is Deck {
  if (
    !isRec(v) ||
    typeof v.id !== 'string' ||
    !KEBAB.test(v.id) ||
    !isText(v.title) ||
    !isOptText(v.description) ||
    !isOptText(v.source) ||
    !isTextList(v.tags) ||
    typeof v.file !== 'string' ||
    !Array.isArray(v.entries) ||
    !v.entries.every(isEntry)
  )
    return false;
  // Progress is keyed by deck and entry id: two entries with one id would share it.
  return new Set(v.entries.map((e: Entry) => e.id)).size === v.entries.length;
}

/**
 * True when `v` is a parse result as `parseDeck` returns it. `textIsClean` may be passed
 * when the JSON it came from cannot hold a control character (see `jsonMaySpellControl`).
 */
export function isParseResult(v: unknown, textIsClean = false): v is ParseResult {
  checkControls = !textIsClean;
  try {
    return (
      isRec(v) &&
      isCount(v.entryCount) &&
      Array.isArray(v.problems) &&
      v.problems.every(isProblem) &&
      (v.deck === null || isDeck(v.deck)) &&
      (v.idPos === undefined || isLineCol(v.idPos))
    );
  } finally {
    checkControls = true;
  }
}

/** The raw characters JSON.stringify leaves unescaped that a terminal acts on. */
const RAW_CONTROL = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const FILE_ESCAPE = '"file":"\\u0000file"';

/**
 * False when no string parsed from `json` can hold a control character: no such raw
 * character, and no escape that spells one (\u00XX save the file token
 * `"file":"\u0000file"`, which is replaced on load; \u202X / \u206X near the bidi
 * overrides; \b \f \r). A superset: it may flag harmless text, never miss a control
 * character. A walk from backslash to backslash, not a regular expression with
 * look-behind: at 100,000 cached cards that is about 20 ms instead of 45.
 */
export function jsonMaySpellControl(json: string): boolean {
  if (RAW_CONTROL.test(json)) return true;
  const at = FILE_ESCAPE.indexOf('\\');
  for (let i = json.indexOf('\\'); i >= 0; i = json.indexOf('\\', i + 2)) {
    const next = json.charCodeAt(i + 1);
    if (next === 0x62 || next === 0x66 || next === 0x72) return true; // \b \f \r
    if (next !== 0x75) continue; // \\, \", \n, \t, \/: harmless (and \\ is skipped whole)
    const h0 = json.charCodeAt(i + 2);
    const h1 = json.charCodeAt(i + 3);
    const h2 = json.charCodeAt(i + 4);
    // \u202X and \u206X: the bidirectional overrides live there.
    if (h0 === 0x32 && h1 === 0x30 && (h2 === 0x32 || h2 === 0x36)) return true;
    if (h0 !== 0x30 || h1 !== 0x30) continue;
    if (!json.startsWith(FILE_ESCAPE, i - at)) return true;
  }
  return false;
}
