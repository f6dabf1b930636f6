// M11 on the server: after a push commits, the households and clients whose enrollments it changed
// are checked against the household and enrollment rules (src/domain/merge/household-rules.ts),
// and each violation is filed as a conflict for the supervisors of the providers involved.
//
// Why after the commit, in a transaction of its own, and without locks: each check starts after its
// own push committed and reads what is committed. Of two pushes that together break a rule (two
// devices, two heads of household), the check that starts last starts after both commits, so it
// sees both records whichever server instance runs it. Both checks may see them; the conflict id
// depends only on the violation, so it is stored once. A conflict already on file, open or
// resolved, is left as it is: a supervisor who reviewed it is not asked again.
import {
  householdConflict,
  householdViolations,
  type RecordState,
} from '../../../src/domain/merge';
import type { ConflictRow, Storage } from '../storage/types';

const CHECK_RETRIES = 4;

function text(state: RecordState, field: string): string | null {
  const v = state.fields[field];
  return typeof v === 'string' ? v : null;
}

/** Checks the rules around these changed enrollments; returns the conflicts it filed. */
export async function checkHouseholdRules(
  storage: Storage,
  changed: readonly RecordState[],
  now: number,
): Promise<ConflictRow[]> {
  const enrollments = changed.filter((s) => s.type === 'enrollment');
  if (enrollments.length === 0) return [];
  const households = [...new Set(enrollments.map((e) => text(e, 'householdId')))].filter(
    (h): h is string => h !== null,
  );
  const clients = [...new Set(enrollments.map((e) => text(e, 'clientId')))].filter(
    (c): c is string => c !== null,
  );
  return storage.transaction(
    async (tx) => {
      const around = [
        ...(await tx.listHouseholdEnrollments(households)),
        ...(await tx.listClientEnrollments(clients)),
      ].map((r) => r.state);
      const conflicts = householdViolations(around).map(householdConflict);
      const filed: ConflictRow[] = [];
      const createdAt = new Date(now).toISOString();
      for (const conflict of conflicts) {
        if (await tx.getConflict(conflict.id)) continue;
        const involved = around.filter(
          (e) => e.id === conflict.recordId || e.id === conflict.relatedRecordId,
        );
        const providerIds = [
          ...new Set(involved.map((e) => text(e, 'providerId')).filter((p) => p !== null)),
        ].sort() as string[];
        filed.push({
          conflict,
          providerIds,
          status: 'open',
          createdAt,
          resolvedAt: null,
          resolvedBy: null,
          resolution: null,
        });
      }
      if (filed.length > 0) await tx.putConflicts(filed);
      return filed;
    },
    { retries: CHECK_RETRIES },
  );
}
