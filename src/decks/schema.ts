// The deck file contract (DESIGN §3). Strict objects: an unknown field is an error, so a
// misspelt `explaination` is reported instead of silently dropped.
import { z } from 'zod';

const kebab = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case (lowercase letters, digits, hyphens)');
const text = z.string().trim().min(1, 'must not be empty');
const tags = z.array(text).default([]);

const common = {
  id: kebab,
  ref: text.optional(),
  tags,
  explanation: text.optional(),
};

const basic = z.strictObject({
  ...common,
  type: z.literal('basic'),
  front: text,
  back: text,
  reverse: z.boolean().default(false),
});

const choice = z.strictObject({
  text,
  correct: z.boolean().default(false),
  why: text.optional(),
});

const mcq = z.strictObject({
  ...common,
  type: z.literal('mcq'),
  question: text,
  choices: z
    .array(choice)
    .min(2, 'needs at least 2 choices')
    .max(8, 'allows at most 8 choices (keys a-h)')
    .refine((cs) => cs.some((c) => c.correct), 'no choice is marked `correct: true`'),
  explanation: text,
});

const cloze = z.strictObject({
  ...common,
  type: z.literal('cloze'),
  text: text.refine(
    (t) => /\{\{c\d+::.+?\}\}/.test(t),
    'has no cloze deletion like {{c1::answer}}',
  ),
});

const typed = z.strictObject({
  ...common,
  type: z.literal('typed'),
  prompt: text,
  answer: text,
  accept: z.array(text).default([]),
  match: z.enum(['text', 'exact', 'command']).default('text'),
});

const terms = z.strictObject({
  ...common,
  type: z.literal('terms'),
  prompt: text,
  terms: z
    .array(z.strictObject({ term: text, definition: text }))
    .min(2, 'needs at least 2 term/definition pairs'),
});

// A command graded by running it (README "Lab cards"); the rules about what its lines may
// run are checked after the shape (core/labs/spec-rules.ts).
const lab = z.strictObject({
  ...common,
  type: z.literal('lab'),
  task: text,
  env: z.enum(['virsh-test', 'qemu-img']),
  node: text.optional(),
  setup: z.array(text).default([]),
  answer: text,
  accept: z.array(text).default([]),
  check: z.strictObject({ run: text, expect: text }),
});

export const EntrySchema = z.discriminatedUnion('type', [basic, mcq, cloze, typed, terms, lab], {
  error: (iss) =>
    iss.code === 'invalid_union' &&
    iss.input &&
    typeof iss.input === 'object' &&
    'type' in iss.input
      ? 'type must be one of basic, mcq, cloze, typed, terms, lab'
      : undefined,
});

export const DeckSchema = z.strictObject({
  id: kebab,
  title: text,
  description: text.optional(),
  source: text.optional(),
  tags,
  cards: z.array(z.unknown()).min(1, 'a deck needs at least one card'),
});

export type EntryInput = z.infer<typeof EntrySchema>;
