// Queued changes in a case manager's words, and the editing rules for fixing a rejected change.
import { describe, expect, it } from 'vitest';
import {
  BLANK_TEXT,
  describeChange,
  editorText,
  fieldInfo,
  fieldLines,
  instantToLocalInput,
  isEditable,
  localInputToInstant,
  parseEditorText,
  recordHome,
  recordName,
  valueText,
} from '../../../src/domain/workflow/change-summary';
import { clientFields, clsFields, contactFields, ids } from '../merge/fixtures';

describe('describeChange', () => {
  it('names a patch by its record and fields', () => {
    const s = describeChange(
      {
        recordType: 'client',
        op: 'patch',
        fields: { phone: '6125550100', email: 'r@example.org' },
      },
      { subject: 'Robin Testperson' },
    );
    expect(s.headline).toBe('Client profile for Robin Testperson');
    expect(s.detail).toBe('Changed: Phone, Email');
    expect(s.text).toBe('Client profile for Robin Testperson: Phone, Email');
    expect(s.fields.map((f) => [f.label, f.text])).toEqual([
      ['Phone', '(612) 555-0100'],
      ['Email', 'r@example.org'],
    ]);
  });

  it('says "New" for a create and leaves record links out of the fields', () => {
    const s = describeChange(
      { recordType: 'contact', op: 'create', fields: contactFields() },
      { subject: 'Robin Testperson' },
    );
    expect(s.headline).toBe('Contact for Robin Testperson');
    expect(s.text).toBe('New contact for Robin Testperson');
    expect(s.fields.map((f) => f.path)).toEqual(['contactAt', 'location', 'kind', 'note']);
    expect(s.fields.find((f) => f.path === 'contactAt')?.text).toBe('Apr 10, 2026, 11:30 AM');
  });

  it('keeps the capitals of a HUD element name', () => {
    const s = describeChange({
      recordType: 'currentLivingSituation',
      op: 'create',
      fields: clsFields(),
    });
    expect(s.text).toBe('New Current Living Situation');
  });

  it('names an assessment by its stage, from the change or from the record', () => {
    expect(
      describeChange({
        recordType: 'assessment',
        op: 'patch',
        fields: { 'answers.incomeFromAnySource': 1 },
      }).headline,
    ).toBe('Assessment');
    const s = describeChange(
      { recordType: 'assessment', op: 'patch', fields: { 'answers.incomeFromAnySource': 1 } },
      { record: { dataCollectionStage: 1 }, subject: 'Robin Testperson' },
    );
    expect(s.headline).toBe('Entry assessment for Robin Testperson');
    expect(s.fields[0]!.label).not.toBe('answers.incomeFromAnySource');
    expect(s.fields[0]!.text).toBe('Yes');
  });

  it('calls an enrollment patch of the exit fields an Exit', () => {
    const s = describeChange({
      recordType: 'enrollment',
      op: 'patch',
      fields: {
        exitDate: '2026-03-09',
        exitReason: 'housed',
        destination: null,
        destinationSubsidyType: null,
      },
    });
    expect(s.headline).toBe('Exit');
    expect(s.fields.map((f) => f.text)).toEqual(['Mar 9, 2026', 'Housed', BLANK_TEXT, BLANK_TEXT]);
  });

  it('counts the fields beyond four', () => {
    const s = describeChange({ recordType: 'client', op: 'patch', fields: clientFields() });
    expect(s.detail).toMatch(/^Changed: First name, Middle name, Last name and \d+ more$/);
  });

  it('describes deletes and restores', () => {
    expect(describeChange({ recordType: 'contact', op: 'delete', fields: {} }).text).toBe(
      'Deleted: Contact',
    );
    expect(
      describeChange({ recordType: 'contact', op: 'restore', fields: {} }, { subject: 'Robin' })
        .text,
    ).toBe('Restored: Contact for Robin');
  });
});

