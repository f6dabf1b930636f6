// The project start household as the rules read it: each draft member with their name (made
// unique), an existing client's date of birth and HMIS Release of Information from the device,
// and (W-START-5) which universal data elements HUD asks of them are still missing. Part of
// project-start.ts.
import {
  CLIENT_DOESNT_KNOW,
  CLIENT_PREFERS_NOT_TO_ANSWER,
  FULL_REPORTED,
  PARTIAL_REPORTED,
} from '../codes';
import { isAdultOn } from './form-context';
import {
  memberDob,
  newMemberName,
  type DraftMember,
  type MemberField,
  type ProjectStartMember,
} from './project-start';
import { roiOf } from './roi';
import { emptyStartCls } from './start-cls';

/** A client record as the device holds it (a view: any field may be missing). */
export type ProjectStartClientRecord = Readonly<Record<string, unknown>>;

/** Display names, made unique ("New household member 2") so labels and landmarks never clash. */
export function uniqueNames(names: readonly string[]): string[] {
  const counts = new Map<string, number>();
  return names.map((name) => {
    const n = (counts.get(name) ?? 0) + 1;
    counts.set(name, n);
    return n === 1 ? name : `${name} ${n}`;
  });
}

/** Name of a client who is only known by id (found on the server, not yet on this device). */
export function unknownClientName(clientId: string): string {
  return `Client …${clientId.slice(-6)}`;
}

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** A client's name as a case manager reads it. */
export function recordName(record: ProjectStartClientRecord): string {
  return `${text(record.firstName)} ${text(record.lastName)}`.trim() || 'Name not recorded';
}

/** The draft's members for the rules; `recordOf` reads an existing client's record (if any). */
export function projectStartMembersOf(
  draft: readonly DraftMember[],
  recordOf: (clientId: string) => ProjectStartClientRecord | undefined,
): ProjectStartMember[] {
  const names = uniqueNames(
    draft.map((m) => {
      const record = recordOf(m.clientId);
      return m.newClient
        ? newMemberName(m.newClient) || 'New household member'
        : record
          ? recordName(record)
          : unknownClientName(m.clientId);
    }),
  );
  return draft.map((m, index) => {
    const record = recordOf(m.clientId);
    return {
      key: m.key,
      clientId: m.clientId,
      newClient: m.newClient,
      dob: typeof record?.dob === 'string' ? record.dob : null,
      name: names[index]!,
      relationshipToHoH: m.relationshipToHoH,
      answers: m.answers,
      cls: m.cls ?? emptyStartCls(),
      // Not known for a client not on this device (nor for a quick-created one): asked (W-ROI-7).
      roi: record && !m.newClient ? roiOf(record) : undefined,
      roiAnswer: m.roiAnswer,
    };
  });
}

// ---- W-START-5: universal data elements -----------------------------------------------------

/** One universal data element a member is still missing. */
export interface UdeGap {
  /** HUD element, e.g. "3.02". */
  readonly element: string;
  readonly label: string;
  /** Where a quick-created member answers it on the screen (absent: on the client profile). */
  readonly field?: MemberField;
}

/** "Client doesn't know" and "Client prefers not to answer" are answers; 99 is not. */
const ANSWERED_MISSING: readonly unknown[] = [CLIENT_DOESNT_KNOW, CLIENT_PREFERS_NOT_TO_ANSWER];
const REPORTED: readonly unknown[] = [FULL_REPORTED, PARTIAL_REPORTED];

/** A value with its data quality: reported with a value, or 8/9. */
function qualityAnswered(value: string, quality: unknown): boolean {
  if (ANSWERED_MISSING.includes(quality)) return true;
  return REPORTED.includes(quality) && value !== '';
}

const isCode = (v: unknown): boolean => typeof v === 'number' && v !== 99;

/** The universal data elements as the gaps read them, from a record or a quick-create. */
interface UdeValues {
  firstName: string;
  lastName: string;
  nameDataQuality: unknown;
  ssn: string;
  ssnDataQuality: unknown;
  dob: string;
  dobDataQuality: unknown;
  race: readonly unknown[];
  raceNone: unknown;
  sex: unknown;
  veteranStatus: unknown;
}

function udeValues(
  member: Pick<ProjectStartMember, 'newClient'>,
  record: ProjectStartClientRecord | undefined,
): UdeValues | null {
  const n = member.newClient;
  if (n) {
    const ssn = (n.ssn ?? '').trim();
    return {
      firstName: n.firstName.trim(),
      lastName: n.lastName.trim(),
      nameDataQuality: n.nameDataQuality,
      ssn,
      // Typed without its quality: saved as reported (newClientFields).
      ssnDataQuality: n.ssnDataQuality ?? (ssn === '' ? null : FULL_REPORTED),
      dob: n.dob.trim(),
      dobDataQuality: n.dobDataQuality,
      race: n.race ?? [],
      raceNone: n.raceNone ?? null,
      sex: n.sex ?? null,
      veteranStatus: n.veteranStatus ?? null,
    };
  }
  if (!record) return null;
  return {
    firstName: text(record.firstName),
    lastName: text(record.lastName),
    nameDataQuality: record.nameDataQuality,
    ssn: text(record.ssn),
    ssnDataQuality: record.ssnDataQuality,
    dob: text(record.dob),
    dobDataQuality: record.dobDataQuality,
    race: Array.isArray(record.race) ? (record.race as unknown[]) : [],
    raceNone: record.raceNone,
    sex: record.sex,
    veteranStatus: record.veteranStatus,
  };
}

/**
 * W-START-5: the universal data elements HUD asks of the member that are still missing, in HUD
 * order: 3.01 name, 3.02 SSN, 3.03 DOB (each with its data quality; 8 and 9 are answers, 99 is
 * not), 3.04 race and ethnicity, 3.06 sex, and 3.07 veteran status of adults (18 or older on the
 * start date; unknown age: asked). null when it cannot be told: the client's record is not on
 * this device yet.
 */
export function memberUdeGaps(
  member: Pick<ProjectStartMember, 'newClient' | 'dob'>,
  record: ProjectStartClientRecord | undefined,
  projectStartDate: string,
): UdeGap[] | null {
  const v = udeValues(member, record);
  if (v === null) return null;
  const gaps: UdeGap[] = [];
  const name = v.firstName !== '' || v.lastName !== '' ? 'x' : '';
  if (!qualityAnswered(name, v.nameDataQuality))
    gaps.push({ element: '3.01', label: 'Name', field: 'firstName' });
  if (!qualityAnswered(v.ssn, v.ssnDataQuality))
    gaps.push({
      element: '3.02',
      label: 'Social Security Number or why it is missing',
      field: 'ssn',
    });
  if (!qualityAnswered(v.dob, v.dobDataQuality))
    gaps.push({ element: '3.03', label: 'Date of birth and its data quality', field: 'dob' });
  if (v.race.length === 0 && !ANSWERED_MISSING.includes(v.raceNone))
    gaps.push({ element: '3.04', label: 'Race and ethnicity', field: 'race' });
  if (!isCode(v.sex)) gaps.push({ element: '3.06', label: 'Sex', field: 'sex' });
  if (isAdultOn(memberDob(member) ?? (v.dob || null), projectStartDate) && !isCode(v.veteranStatus))
    gaps.push({ element: '3.07', label: 'Veteran status', field: 'veteranStatus' });
  return gaps;
}
