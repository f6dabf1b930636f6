// Which records the report covers and whose caseload each is on. Enrollments of the chosen
// providers active in the period (start ≤ end, no exit or exit ≥ start, as the HMIS export's
// reporting period reads it), not deleted; their clients, Entry and Exit assessments, Current
// Living Situations and contacts. An enrollment belongs to the case managers of its Case Managers
// tab assignments that were open at some time in the period (none: "no case manager"), so a
// client handed over mid-period shows on both caseloads.
import { ageOn as ageInYears } from '../../clock/time';
import { singletonAssessmentId } from '../../records/assessment';
import type { ElementContext } from './elements';
import type { DataQualityInput, DqRecord, DqView } from './types';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export interface ScopedEnrollment {
  readonly record: DqRecord;
  readonly context: ElementContext;
  /** Case manager ids; empty when the enrollment has none in the period. */
  readonly caseManagers: readonly string[];
  readonly cls: readonly DqRecord[];
  readonly contacts: readonly DqRecord[];
  readonly assessments: readonly DqRecord[];
}

export interface ReportScope {
  readonly enrollments: readonly ScopedEnrollment[];
  readonly byId: ReadonlyMap<string, ScopedEnrollment>;
  /** Enrollment ids of each client in scope (for Eva findings that name only a PersonalID). */
  readonly enrollmentsOfClient: ReadonlyMap<string, readonly string[]>;
  readonly clients: ReadonlyMap<string, DqRecord>;
}

const live = (r: DqRecord) => r.view.deleted !== true;

/** Whole years from one local date to another. */
export function ageOn(dob: string, on: string): number {
  return ageInYears(dob, on) ?? 0;
}

function groupBy(records: readonly DqRecord[], key: string): Map<string, DqRecord[]> {
  const out = new Map<string, DqRecord[]>();
  for (const r of records) {
    if (!live(r)) continue;
    const k = str(r.view[key]);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

function assignedIn(a: DqView, period: DataQualityInput['period']): boolean {
  if (a.deleted === true) return false;
  const start = str(a.startDate);
  const end = str(a.endDate);
  return (start === '' || start <= period.endDate) && (end === '' || end >= period.startDate);
}

export function reportScope(input: DataQualityInput): ReportScope {
  const { period } = input;
  const providers = new Set(input.providerIds);
  const clients = new Map(input.clients.filter(live).map((c) => [c.view.id, c]));
  const assessments = new Map(input.assessments.filter(live).map((a) => [a.view.id, a]));
  const assessmentsBy = groupBy(input.assessments, 'enrollmentId');
  const clsBy = groupBy(input.currentLivingSituations, 'enrollmentId');
  const contactsBy = groupBy(input.contacts, 'enrollmentId');
  const managers = new Map<string, Set<string>>();
  for (const a of input.assignments) {
    if (!assignedIn(a, period)) continue;
    const set = managers.get(str(a.enrollmentId)) ?? new Set<string>();
    set.add(str(a.caseManagerId));
    managers.set(str(a.enrollmentId), set);
  }

  const enrollments: ScopedEnrollment[] = [];
  for (const record of input.enrollments) {
    const e = record.view;
    if (!live(record) || !providers.has(str(e.providerId))) continue;
    const start = str(e.projectStartDate);
    const exitDate = str(e.exitDate);
    if (start === '' || start > period.endDate || (exitDate !== '' && exitDate < period.startDate))
      continue;
    const client = clients.get(str(e.clientId))?.view;
    const dob = str(client?.dob);
    const isAdult = dob === '' || ageOn(dob, start) >= 18;
    enrollments.push({
      record,
      context: {
        enrollment: e,
        client,
        entry: assessments.get(singletonAssessmentId(e.id, 1))?.view,
        exit: assessments.get(singletonAssessmentId(e.id, 3))?.view,
        isHoH: e.relationshipToHoH === 1,
        isAdult,
        exited: exitDate !== '' && exitDate <= period.endDate,
      },
      caseManagers: [...(managers.get(e.id) ?? [])].filter((id) => id !== '').sort(),
      cls: clsBy.get(e.id) ?? [],
      contacts: contactsBy.get(e.id) ?? [],
      assessments: assessmentsBy.get(e.id) ?? [],
    });
  }
  const enrollmentsOfClient = new Map<string, string[]>();
  for (const s of enrollments) {
    const c = str(s.context.enrollment.clientId);
    enrollmentsOfClient.set(c, [...(enrollmentsOfClient.get(c) ?? []), s.context.enrollment.id]);
  }
  return {
    enrollments,
    byId: new Map(enrollments.map((s) => [s.context.enrollment.id, s])),
    enrollmentsOfClient,
    clients,
  };
}
