// Synthetic caseload records (no real people): households of a client, an enrollment in the
// provider, a Current Living Situation and the contact that records it. Used by the node side to
// seed the server (through the real push path) and by the page to queue changes.
import type { FieldValues } from '../../src/domain/merge';
import { newId } from '../../src/domain/records';
import {
  clientFields,
  clsFields,
  contactFields,
  enrollmentFields,
} from '../../tests/domain/merge/fixtures';

/** Letters only: name normalisation drops digits, and distinct names avoid duplicate notices. */
export function letters(n: number): string {
  let s = '';
  let v = n;
  do {
    s = String.fromCharCode(97 + (v % 26)) + s;
    v = Math.floor(v / 26);
  } while (v > 0);
  return s;
}

export interface HouseholdIds {
  client: string;
  enrollment: string;
  household: string;
  cls: string;
  contact: string;
}

export function newHousehold(): HouseholdIds {
  return {
    client: newId(),
    enrollment: newId(),
    household: newId(),
    cls: newId(),
    contact: newId(),
  };
}

export interface CaseloadChange {
  type: 'client' | 'enrollment' | 'currentLivingSituation' | 'contact';
  id: string;
  fields: FieldValues;
}

/** The four record creations of household number `n` in `providerId`. */
export function householdChanges(
  n: number,
  ids: HouseholdIds,
  providerId: string,
): CaseloadChange[] {
  const day = String(1 + (n % 28)).padStart(2, '0');
  return [
    {
      type: 'client',
      id: ids.client,
      fields: clientFields({
        firstName: `Bench${letters(n)}`,
        lastName: `Client${letters(n * 7 + 3)}`,
        dob: `19${60 + (n % 40)}-0${1 + (n % 9)}-${day}`,
        ssn: null,
        ssnDataQuality: 99,
      }),
    },
    {
      type: 'enrollment',
      id: ids.enrollment,
      fields: enrollmentFields({ clientId: ids.client, providerId, householdId: ids.household }),
    },
    {
      type: 'currentLivingSituation',
      id: ids.cls,
      fields: clsFields({ enrollmentId: ids.enrollment, clientId: ids.client }),
    },
    {
      type: 'contact',
      id: ids.contact,
      fields: contactFields({
        enrollmentId: ids.enrollment,
        clientId: ids.client,
        currentLivingSituationId: ids.cls,
        contactAt: `2026-04-${day}T16:30:00Z`,
        note: `Contact ${n}: talked about housing options and the next appointment.`,
      }),
    },
  ];
}

/** A contact's fields for the n-th contact of a household (the queued-changes and save benches). */
export function contactOf(n: number, ids: HouseholdIds): FieldValues {
  const day = String(1 + (n % 28)).padStart(2, '0');
  return contactFields({
    enrollmentId: ids.enrollment,
    clientId: ids.client,
    currentLivingSituationId: ids.cls,
    contactAt: `2026-05-${day}T${String(8 + (n % 10)).padStart(2, '0')}:15:00Z`,
    note: `Visit ${n}: checked in at the encampment, brought water and a bus pass.`,
  });
}
