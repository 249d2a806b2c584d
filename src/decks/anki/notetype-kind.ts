// Which hyperrecall entry a note type's notes become, from its structure rather than its
// name (names are localised and users rename them):
// - Anki's cloze kind -> cloze;
// - one template whose front asks `{{type:F}}` -> typed (prompt: the other fields on the front);
// - one template, two fields, front shows the first -> basic;
// - two templates over two fields, each front showing the field the other one asks for
//   ("Basic (and reversed card)", also the optional-reverse type, whose third field is only
//   a switch) -> basic with reverse;
// - anything else -> 'other': first field front, the rest back.
import type { AnkiNotetype, NoteShape } from './types.js';

/** Fields a template shows ({{F}}, {{filter:F}}), leaving out conditionals and FrontSide. */
export function fieldRefs(template: string): { shown: string[]; typed: string[] } {
  const shown: string[] = [];
  const typed: string[] = [];
  for (const m of template.matchAll(/\{\{([^{}]+)\}\}/g)) {
    const inner = (m[1] as string).trim();
    if (/^[#^/]/.test(inner)) continue;
    const parts = inner.split(':');
    const name = (parts[parts.length - 1] as string).trim();
    if (name === 'FrontSide') continue;
    if (parts.length > 1 && parts[0]?.trim() === 'type') typed.push(name);
    else shown.push(name);
  }
  return { shown, typed };
}

export function noteShape(nt: AnkiNotetype): NoteShape {
  if (nt.cloze) return 'cloze';
  const [first, second] = nt.templates;
  if (!first || nt.fields.length < 2) return 'other';
  const front = fieldRefs(first.qfmt);
  if (nt.templates.length === 1 && front.typed.length === 1) return 'typed';
  // Fields past the second that no template shows are switches, such as "Add Reverse" of
  // Basic (optional reversed card), used only in {{#Field}} sections: they hold no content.
  const shownAnywhere = (f: string) =>
    nt.templates.some(
      (t) => fieldRefs(t.qfmt).shown.includes(f) || fieldRefs(t.afmt).shown.includes(f),
    );
  if (nt.fields.slice(2).some(shownAnywhere)) return 'other';
  const [f0, f1] = nt.fields as [string, string];
  const asks = (refs: { shown: string[] }, f: string, not: string) =>
    refs.shown.includes(f) && !refs.shown.includes(not);
  if (nt.templates.length === 1) return asks(front, f0, f1) ? 'basic' : 'other';
  if (nt.templates.length === 2 && second) {
    const back = fieldRefs(second.qfmt);
    if (asks(front, f0, f1) && asks(back, f1, f0)) return 'reverse';
  }
  return 'other';
}

/** For a typed note type: which field is typed, which fields make up the prompt. */
export function typedFields(nt: AnkiNotetype): { answer: number; prompt: number[] } {
  const refs = fieldRefs(nt.templates[0]?.qfmt ?? '');
  const answer = Math.max(0, nt.fields.indexOf(refs.typed[0] ?? ''));
  const prompt = refs.shown.map((f) => nt.fields.indexOf(f)).filter((i) => i >= 0 && i !== answer);
  return {
    answer,
    prompt: prompt.length ? prompt : nt.fields.map((_, i) => i).filter((i) => i !== answer),
  };
}
