// The exit screen's view-model (exit-view.ts): what the screen shows and saves, from the records
// and the form. Synthetic people only.
import { describe, expect, it } from 'vitest';
import { chooseExitCls, type ExitForm } from '../../../src/domain/workflow/exit';
import { exitView, type ExitRecords } from '../../../src/domain/workflow/exit-view';

const TODAY = '2026-03-10';
const ENROLLMENT = 'e'.repeat(32);
const CHILD_ENROLLMENT = 'f'.repeat(32);
const CLIENT = 'c'.repeat(32);
const CHILD = '9'.repeat(32);
const ME = 'a'.repeat(32);
const CLS_ID = 'd'.repeat(32);

const REQUIRED_ANSWERS = {
  docPhotoId: 'has',
  docBirthCertificate: 'has',
  docSocialSecurityCard: 'has',
  docProofOfIncome: 'has',
  docDisabilityVerification: 'not_needed',
  docHomelessnessVerification: 'has',
  householdMonthlyIncome: 0,
  exitContactConfirmed: 1,
};

function form(overrides: Partial<ExitForm> = {}): ExitForm {
  return {
    reason: 'housed',
    exitDate: TODAY,
    destination: 410,
    destinationSubsidyType: null,
    otherDestination: '',
    cls: null,
    clsSubsidyType: null,
    leaveSituation14Days: 0,
    subsequentResidence: null,
    resourcesToObtain: null,
    leaseOwn60Day: null,
    movedTwoOrMore: null,
    answers: REQUIRED_ANSWERS,
    incomeCopy: null,
    ...overrides,
  };
}

const client = {
  id: CLIENT,
  firstName: 'Robin',
  lastName: 'Testperson',
  dob: '1990-01-01',
  phone: '6125550100',
  email: null,
  address: null,
};
const enrollment = {
  id: ENROLLMENT,
  clientId: CLIENT,
  projectStartDate: '2025-06-01',
  relationshipToHoH: 1,
  exitDate: null,
};

function records(overrides: Partial<ExitRecords> = {}): ExitRecords {
  return {
    enrollment,
    client,
    household: [{ enrollment, client }],
    entry: undefined,
    exit: undefined,
    updates: [],
    assignments: [
      { id: '1'.repeat(32), caseManagerId: ME, startDate: '2025-06-01', endDate: null },
    ],
    ...overrides,
  };
}

const nameOf = (c: Readonly<Record<string, unknown>> | undefined) =>
  c ? `${String(c.firstName)} ${String(c.lastName)}` : 'Client';

function view(f: ExitForm, r: ExitRecords = records()) {
  return exitView({
    records: r,
    form: f,
    today: TODAY,
    caseManagerId: ME,
    provider: { projectType: 6 },
    nameOf,
    newId: () => CLS_ID,
  });
}

describe('exitView', () => {
  it('shows and saves everything from one call: the exit, its CLS, the end of my assignment', () => {
    const v = view(form());
    expect(v.errors).toEqual([]);
    expect(v.name).toBe('Robin Testperson');
    expect(v.endsAssignment).toBe(true);
    expect(v.blockers).toEqual([]);
    expect(v.changes.map((c) => c.type)).toEqual([
      'enrollment',
      'assessment',
      'currentLivingSituation',
      'caseManagerAssignment',
    ]);
  });

  it('has no changes while an error blocks saving', () => {
    const v = view(form({ reason: null }));
    expect(v.errors.map((i) => i.field)).toContain('exitReason');
    expect(v.changes).toEqual([]);
  });

  it('gives a draft saved by an older screen the defaults of newer fields', () => {
    const old = { exitDate: TODAY } as Partial<ExitForm> & Pick<ExitForm, 'exitDate'>;
    expect(view(old as ExitForm).form.otherDestination).toBe('');
  });
});

