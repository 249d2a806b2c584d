// Mock exams, one module per job: drawing questions, the exam reducer, scoring, and what
// a finished exam writes to the log. This file gathers them for the screens.
export * from './exam-draw.js';
export * from './exam-score.js';
export * from './exam-state.js';
