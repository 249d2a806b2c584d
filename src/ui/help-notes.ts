// Plain words after the keys in the `?` overlay, for screens whose figures need them.
import type { Screen } from './keys.js';

const READINESS_NOTES = [
  'Ready: the exam score to expect, as the share of exam questions (multiple choice and typed) you would get right. Each counts the chance you recall it, and for the rest the chance of guessing: 1 in 4 for one of four choices, 1 in 6 for "choose two" of four, none for a typed answer.',
  'A card never studied, or still on its learning or relearning steps, counts only as a guess, so a wrong answer never raises the figure.',
  'It is measured for the start of your next study day (tomorrow), or for the morning of your exam when exam-date is set in settings. On the home screen the objectives follow it, weakest first, named by the blueprint.',
];

const CALIBRATION_NOTES = [
  'Forecast: every exam stores the readiness of its own questions when it started, beside the score it got.',
  'Forecast − score, in percentage points: the mean keeps the sign (above 0, the forecast was too hopeful), the mean |gap| does not, and the largest gap is the one furthest from 0.',
  'Log loss: for each question, minus the natural log of the chance the forecast gave to what happened (right or wrong), averaged over the questions of every exam that stored them. Chances are held within 0.001 to 0.999. Lower is better; 0.693 is what always saying 50% scores.',
];

const STATS_NOTES = [
  'True retention, as Anki defines it: of your answers to cards in the review phase (past their learning steps), the share not graded Again (Hard, Good and Easy pass). A card counts once a day, on its first answer that day. Exam answers that changed the schedule count; cram answers and learning steps do not. Young cards had an interval under 21 days before the answer, mature ones 21 days or more. Compare it with desired retention.',
  'Tomorrow: the learning and review cards that fall due during your next study day (day 1 of the forecast; cards still due today are not counted again), and the new cards its limits will introduce.',
  'Forecast: cards due per day, today first (y: a year, a few days a column). Calendar: a column per week, Monday on top; · no answers, then ░ ▒ ▓ █ up to your busiest day. Distributions: studied cards not suspended; difficulty as Anki shows it, 0% easiest. Answer buttons: Again / Hard / Good / Easy by card age over 30 days. Hourly: the share of reviews passed, and reviews, by hour of day. Hardest: lowest recall now, and most lapses.',
];

const EXAM_NOTES = [
  'An exam measures first. An unanswered question and a right answer change nothing. A wrong answer on a card you never studied leaves it new and moves it to the front of the new cards.',
  'A wrong answer on a studied card sends it back to relearning, from the moment you gave it, and counts toward leeches, as in study. Turn this off with exam-feeds-schedule in settings.',
];

const RESULTS_NOTES = [
  'The line under the time says what the exam did to the schedule. u takes it back (cards you studied since keep what happened later); the score stays in the history.',
  ...EXAM_NOTES,
];

/** Plain words after the keys in the `?` overlay, for screens whose figures need them. */
export const HELP_NOTES: Partial<Record<Screen, readonly string[]>> = {
  home: [
    'Ready: the exam score to expect tomorrow (on exam day, with exam-date set): for each exam question the chance you recall it, else guess it. Cards new or still on learning steps count as guesses. More: t, then ?.',
    'Then each objective, weakest first: code, name and the same figure for its questions alone, e.g. "351.5 Virtual machine disk image management 19%". Those that do not fit are counted ("+5 more"); hyperrecall stats lists them all.',
    'Exams: your last five mock exam scores. Exam paused: an exam left before submitting; x resumes it with its time left.',
  ],
  stats: [...STATS_NOTES, ...READINESS_NOTES, ...CALIBRATION_NOTES],
  exam: EXAM_NOTES,
  examTyped: EXAM_NOTES,
  overview: EXAM_NOTES,
  confirm: EXAM_NOTES,
  results: RESULTS_NOTES,
};
