import { describe, expect, it } from 'vitest';
import {
  DUPLICATE_MIN_SCORE,
  ageOn,
  changedGroups,
  checkQuery,
  clientFormFromRecord,
  clientFromForm,
  clientPatchFields,
  dataQualityHints,
  emptyClientForm,
  foldName,
  issuesOfGroups,
  matchesQuery,
  mergeFound,
  namesClose,
  possibleDuplicates,
  scoreMatch,
  ssnLast4Of,
  type ClientForm,
} from '../../../src/domain/workflow/client-match';
import { clientSchema, newId } from '../../../src/domain/records';

const TODAY = '2026-03-10';

/** A complete, valid form for an invented adult. */
function validForm(overrides: Partial<ClientForm> = {}): ClientForm {
  return emptyClientForm({
    firstName: 'Robin',
    lastName: 'Testperson',
    ssn: '123456789',
    dob: '1990-05-17',
    race: [3],
    sex: 0,
    veteranStatus: 0,
    ...overrides,
  });
}

describe('names', () => {
  it('folds case, accents and punctuation', () => {
    expect(foldName('José')).toBe('jose');
    expect(foldName("Mary-Jo O'Néil")).toBe('maryjooneil');
    expect(foldName(null)).toBe('');
  });

  it('matches a search from the start of each name, every criterion at once', () => {
    const robin = {
      firstName: 'Robin',
      lastName: 'Téstperson',
      dob: '1990-05-17',
      ssn: 'xxxxx1234',
    };
    expect(matchesQuery(robin, { firstName: 'rob' })).toBe(true);
    expect(matchesQuery(robin, { lastName: 'TESTP' })).toBe(true);
    expect(matchesQuery(robin, { lastName: 'person' })).toBe(false);
    expect(matchesQuery(robin, { firstName: 'rob', dob: '1990-05-18' })).toBe(false);
    expect(matchesQuery(robin, { ssnLast4: '1234' })).toBe(true);
    expect(matchesQuery(robin, { ssnLast4: '9999' })).toBe(false);
  });

  it('reads the last 4 of an SSN only when they are digits', () => {
    expect(ssnLast4Of({ ssn: 'xxxxx1234' })).toBe('1234');
    expect(ssnLast4Of({ ssn: '12345xxxx' })).toBeNull();
    expect(ssnLast4Of({ ssnLast4: '4321' })).toBe('4321');
  });

  it('refuses an empty search and a short last 4', () => {
    expect(checkQuery({}).map((i) => i.field)).toEqual(['lastName']);
    expect(checkQuery({ ssnLast4: '123' })).toEqual([
      { field: 'ssnLast4', message: 'The last 4 of the SSN are 4 digits.' },
    ]);
    expect(checkQuery({ lastName: 'Test' })).toEqual([]);
  });
});

describe('close names', () => {
  // Issue 12: the edit distance is the fastest-levenshtein package's, where a swap of two
  // neighbouring letters is 2 edits (the hand-written optimal string alignment counted 1).
  it('counts a swap of neighbouring letters as two edits: close in a long name, not a short one', () => {
    expect(namesClose('robin', 'robyn')).toBe(true);
    expect(namesClose('robin', 'rboin')).toBe(true);
    expect(namesClose('test', 'tset')).toBe(false);
    expect(namesClose('kitten', 'sitting')).toBe(false);
  });

  it('allows 2 edits for long names, 1 for short, and a shared start', () => {
    expect(namesClose('testperson', 'testpreson')).toBe(true);
    expect(namesClose('jordan', 'jordyn')).toBe(true);
    expect(namesClose('ann', 'amy')).toBe(false);
    expect(namesClose('rob', 'robin')).toBe(true);
    expect(namesClose('al', 'ed')).toBe(false);
  });
});

