// The server's state of one record as the merge sees it: flat field values, one version per field
// group (the write that currently wins it), the soft-delete flag, and the supervisor resolutions
// that started a new generation of a group (M3).
import type { z } from 'zod';
import type { fieldVersionSchema, recordStateSchema } from '../protocol/messages';
import type { JsonValue } from '../protocol/mutation';

export type FieldVersion = z.infer<typeof fieldVersionSchema>;
export type RecordState = z.infer<typeof recordStateSchema>;
export type FieldValues = Record<string, JsonValue>;

/** The pseudo-group that holds the soft-delete flag (M6). */
export const DELETED_GROUP = '_deleted';

export const MERGE_RULES = ['M2', 'M3', 'M4a', 'M4b', 'M5', 'M6', 'M10', 'M11'] as const;
export type MergeRule = (typeof MERGE_RULES)[number];

export interface ConflictSide {
  values: FieldValues;
  version: FieldVersion;
}

/**
 * A value that lost under a rule, kept for review (M3): both values, who, when, which device, the
 * rule. `winner` is what stands now. The id is derived from the losing write, so recording the
 * same loss twice (a replay, another arrival order) yields the same conflict.
 */
export interface ConflictRecord {
  id: string;
  rule: MergeRule;
  recordType: RecordState['type'];
  recordId: string;
  group: string;
  fields: string[];
  winner: ConflictSide;
  loser: ConflictSide;
  /** M10: the other client record that may be the same person. */
  relatedRecordId: string | null;
  message: string;
}

/** A value knowingly replaced by someone who saw it: not a conflict, but kept in the history. */
export interface HistoryEntry {
  recordType: RecordState['type'];
  recordId: string;
  group: string;
  replaced: ConflictSide;
  by: FieldVersion;
}
