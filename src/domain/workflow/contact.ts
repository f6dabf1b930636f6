// Recording a contact (Hennepin workflow): the screen used most, often on the street with one
// thumb. This module is the contact's public surface; the rules live in one file per job:
//  - contact-time.ts: the contact's local date and time, and its instant;
//  - contact-form.ts: the form, a new one, and its defaults (the previous contact's kind and
//    location, the previous Current Living Situation as a one-tap choice);
//  - contact-cls.ts: which 4.12 questions apply and the 4.12 record's values;
//  - contact-household.ts: who is asked 4.12 (W-CT1) and "same as" the first row (W-CT2);
//  - contact-updates.ts: the interim (Hennepin) update and its backfills to project start (W-CT5);
//  - contact-income.ts: "Income, benefits or insurance changed", 4.02/4.03/4.04 per member (W-CT3);
//  - contact-parts.ts: "Domestic violence situation changed" (4.11, W-CT6) and "Disabilities
//    changed" (4.05–4.10, W-CT7) per member;
//  - household-income.ts: the household income derived from 4.02 (W-CT4);
//  - contact-validate.ts: what blocks saving;
//  - contact-save.ts: the records one save writes.
// The W-ids are in RULES.md.
export type { RecordChange } from './case-managers';
export * from './contact-time';
export * from './contact-form';
export * from './contact-cls';
export * from './contact-household';
export * from './contact-updates';
export * from './contact-income';
export * from './contact-parts';
export * from './household-income';
export * from './contact-validate';
export * from './contact-save';
