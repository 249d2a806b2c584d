// A command line split into words the way a POSIX shell would, by shell-quote, without
// expanding anything: grading compares what was typed, and the lab runner must see every
// construct a shell would act on so it can refuse it rather than run it literally.
import { type ParseEntry, parse as shellParse } from 'shell-quote';

/** Words and the shell constructs found among them, in order. */
export interface ParsedLine {
  /** The words, quotes and escapes removed; `$HOME` and glob patterns kept as written. */
  words: string[];
  /**
   * Shell operators as typed (`;`, `|`, `&&`, `>`, `(`), plus `$(` and a backtick for command
   * substitution and `#` for a comment. Empty for a single plain command.
   */
  operators: string[];
  /** Words a shell would expand as file globs (`*.qcow2`, `health?pretty`). */
  globs: string[];
  /**
   * Where each operator stood: the number of words before it. Lets a caller cut the line
   * into commands (`a | b`) without parsing again.
   */
  operatorAt: number[];
  /** A quote was left open: the shell would wait for more input. */
  unclosedQuote: boolean;
}

/**
 * Substitutions a shell would run, found in the raw text: shell-quote treats `$(` as a
 * variable named `` followed by `(`, and backticks as ordinary characters. Single quotes
 * keep both literal, double quotes do not.
 */
function scanRaw(line: string): { substitutions: string[]; unclosedQuote: boolean } {
  const found: string[] = [];
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote === "'") {
      if (ch === "'") quote = null;
      continue;
    }
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === quote) quote = null;
    else if (!quote && (ch === '"' || ch === "'")) quote = ch;
    else if (ch === '`') found.push('`');
    else if (ch === '$' && line[i + 1] === '(') found.push('$(');
  }
  return { substitutions: [...new Set(found)], unclosedQuote: quote !== null };
}

/** Keeps `$NAME` and `${NAME}` as the text `$NAME`: nothing is expanded. */
const keepVariable = (name: string): string => `$${name}`;

/** Splits a command line; never throws (a malformed `${` is kept as a plain word). */
export function parseLine(line: string): ParsedLine {
  const raw = scanRaw(line);
  const out: ParsedLine = {
    words: [],
    operators: [],
    globs: [],
    operatorAt: [],
    unclosedQuote: raw.unclosedQuote,
  };
  let entries: ParseEntry[];
  try {
    entries = shellParse(line, keepVariable) as ParseEntry[];
  } catch {
    // `${}` and unbalanced `${`: a shell would refuse the line too; keep the words visible.
    entries = line.split(/\s+/).filter(Boolean);
    out.operators.push('${');
    out.operatorAt.push(0);
  }
  for (const e of entries) {
    if (typeof e === 'string') out.words.push(e);
    else if ('comment' in e) {
      out.operators.push('#');
      out.operatorAt.push(out.words.length);
    } else if (e.op === 'glob') {
      out.words.push(e.pattern);
      out.globs.push(e.pattern);
    } else {
      out.operators.push(e.op);
      out.operatorAt.push(out.words.length);
    }
  }
  for (const s of raw.substitutions) {
    out.operators.push(s);
    out.operatorAt.push(out.words.length);
  }
  return out;
}

/** The words of a line, for callers that only compare words. */
export function lineWords(line: string): string[] {
  return parseLine(line).words;
}

/** A program as typed, by its basename: `./filebeat` and `/usr/bin/grep` count as their names. */
export function programName(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}
