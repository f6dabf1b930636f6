// Who a contact is about. HUD collects 4.12 Current Living Situation "about the head of household
// and adults" (reference §1.6) and 4.02/4.03 about the same people, 4.04 about every client. A
// contact is recorded on one enrollment (the contacted member), but it describes the household:
//  - W-CT1: the contact asks 4.12 of the contacted member (always, the first row, as before) and
//    of every other household member who, on the contact date, has an open enrollment in the same
//    project and is the head of household or an adult (18 or older; an unknown date of birth
//    counts as adult). Children other than the contacted member are not asked. One
//    CurrentLivingSituation record is written per member asked, on the member's own enrollment.
//  - W-CT2: the other members' answers are "same as" the first row's (all of 4.12 and 4.12.A–F)
//    until the case manager changes a member's; then that member has answers of their own.
import type { InterimSource } from './interim';
import { clsAnswersOf, type ClsAnswers } from './contact-cls';
import type { ContactForm } from './contact-form';
import { isAdultOn } from './form-context';

const HEAD_OF_HOUSEHOLD = 1;

/** The enrollment and client facts the contact reads. */
export interface ContactEnrollment {
  readonly id: string;
  readonly clientId: string;
  readonly projectStartDate: string;
  readonly exitDate: string | null;
  readonly relationshipToHoH: number | null;
  /** The project (provider) of the enrollment; members are asked only within one project. */
  readonly providerId?: string | null;
}

/** A household member as the contact reads them (the contacted member included). */
export interface ContactMember {
  readonly enrollment: ContactEnrollment;
  readonly dob: string | null | undefined;
  /** For the screen only ("Same as Ana"); never logged, never in a URL or id. */
  readonly firstName?: string | null;
  /** The member's Entry and Updates (their 4.02–4.04 pre-fill). */
  readonly entry?: InterimSource;
  readonly updates?: readonly InterimSource[];
  /** The member's own 4.12 records (their "Same as last time"). */
  readonly currentLivingSituations?: readonly Readonly<Record<string, unknown>>[];
}

/** Whether the enrollment is open on the date: started on or before it, not exited before it. */
export function isOpenOn(enrollment: ContactEnrollment, date: string): boolean {
  return (
    enrollment.projectStartDate !== '' &&
    enrollment.projectStartDate <= date &&
    (enrollment.exitDate === null || date <= enrollment.exitDate)
  );
}

const sameProject = (a: ContactEnrollment, b: ContactEnrollment): boolean =>
  a.providerId == null || b.providerId == null || a.providerId === b.providerId;

/**
 * The household on the contact date: the contacted member first, then the other members with an
 * open enrollment in the same project, head of household first (each enrollment once).
 */
export function householdOnContact(
  contacted: ContactMember,
  household: readonly ContactMember[],
  date: string,
): ContactMember[] {
  const seen = new Set([contacted.enrollment.id]);
  const others: ContactMember[] = [];
  for (const m of household) {
    if (seen.has(m.enrollment.id)) continue;
    seen.add(m.enrollment.id);
    if (!sameProject(contacted.enrollment, m.enrollment) || !isOpenOn(m.enrollment, date)) continue;
    others.push(m);
  }
  others.sort(
    (a, b) =>
      Number(b.enrollment.relationshipToHoH === HEAD_OF_HOUSEHOLD) -
      Number(a.enrollment.relationshipToHoH === HEAD_OF_HOUSEHOLD),
  );
  return [contacted, ...others];
}

/** Whether HUD asks 4.12 (and 4.02 / 4.03) of the member on the date: the HoH and adults. */
export function isHohOrAdult(member: ContactMember, date: string): boolean {
  return member.enrollment.relationshipToHoH === HEAD_OF_HOUSEHOLD || isAdultOn(member.dob, date);
}

/** W-CT1: the members asked 4.12 at the contact, the contacted member first. */
export function clsMembers(
  contacted: ContactMember,
  household: readonly ContactMember[],
  date: string,
): ContactMember[] {
  const [first, ...others] = householdOnContact(contacted, household, date);
  return [first!, ...others.filter((m) => isHohOrAdult(m, date))];
}

/** Whether a member other than the first row follows the first row's 4.12 answers (W-CT2). */
export function isSameAsFirst(form: Pick<ContactForm, 'members'>, enrollmentId: string): boolean {
  return form.members?.[enrollmentId] === undefined;
}

/** A member's 4.12 answers: their own, or the first row's when "same as" (W-CT2). */
export function memberClsAnswers(form: ContactForm, enrollmentId: string): ClsAnswers {
  return form.members?.[enrollmentId] ?? clsAnswersOf(form);
}

/**
 * "Same as <first name>" ticked (the member follows the first row again) or unticked (the member
 * starts from the first row's answers, to change what differs).
 */
export function setSameAsFirst(
  form: ContactForm,
  enrollmentId: string,
  same: boolean,
): ContactForm {
  const members = { ...(form.members ?? {}) };
  if (same) delete members[enrollmentId];
  else members[enrollmentId] = memberClsAnswers(form, enrollmentId);
  return { ...form, members };
}

/** Changes one member's own 4.12 answers (making them the member's own). */
export function updateMemberCls(
  form: ContactForm,
  enrollmentId: string,
  change: (answers: ClsAnswers) => ClsAnswers,
): ContactForm {
  return {
    ...form,
    members: {
      ...(form.members ?? {}),
      [enrollmentId]: change(memberClsAnswers(form, enrollmentId)),
    },
  };
}
