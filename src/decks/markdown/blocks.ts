// Markdown notes -> front matter and blocks (runs of lines that "touch": no blank line in
// between, as the Obsidian spaced-repetition plugin reads cards), each under its heading
// path. Fenced code stays inside its block, blank lines included, and is never read for
// card syntax.
import { readYaml } from '../yaml-limits.js';
import { takeTags } from './inline.js';

export interface NoteLine {
  /** 1-based line number in the notes file. */
  line: number;
  text: string;
  /** Inside a fenced code block (``` or ~~~). */
  code: boolean;
}

export interface Block {
  /** Heading titles from the outermost in, as written. */
  path: readonly string[];
  /** `#tags` written in those headings: every card under them gets them. */
  tags: readonly string[];
  lines: NoteLine[];
}

export interface FrontMatter {
  title?: string;
  tags: string[];
}

export interface NoteProblem {
  line: number;
  message: string;
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const FENCE = /^\s*(```|~~~)/;
// The plugin writes a card's schedule as an HTML comment after it; other comments are notes.
const COMMENT = /<!--.*?-->/g;

function asTags(v: unknown): string[] {
  const list = Array.isArray(v) ? v : typeof v === 'string' ? v.split(/[\s,]+/) : [];
  return list
    .filter((t): t is string | number => typeof t === 'string' || typeof t === 'number')
    .map((t) => String(t).replace(/^#/, '').trim())
    .filter((t) => t.length > 0);
}

/** Reads a leading `---` front matter; returns where the body starts (0-based line). */
function frontMatter(lines: string[], problems: NoteProblem[]): { fm: FrontMatter; start: number } {
  if (lines[0]?.trim() !== '---') return { fm: { tags: [] }, start: 0 };
  const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
  if (end < 0) {
    problems.push({
      line: 1,
      message: 'front matter starts with --- but never ends; add a closing ---',
    });
    return { fm: { tags: [] }, start: 0 };
  }
  const y = readYaml(lines.slice(1, end).join('\n'));
  if (!y.ok || y.data === null || typeof y.data !== 'object' || Array.isArray(y.data)) {
    const line = y.ok ? 1 : y.lc.linePos(y.problems[0]?.offset ?? 0).line + 1;
    problems.push({
      line,
      message: 'front matter is not a YAML mapping; its title and tags are ignored',
    });
    return { fm: { tags: [] }, start: end + 1 };
  }
  const data = y.data as Record<string, unknown>;
  const title = typeof data.title === 'string' && data.title.trim() ? data.title.trim() : undefined;
  return { fm: { tags: asTags(data.tags), ...(title ? { title } : {}) }, start: end + 1 };
}

export interface Notes {
  front: FrontMatter;
  /** The first level-1 heading, the usual title of a note. */
  h1?: string;
  blocks: Block[];
  problems: NoteProblem[];
}

export function readNotes(text: string): Notes {
  const problems: NoteProblem[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const { fm, start } = frontMatter(lines, problems);
  const blocks: Block[] = [];
  const stack: { level: number; title: string; tags: string[] }[] = [];
  let h1: string | undefined;
  let current: Block | null = null;
  let fence: string | null = null;
  const close = () => {
    if (current && current.lines.length > 0) blocks.push(current);
    current = null;
  };
  const add = (l: NoteLine) => {
    current ??= { path: stack.map((h) => h.title), tags: stack.flatMap((h) => h.tags), lines: [] };
    current.lines.push(l);
  };
  for (let i = start; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const line = i + 1;
    const f = FENCE.exec(raw);
    if (fence !== null) {
      add({ line, text: raw, code: true });
      if (f && f[1] === fence) fence = null;
      continue;
    }
    if (f) {
      fence = f[1] ?? '```';
      add({ line, text: raw, code: true });
      continue;
    }
    const h = HEADING.exec(raw);
    if (h) {
      close();
      const level = (h[1] ?? '#').length;
      const { text: title, tags } = takeTags((h[2] ?? '').replace(COMMENT, ''));
      while (stack.length > 0 && (stack.at(-1)?.level ?? 0) >= level) stack.pop();
      if (title) stack.push({ level, title, tags });
      if (level === 1 && h1 === undefined && title) h1 = title;
      continue;
    }
    // A comment over several lines is skipped whole, as the plugin does: it hides drafts.
    if (/^\s*<!--/.test(raw) && !raw.includes('-->')) {
      while (i + 1 < lines.length && !(lines[i + 1] ?? '').includes('-->')) i++;
      i++;
      continue;
    }
    const t = raw.replace(COMMENT, '');
    if (t.trim() === '') {
      // A line that held only the plugin's schedule comment does not end the card.
      if (raw.trim() === '') close();
      continue;
    }
    add({ line, text: t.trimEnd(), code: false });
  }
  if (fence !== null)
    problems.push({
      line: lines.length,
      message: 'a fenced code block is never closed; add the closing fence',
    });
  close();
  return { front: fm, ...(h1 ? { h1 } : {}), blocks, problems };
}