describe('values', () => {
  it('writes codes, lists, SSNs and addresses as a case manager reads them', () => {
    const lines = fieldLines(
      'client',
      clientFields({
        address: {
          line1: '1 Main St',
          line2: null,
          city: 'Minneapolis',
          state: 'MN',
          zip: '55401',
        },
      }),
    );
    const text = Object.fromEntries(lines.map((l) => [l.path, l.text]));
    expect(text.ssn).toBe('ending in 1234');
    expect(text.dob).toBe('May 17, 1990');
    expect(text.middleName).toBe(BLANK_TEXT);
    expect(text.address).toBe('1 Main St, Minneapolis, MN, 55401');
    expect(text.race).not.toMatch(/^\d/);
    expect(text.veteranStatus).toBe('No');
  });

  it('uses the local picklist labels and shows a record link as such', () => {
    expect(valueText(fieldInfo('contact', 'kind'), 'in_person')).not.toBe('in_person');
    expect(valueText(fieldInfo('contact', 'enrollmentId'), ids.enrollment)).toBe('(linked record)');
    expect(valueText(fieldInfo('currentLivingSituation', 'currentLivingSituation'), 116)).toMatch(
      /[a-z]/i,
    );
  });

  it('names a field nobody defined from its name', () => {
    expect(fieldInfo('client', 'favouriteColour')).toMatchObject({
      label: 'Favourite colour',
      kind: 'unknown',
    });
  });
});

describe('recordName and recordHome', () => {
  it('opens clients and enrollments themselves, and other records at their enrollment', () => {
    expect(recordName('caseManagerAssignment')).toBe('Case manager assignment');
    expect(recordHome('client', 'c1')).toEqual({ kind: 'client', id: 'c1' });
    expect(recordHome('enrollment', 'e1')).toEqual({ kind: 'enrollment', id: 'e1' });
    expect(recordHome('contact', 'x', null, { enrollmentId: 'e2' })).toEqual({
      kind: 'enrollment',
      id: 'e2',
    });
    expect(recordHome('assessment', 'x', { enrollmentId: 'e3' }, { enrollmentId: 'e4' })).toEqual({
      kind: 'enrollment',
      id: 'e3',
    });
    expect(recordHome('contact', 'x', null, {})).toBeNull();
  });
});

describe('fixing a rejected change', () => {
  it('lets text, numbers, dates and choices be corrected but never record links or lists', () => {
    expect(isEditable(fieldInfo('client', 'email'))).toBe(true);
    expect(isEditable(fieldInfo('currentLivingSituation', 'clsSubsidyType'))).toBe(true);
    expect(isEditable(fieldInfo('contact', 'enrollmentId'))).toBe(false);
    expect(isEditable(fieldInfo('client', 'race'))).toBe(false);
    expect(isEditable(fieldInfo('client', 'address'))).toBe(false);
  });

  it('turns typed text back into values, blank into null', () => {
    const email = fieldInfo('client', 'email');
    expect(parseEditorText(email, '  robin@example.org ')).toEqual({
      ok: true,
      value: 'robin@example.org',
    });
    expect(parseEditorText(email, '   ')).toEqual({ ok: true, value: null });
    expect(parseEditorText(fieldInfo('client', 'phone'), '(612) 555-0100')).toEqual({
      ok: true,
      value: '6125550100',
    });
    expect(parseEditorText(fieldInfo('client', 'phone'), '555')).toMatchObject({ ok: false });
    expect(parseEditorText(fieldInfo('client', 'sex'), '1')).toEqual({ ok: true, value: 1 });
    expect(parseEditorText(fieldInfo('client', 'dob'), '03/04/1990')).toMatchObject({
      ok: false,
      message: 'Date of birth: enter a date',
    });
    expect(
      parseEditorText({ path: 'answers.x', label: 'Amount', kind: 'money' }, '$1,250.50'),
    ).toEqual({ ok: true, value: 1250.5 });
    expect(parseEditorText({ path: 'answers.x', label: 'Amount', kind: 'money' }, 'lots')).toEqual({
      ok: false,
      message: 'Amount: enter a number',
    });
  });

  it('edits an instant as Minnesota wall-clock time, both ways, across daylight saving', () => {
    expect(instantToLocalInput('2026-04-10T16:30:00Z')).toBe('2026-04-10T11:30');
    expect(localInputToInstant('2026-04-10T11:30')).toBe('2026-04-10T16:30:00.000Z');
    expect(localInputToInstant('2026-01-10T11:30')).toBe('2026-01-10T17:30:00.000Z');
    expect(localInputToInstant('not a time')).toBeNull();
    const contactAt = fieldInfo('contact', 'contactAt');
    expect(editorText(contactAt, '2026-04-10T16:30:00Z')).toBe('2026-04-10T11:30');
    expect(parseEditorText(contactAt, '2026-04-10T11:30')).toEqual({
      ok: true,
      value: '2026-04-10T16:30:00.000Z',
    });
    expect(editorText(fieldInfo('client', 'email'), null)).toBe('');
  });
});
