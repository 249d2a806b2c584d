// The full-progress backup (`export --json`): a versioned JSON file holding the settings,
// the whole review log and, for checking, the card states and marks the log implies. The
// log is what a restore writes back; the rest lets it prove the file is whole first.
import { z } from 'zod';

export const BACKUP_FORMAT = 'hyperrecall-backup';
/** Raised when the shape changes; a restore refuses a newer version instead of dropping parts. */
export const BACKUP_VERSION = 1;

const memory = z.object({
  phase: z.enum(['new', 'learning', 'review', 'relearning']),
  due: z.number(),
  stability: z.number(),
  difficulty: z.number(),
  scheduledDays: z.number(),
  learningSteps: z.number(),
  reps: z.number(),
  lapses: z.number(),
  lastReview: z.number().nullable(),
});

const marks = z.object({
  suspended: z.boolean().optional(),
  flagged: z.boolean().optional(),
  leech: z.boolean().optional(),
  introduced: z.number().optional(),
  buriedDay: z.number().optional(),
});

/** Each log line is checked again by the log's own reader (`classifyRecord`) on restore. */
const logLine = z.looseObject({ type: z.string(), id: z.string().min(1), at: z.number() });

export const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int().min(1),
  /** ISO-8601 instant of the export. */
  exportedAt: z.string(),
  /** hyperrecall version that wrote it. */
  app: z.string(),
  /** Device that wrote it (records keep their own ids, which name their devices). */
  device: z.string(),
  /** Settings as stored (only what the user set; defaults are not written). */
  settings: z.record(z.string(), z.unknown()),
  /** Each card's memory as the log implies it, keyed `deckId/cardId`. */
  cards: z.record(z.string(), memory),
  marks: z.record(z.string(), marks),
  /** Every record of every device's log, oldest first. */
  log: z.array(logLine),
});

export type Backup = z.infer<typeof backupSchema>;
