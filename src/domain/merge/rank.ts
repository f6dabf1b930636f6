// The order in which competing writes to one field group win. Because the winner is the maximum of
// a total order, the result does not depend on the order in which writes arrive (M2 convergence).
//
//   1. generation: a supervisor's resolution starts a new generation of the group (M3);
//   2. value class, Entry fields only: a real answer beats 8/9/99/empty whatever the clocks (M4b);
//   3. write kind, Entry fields only: an answer entered with the field in view beats a backfill of
//      a field its writer saw empty (M4a);
//   4. the HLC, which ends in the device id, so ties break by device (M2). Among backfilled real
//      answers the EARLIER clock wins: a backfill never overwrites a real answer that was already
//      recorded (M4a), and "already" has to mean "earlier by the clock" for every replica to agree;
//   5. the mutation id, which only matters for a malformed duplicate clock.
import type { FieldVersion, MergeRule } from './state';

function isBackfilledAnswer(v: FieldVersion): boolean {
  return v.valueClass === 1 && v.kind === 0;
}

export function compareVersions(a: FieldVersion, b: FieldVersion): number {
  const byClass = a.gen - b.gen || a.valueClass - b.valueClass || a.kind - b.kind;
  if (byClass !== 0) return byClass;
  const byClock = a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0;
  if (byClock !== 0) return isBackfilledAnswer(a) ? -byClock : byClock;
  return a.mutationId < b.mutationId ? -1 : a.mutationId > b.mutationId ? 1 : 0;
}

/** The rule that decided between a winner and a loser, for the conflict record. */
export function decidingRule(winner: FieldVersion, loser: FieldVersion, group: string): MergeRule {
  if (winner.gen !== loser.gen) return 'M3';
  if (winner.valueClass !== loser.valueClass) return 'M4b';
  if (winner.kind !== loser.kind || isBackfilledAnswer(winner)) return 'M4a';
  return group === 'exit' ? 'M5' : 'M2';
}

const RULE_REASONS: Readonly<Record<MergeRule, string>> = {
  M2: 'another change to the same field was made later',
  M3: 'a supervisor resolved this field',
  M4a: 'a project-start answer was already recorded, and a backfill never overwrites it',
  M4b: "a real answer is kept over Client doesn't know, Client prefers not to answer or Data not collected",
  M5: 'the enrollment was exited by another change',
  M6: 'the record was deleted by another change',
  M10: 'it may be the same person as another client record',
  M11: 'changes from two devices together break a household or enrollment rule',
};

export function ruleReason(rule: MergeRule): string {
  return RULE_REASONS[rule];
}