describe('scoreMatch', () => {
  const input = { firstName: 'Robin', lastName: 'Testperson', dob: '1990-05-17', ssn: '123451234' };

  it('scores the same name and date of birth as a likely duplicate', () => {
    const m = scoreMatch(input, { firstName: 'ROBIN', lastName: 'Testperson', dob: '1990-05-17' });
    expect(m.reasons).toEqual(['Same name', 'Same date of birth']);
    expect(m.score).toBeGreaterThanOrEqual(DUPLICATE_MIN_SCORE);
  });

  it('gives reasons for a similar name with the same DOB and last 4', () => {
    const m = scoreMatch(input, {
      firstName: 'Robyn',
      lastName: 'Testpersen',
      dob: '1990-05-17',
      ssnLast4: '1234',
    });
    expect(m.reasons).toEqual(['Same date of birth', 'Similar name', 'Same last 4 of SSN']);
    expect(m.score).toBe(95);
  });

  it('notices swapped names, a first initial, and a transposed birth date', () => {
    expect(scoreMatch(input, { firstName: 'Testperson', lastName: 'Robin' }).reasons).toEqual([
      'First and last names swapped',
    ]);
    expect(scoreMatch(input, { firstName: 'R', lastName: 'Testperson' }).reasons).toEqual([
      'Same last name and first initial',
    ]);
    expect(scoreMatch({ dob: '1990-05-07' }, { dob: '1990-07-05' }).reasons).toEqual([
      'Similar date of birth',
    ]);
    expect(scoreMatch(input, { dob: '1985-01-02' }).reasons).toEqual([]);
    expect(scoreMatch(input, { dob: '1990-05-18' }).reasons).toEqual(['Similar date of birth']);
  });

  it('uses the whole SSN when both are real', () => {
    const m = scoreMatch(input, { firstName: 'Sam', lastName: 'Otherperson', ssn: '123451234' });
    expect(m.reasons).toEqual(['Same SSN']);
    expect(m.score).toBeGreaterThanOrEqual(DUPLICATE_MIN_SCORE);
  });

  it('does not list a different person who only shares a birthday', () => {
    const m = scoreMatch(input, { firstName: 'Sam', lastName: 'Otherperson', dob: '1990-05-17' });
    expect(m.score).toBeLessThan(DUPLICATE_MIN_SCORE);
  });

  it('lists candidates above the threshold, most likely first, once each', () => {
    const a = { id: 'a', firstName: 'Robin', lastName: 'Testperson', dob: '1990-05-17' };
    const b = { id: 'b', firstName: 'Robyn', lastName: 'Testperson', dob: '1991-01-01' };
    const c = { id: 'c', firstName: 'Sam', lastName: 'Otherperson', dob: '1970-01-01' };
    const found = possibleDuplicates(input, [b, c, a, a]);
    expect(found.map((f) => f.client.id)).toEqual(['a']);
    expect(possibleDuplicates(input, [b], 30).map((f) => f.client.id)).toEqual(['b']);
  });
});

describe('mergeFound', () => {
  it('merges device and server results by id, keeping what each knows', () => {
    const id1 = newId();
    const id2 = newId();
    const merged = mergeFound(
      [
        {
          client: { id: id1, firstName: 'Robin', lastName: 'Testperson', ssn: 'xxxxx1234' },
          enrolledHere: true,
        },
      ],
      [
        {
          id: id1,
          firstName: 'Robin',
          lastName: 'Testperson',
          dob: null,
          ssnLast4: '1234',
          providers: [{ id: 'p', name: 'Synthetic Shelter' }],
        },
        {
          id: id2,
          firstName: 'Avery',
          lastName: 'Sampleton',
          dob: null,
          ssnLast4: null,
          providers: [],
        },
      ],
    );
    expect(merged.map((m) => [m.lastName, m.onDevice, m.enrolledHere])).toEqual([
      ['Sampleton', false, null],
      ['Testperson', true, true],
    ]);
    expect(merged[1]!.providers).toEqual([{ id: 'p', name: 'Synthetic Shelter' }]);
  });
});

describe('clientFromForm', () => {
  it('derives data quality from what was entered and passes the record schema', () => {
    const { values, issues } = clientFromForm(validForm({ ssn: '123-45-67xx' }), { today: TODAY });
    expect(issues).toEqual([]);
    expect(values).toMatchObject({
      nameDataQuality: 1,
      ssn: '1234567xx',
      ssnDataQuality: 2,
      dobDataQuality: 1,
      raceNone: null,
    });
    expect(clientSchema.safeParse({ id: newId(), ...values }).success).toBe(true);
  });

  it('asks for name data quality when only part of the name is given', () => {
    const { issues } = clientFromForm(validForm({ lastName: '' }), { today: TODAY });
    expect(issues.map((i) => i.field)).toEqual(['nameDataQuality']);
    const partial = clientFromForm(validForm({ lastName: '', nameDataQuality: 2 }), {
      today: TODAY,
    });
    expect(partial.issues).toEqual([]);
  });

  it('rejects an 8-digit SSN, a 9-digit phone, a bad email and ZIP', () => {
    const { issues } = clientFromForm(
      validForm({ ssn: '12345678', phone: '612555123', email: 'robin@', zip: '5540' }),
      { today: TODAY },
    );
    expect(issues).toEqual([
      { field: 'ssn', message: 'An SSN is 9 digits; use x for each digit you do not know.' },
      { field: 'phone', message: 'A phone number is 10 digits, with the area code.' },
      { field: 'email', message: 'Enter a valid email address.' },
      { field: 'zip', message: 'A ZIP code is 5 digits.' },
    ]);
  });

  it('accepts a phone with punctuation and a country code', () => {
    const { values, issues } = clientFromForm(validForm({ phone: '+1 (612) 555-0123' }), {
      today: TODAY,
    });
    expect(issues).toEqual([]);
    expect(values.phone).toBe('6125550123');
  });

  it('needs a reason when the SSN, DOB, race, sex or veteran status are left out', () => {
    const { issues } = clientFromForm(
      validForm({ ssn: '', dob: '', race: [], sex: null, veteranStatus: null }),
      { today: TODAY },
    );
    expect(issues.map((i) => i.field)).toEqual([
      'ssnDataQuality',
      'dobDataQuality',
      'race',
      'sex',
      'veteranStatus',
    ]);
    const missing = clientFromForm(
      validForm({
        ssn: '',
        ssnDataQuality: 9,
        dob: '',
        dobDataQuality: 8,
        race: [],
        raceNone: 99,
        sex: 99,
        veteranStatus: 99,
      }),
      { today: TODAY },
    );
    expect(missing.issues).toEqual([]);
    expect(missing.values).toMatchObject({ ssn: null, dob: null, race: [], raceNone: 99 });
  });

  it('refuses a value with a "missing" data quality, and a DOB after today', () => {
    const { issues } = clientFromForm(
      validForm({ ssnDataQuality: 99, dob: '2026-03-11', nameDataQuality: 8 }),
      { today: TODAY },
    );
    expect(issues.map((i) => i.field)).toEqual(['nameDataQuality', 'ssnDataQuality', 'dob']);
  });

  it("saves a child's blank veteran status as Data not collected", () => {
    const { values, issues } = clientFromForm(
      validForm({ dob: '2015-01-01', veteranStatus: null }),
      {
        today: TODAY,
      },
    );
    expect(issues).toEqual([]);
    expect(values.veteranStatus).toBe(99);
  });

  it('clears RaceNone when a race is chosen', () => {
    const { values } = clientFromForm(validForm({ race: [5, 3], raceNone: 8 }), { today: TODAY });
    expect(values.race).toEqual([5, 3]);
    expect(values.raceNone).toBeNull();
  });
});

