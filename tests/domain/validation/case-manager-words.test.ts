// The contact and exit screens say what to fix in a case manager's words, also for an empty
// choice, so a change they save never comes back from the merge with a schema message.
import { describe, expect, it } from 'vitest';
import { validateDestination } from '../../../src/domain/validation';
import {
  effectiveKindAndLocation,
  emptyContactForm,
  validateContact,
} from '../../../src/domain/workflow/contact';

const NOW = Date.parse('2026-03-10T18:00:00Z');

describe('case-manager words', () => {
  it('an empty contact kind counts as not chosen: the previous contact’s applies, else it blocks saving', () => {
    expect(
      effectiveKindAndLocation({ kind: '', location: '' }, { kind: 'phone', location: 'office' }),
    ).toEqual({ kind: 'phone', location: 'office' });
    const issues = validateContact({
      form: { ...emptyContactForm(NOW), kind: '', currentLivingSituation: 101 },
      enrollment: {
        id: 'e'.repeat(32),
        clientId: 'c'.repeat(32),
        projectStartDate: '2026-02-01',
        exitDate: null,
        relationshipToHoH: 1,
      },
      dob: '1990-05-05',
      defaults: { kind: null, location: null, previousCls: null },
      entry: undefined,
      updates: [],
      projectType: 6,
      today: '2026-03-10',
      now: NOW,
    });
    expect(issues.find((i) => i.field === 'kind')?.message).toBe(
      'Choose how the contact happened (in person, phone, …).',
    );
  });

  it('3.12.1: a code outside the Destination list is named in words', () => {
    const [issue] = validateDestination({
      exitDate: '2026-06-01',
      exitReason: 'housed',
      destination: 999,
      destinationSubsidyType: null,
    });
    expect(issue?.message).toBe(
      '"Code 999" cannot be a Destination. Choose one of the Destination answers.',
    );
  });
});
