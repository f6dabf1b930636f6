// Synthetic records for the validation tests. No real client data.
import type { Assessment, CurrentLivingSituation, Enrollment } from '../../../src/domain/records';

let counter = 0;
/** A fresh 32-hex id. */
export function id(): string {
  counter += 1;
  return counter.toString(16).padStart(32, '0');
}

export const TODAY = '2025-06-15';

export function enrollment(over: Partial<Enrollment> = {}): Enrollment {
  return {
    id: id(),
    clientId: id(),
    providerId: 'a'.repeat(32),
    householdId: 'b'.repeat(32),
    relationshipToHoH: 1,
    projectStartDate: '2025-01-10',
    entryType: 'basic',
    exitDate: null,
    exitReason: null,
    destination: null,
    destinationSubsidyType: null,
    ...over,
  };
}

export function exited(over: Partial<Enrollment> = {}): Enrollment {
  return enrollment({ exitDate: '2025-05-31', exitReason: 'housed', destination: 410, ...over });
}

export function cls(over: Partial<CurrentLivingSituation> = {}): CurrentLivingSituation {
  return {
    id: id(),
    enrollmentId: id(),
    clientId: id(),
    informationDate: '2025-03-01',
    currentLivingSituation: 116,
    clsSubsidyType: null,
    verifiedBy: null,
    leaveSituation14Days: null,
    subsequentResidence: null,
    resourcesToObtain: null,
    leaseOwn60Day: null,
    movedTwoOrMore: null,
    locationDetails: null,
    ...over,
  };
}

export function assessment(over: Partial<Assessment> = {}): Assessment {
  return {
    id: id(),
    enrollmentId: id(),
    clientId: id(),
    dataCollectionStage: 2,
    informationDate: '2025-03-01',
    answers: {},
    ...over,
  };
}

/** Just the fields a test looks at. */
export function summary(
  issues: readonly { field: string; rule: string; severity: string }[],
): string[] {
  return issues.map((i) => `${i.severity} ${i.rule} ${i.field}`);
}
