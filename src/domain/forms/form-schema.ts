// Everything derived from form definitions, in three files re-exported here:
//  - form-asked.ts: which fields a screen shows (asked, not at the stage, not applicable, hidden),
//    the required answers still missing (for backfill prompts) and the asked answers to save;
//  - form-answers.ts: checking answers (types, lists, required, not-asked null) and the zod schema
//    for an Assessment's answers at a stage;
//  - form-words.ts: conditions and fields in words for the messages.
export * from './form-asked';
export * from './form-answers';