describe('W-EX5 the head of household exits last (one rule, one message)', () => {
  const child = {
    enrollment: {
      id: CHILD_ENROLLMENT,
      clientId: CHILD,
      projectStartDate: '2025-06-01',
      relationshipToHoH: 2,
      exitDate: null as string | null,
    },
    client: { id: CHILD, firstName: 'Sam', lastName: 'Testperson' },
  };

  it('W-EX5 lists the open members with the rule message and blocks the save', () => {
    const v = view(form(), records({ household: [{ enrollment, client }, child] }));
    expect(v.blockers.map((m) => m.enrollmentId)).toEqual([CHILD_ENROLLMENT]);
    const message =
      'The head of household exits last: Sam Testperson is still enrolled. To exit the head of household, exit Sam Testperson first.';
    expect(v.householdMessage).toBe(message);
    expect(v.errors.map((i) => i.message)).toContain(message);
    expect(v.changes).toEqual([]);
  });

  it('W-EX5 refuses an exit date before a member exited, and allows the same day', () => {
    const exited = { ...child, enrollment: { ...child.enrollment, exitDate: '2026-03-05' } };
    const r = records({ household: [{ enrollment, client }, exited] });
    const early = view(form({ exitDate: '2026-03-01' }), r);
    expect(early.blockers).toEqual([]);
    expect(early.errors.find((i) => i.field === 'exitDate')?.message).toBe(
      'The head of household exits last: Sam Testperson exited March 5, 2026. To exit the head of household, use an exit date on or after March 5, 2026.',
    );
    expect(view(form({ exitDate: '2026-03-05' }), r).errors).toEqual([]);
  });
});

describe('W-EX6 the exit CLS is checked against the Destination on the real exit date', () => {
  const mismatched = (exitDate: string) => chooseExitCls(form({ destination: 410, exitDate }), 116);

  it('W-EX6 reports a mismatch on a real exit date', () => {
    const v = view(mismatched(TODAY));
    expect(v.clsCheck.mismatch).toBe(true);
    expect(v.errors.map((i) => i.field)).toContain('currentLivingSituation');
  });

  it('W-EX6 does not compare with a made-up date: no exit date, nothing to compare yet', () => {
    for (const exitDate of ['', '2026-02-30', 'soon']) {
      const v = view(mismatched(exitDate));
      expect(v.clsCheck.mismatch, exitDate).toBe(false);
      expect(v.errors.map((i) => i.field)).toContain('exitDate');
      expect(v.errors.map((i) => i.field)).not.toContain('currentLivingSituation');
    }
  });
});

describe('W-EX7 contact information is editable on the exit', () => {
  it('W-EX7 shows what is on file and saves nothing for the client when unchanged', () => {
    const v = view(form());
    expect(v.contact.values.phone).toBe('6125550100');
    expect(v.contact.changed).toBe(false);
    expect(v.changes.some((c) => c.type === 'client')).toBe(false);
  });

  it('W-EX7 saves a corrected phone and a new email as a client patch in the same save', () => {
    const v = view(form({ contact: { phone: '(612) 555-0199', email: 'robin@example.org' } }));
    expect(v.errors).toEqual([]);
    const patch = v.changes.find((c) => c.type === 'client');
    expect(patch).toEqual({
      type: 'client',
      id: CLIENT,
      op: 'patch',
      fields: { phone: '6125550199', email: 'robin@example.org' },
    });
    expect(v.changes[0]!.type).toBe('enrollment');
  });

  it('W-EX7 saves the whole address as one group', () => {
    const v = view(
      form({
        contact: { addressLine1: '1 Test St', city: 'Minneapolis', state: 'MN', zip: '55401' },
      }),
    );
    const patch = v.changes.find((c) => c.type === 'client');
    expect(patch?.fields).toEqual({
      address: { line1: '1 Test St', line2: null, city: 'Minneapolis', state: 'MN', zip: '55401' },
    });
  });

  it('W-EX7 blocks an invalid phone with the profile message, on its field', () => {
    const v = view(form({ contact: { phone: '555' } }));
    const issue = v.errors.find((i) => i.field === 'contact.phone');
    expect(issue?.message).toBeTruthy();
    expect(v.changes).toEqual([]);
  });
});