describe('hints, changes and patches', () => {
  it('hints at data quality that does not fit', () => {
    expect(dataQualityHints(validForm({ dobDataQuality: 2 })).dobDataQuality).toMatch(
      /Confirm the exact date/,
    );
    expect(
      dataQualityHints(validForm({ ssn: 'xxxxx1234', ssnDataQuality: 1 })).ssnDataQuality,
    ).toMatch(/Approximate or partial SSN reported/);
    expect(dataQualityHints(validForm({ nameDataQuality: 2 })).nameDataQuality).toMatch(
      /full legal name/,
    );
    expect(dataQualityHints(validForm({ nameDataQuality: 1, ssnDataQuality: 1 }))).toEqual({});
  });

  it('finds changed groups and patches every field of each', () => {
    const record = {
      id: newId(),
      ...clientFromForm(validForm({ phone: '6125550123' }), { today: TODAY }).values,
    };
    const base = clientFormFromRecord(record);
    const form = { ...base, middleName: 'Quinn', phone: '612 555 0199' };
    const groups = changedGroups(base, form);
    expect(groups).toEqual(['name', 'phone']);
    const { values } = clientFromForm(form, { today: TODAY });
    expect(clientPatchFields(values, groups)).toEqual({
      firstName: 'Robin',
      middleName: 'Quinn',
      lastName: 'Testperson',
      nameSuffix: null,
      nameDataQuality: 1,
      phone: '6125550199',
    });
  });

  it('keeps problems of unchanged groups from blocking a save', () => {
    const legacy = clientFormFromRecord({
      firstName: 'Robin',
      lastName: 'Testperson',
      phone: '123',
    });
    const form = { ...legacy, email: 'robin@example.org' };
    const { issues } = clientFromForm(form, { today: TODAY });
    expect(issues.some((i) => i.field === 'phone')).toBe(true);
    expect(issuesOfGroups(issues, changedGroups(legacy, form))).toEqual([]);
  });

  it('computes age on a date', () => {
    expect(ageOn('2008-03-10', TODAY)).toBe(18);
    expect(ageOn('2008-03-11', TODAY)).toBe(17);
    expect(ageOn(null, TODAY)).toBeNull();
  });
});

describe('DOB after project start on a profile edit (W-START-3, Eva 84)', () => {
  it('refuses a DOB after the project start of any enrollment, naming that date', () => {
    const { issues } = clientFromForm(validForm({ dob: '2026-02-20' }), {
      today: TODAY,
      projectStartDates: ['2026-03-01', '2026-02-10'],
    });
    expect(issues).toEqual([
      { field: 'dob', message: expect.stringContaining('(February 10, 2026)') },
    ]);
  });

  it('accepts a DOB on or before every project start, and any DOB without enrollments', () => {
    const onStart = clientFromForm(validForm({ dob: '2026-02-10' }), {
      today: TODAY,
      projectStartDates: ['2026-02-10'],
    });
    expect(onStart.issues).toEqual([]);
    expect(clientFromForm(validForm({ dob: '2026-02-20' }), { today: TODAY }).issues).toEqual([]);
  });
});
