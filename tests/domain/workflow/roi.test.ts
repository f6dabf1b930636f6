// The HMIS Release of Information (Minnesota), rules W-ROI in src/domain/workflow/RULES.md: the
// record field, the basic client record, the form, and who is asked at project start. Synthetic
// people only.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PICKLIST_REGISTRY, PICKLIST_IDS } from '../../../src/domain/forms';
import { mergeMutation, stampMutation, unflattenFields } from '../../../src/domain/merge';
import { RECORD_SCHEMAS, clientSchema } from '../../../src/domain/records';
import { fieldInfo } from '../../../src/domain/workflow/change-fields';
import { valueText } from '../../../src/domain/workflow/change-values';
import {
  ROI_BASIC_CLIENT_FIELDS,
  ROI_WITHHELD_CLIENT_FIELDS,
  asksRoi,
  emptyRoiAnswer,
  roiFromAnswer,
  roiOf,
  roiVisibilityText,
  sharesWithOtherOrganizations,
} from '../../../src/domain/workflow/roi';
import {
  buildProjectStartChanges,
  checkProjectStart,
  emptyNewMember,
  headRoi,
  type ProjectStartInput,
  type ProjectStartMember,
} from '../../../src/domain/workflow/project-start';
import { emptyStartCls } from '../../../src/domain/workflow/start-cls';
import { Device, clientFields } from '../merge/fixtures';

const TODAY = '2026-03-10';
const SHARE = { choice: 'share', date: '2026-03-02', method: 'signed' } as const;
const DO_NOT_SHARE = { choice: 'do_not_share', date: '2026-03-02', method: 'verbal' } as const;
const id = (n: number) => n.toString(16).padStart(32, '0');

describe('W-ROI-1 — the choice on the client', () => {
  it('is one optional field: choice, date and method from the local picklists', () => {
    const { id: _id, ...rest } = { id: id(1), ...unflattenFields(id(1), clientFields()) };
    expect(clientSchema.safeParse({ id: id(1), ...rest }).success).toBe(true);
    expect(clientSchema.safeParse({ id: id(1), ...rest, roi: null }).success).toBe(true);
    expect(clientSchema.safeParse({ id: id(1), ...rest, roi: SHARE }).success).toBe(true);
    for (const bad of [
      { ...SHARE, choice: 'maybe' },
      { ...SHARE, method: 'telepathy' },
      { ...SHARE, date: '2026-02-30' },
      { choice: 'share', date: '2026-03-02' },
      { ...SHARE, note: 'an extra key' },
    ]) {
      expect(clientSchema.safeParse({ id: id(1), ...rest, roi: bad }).success).toBe(false);
    }
    expect(PICKLIST_IDS.roiChoice).toBe('local:roi-choice');
    expect(
      DEFAULT_PICKLIST_REGISTRY.activeOptions(PICKLIST_IDS.roiMethod).map((o) => o.code),
    ).toEqual(['signed', 'verbal']);
  });

  it('shares only with a recorded Share: Do Not Share, none or anything else does not', () => {
    expect(sharesWithOtherOrganizations({ roi: SHARE })).toBe(true);
    expect(sharesWithOtherOrganizations({ roi: DO_NOT_SHARE })).toBe(false);
    expect(sharesWithOtherOrganizations({ roi: null })).toBe(false);
    expect(sharesWithOtherOrganizations({})).toBe(false);
    expect(sharesWithOtherOrganizations({ roi: { ...SHARE, choice: 'share_later' } })).toBe(false);
    expect(sharesWithOtherOrganizations({ roi: 'share' })).toBe(false);
  });

  it('merges as one field: the three always change together', () => {
    const device = new Device('dev-roi', id(9));
    const created = mergeMutation(
      null,
      stampMutation(
        device.create('client', id(1), clientFields({ roi: SHARE })),
        id(9),
        device.time,
      ),
    );
    expect(created.status).toBe('applied');
    const changed = mergeMutation(
      created.state,
      stampMutation(
        device.advance(1000).patch('client', id(1), { roi: DO_NOT_SHARE }),
        id(9),
        device.time,
      ),
    );
    expect(changed.state?.fields.roi).toEqual(DO_NOT_SHARE);
    const refused = mergeMutation(
      changed.state,
      stampMutation(
        device.advance(1000).patch('client', id(1), { roi: { choice: 'share' } }),
        id(9),
        device.time,
      ),
    );
    expect(refused.status).toBe('rejected');
  });

  it('reads as a sentence in the list of changes', () => {
    const info = fieldInfo('client', 'roi');
    expect(info.label).toBe('HMIS Release of Information');
    expect(valueText(info, DO_NOT_SHARE)).toBe(
      'Do Not Share, given Mar 2, 2026 (Verbal (to be signed in person))',
    );
  });
});

describe('W-ROI-2 — the basic client record', () => {
  it('is every client field but the contact information, the ROI itself included', () => {
    expect([...ROI_WITHHELD_CLIENT_FIELDS].sort()).toEqual(['address', 'email', 'phone']);
    expect([...ROI_BASIC_CLIENT_FIELDS].sort()).toEqual(
      [
        'additionalRaceEthnicity',
        'dob',
        'dobDataQuality',
        'firstName',
        'lastName',
        'middleName',
        'nameDataQuality',
        'nameSuffix',
        'race',
        'raceNone',
        'roi',
        'sex',
        'ssn',
        'ssnDataQuality',
        'veteranStatus',
      ].sort(),
    );
    // Every field of the record is classified (a new field must be added to one list).
    const all = Object.keys(RECORD_SCHEMAS.client.shape).filter((f) => f !== 'id');
    expect([...ROI_BASIC_CLIENT_FIELDS, ...ROI_WITHHELD_CLIENT_FIELDS].sort()).toEqual(all.sort());
  });

  it('says what each choice means for other organizations', () => {
    expect(roiVisibilityText(SHARE)).toContain('can see');
    expect(roiVisibilityText(DO_NOT_SHARE)).toMatch(/^Do Not Share: other organizations see only/);
    expect(roiVisibilityText(null)).toMatch(/No Release of Information is recorded/);
  });
});

describe('W-ROI-6 — asked at creation', () => {
  it('records nothing for no answer, blocks a partial one, and refuses a date in the future', () => {
    expect(roiFromAnswer(emptyRoiAnswer(), { today: TODAY })).toEqual({ roi: null, issues: [] });
    expect(roiFromAnswer({ ...SHARE }, { today: TODAY })).toEqual({ roi: SHARE, issues: [] });
    expect(
      roiFromAnswer({ choice: 'share', date: '', method: null }, { today: TODAY }).issues.map(
        (i) => i.field,
      ),
    ).toEqual(['date', 'method']);
    expect(
      roiFromAnswer({ choice: null, date: TODAY, method: 'signed' }, { today: TODAY }).issues,
    ).toEqual([{ field: 'choice', message: 'Choose Share or Do Not Share.' }]);
    expect(
      roiFromAnswer({ ...SHARE, date: '2026-03-11' }, { today: TODAY, whose: 'Robin' }).issues,
    ).toEqual([
      {
        field: 'date',
        message: 'The date the Release of Information was given for Robin cannot be in the future.',
      },
    ]);
    expect(roiFromAnswer({ ...SHARE, date: '2026-13-01' }, { today: TODAY }).roi).toBeNull();
    expect(roiOf({ roi: SHARE })).toEqual(SHARE);
    expect(roiOf({ roi: { choice: 'share' } })).toBeNull();
  });
});

describe('W-ROI-7 — asked at project start', () => {
  function member(overrides: Partial<ProjectStartMember> = {}): ProjectStartMember {
    return {
      key: id(1),
      clientId: id(1),
      newClient: null,
      dob: '1990-05-17',
      name: 'Robin Testperson',
      relationshipToHoH: 1,
      answers: {},
      cls: { ...emptyStartCls(), currentLivingSituation: 116 },
      roi: null,
      ...overrides,
    };
  }
  const partner = member({
    key: id(2),
    clientId: id(2),
    name: 'Sam Testperson',
    relationshipToHoH: 3,
    dob: '1992-01-01',
  });
  const child = member({
    key: id(3),
    clientId: id(3),
    name: 'Jo Testperson',
    relationshipToHoH: 2,
    dob: '2018-06-01',
    cls: undefined,
  });
  function input(members: ProjectStartMember[]): ProjectStartInput {
    return {
      providerId: id(10),
      projectType: 6,
      projectStartDate: '2026-03-02',
      today: TODAY,
      caseManagerId: id(11),
      caseManagerStartDate: null,
      members,
    };
  }
  let n = 100;
  const makeId = () => id((n += 1));

  it('asks the head of household and adults, not children; an unknown DOB counts as adult', () => {
    expect(asksRoi({ relationshipToHoH: 1, dob: '2010-01-01' }, '2026-03-02')).toBe(true);
    expect(asksRoi({ relationshipToHoH: 3, dob: '1990-01-01' }, '2026-03-02')).toBe(true);
    expect(asksRoi({ relationshipToHoH: 2, dob: '2010-01-01' }, '2026-03-02')).toBe(false);
    expect(asksRoi({ relationshipToHoH: 2, dob: null }, '2026-03-02')).toBe(true);
  });

  it('warns about an adult left without one and never blocks; a partial answer blocks', () => {
    const check = checkProjectStart(input([member(), partner, child]));
    expect(check.errors).toEqual([]);
    expect(check.warnings.filter((w) => w.target.kind === 'member')).toEqual([
      {
        target: { kind: 'member', memberKey: id(1), field: 'roiChoice' },
        message:
          'No HMIS Release of Information for Robin Testperson: until one is recorded, Robin Testperson is treated as Do Not Share.',
      },
      {
        target: { kind: 'member', memberKey: id(2), field: 'roiChoice' },
        message: expect.stringContaining('Sam Testperson'),
      },
    ]);
    const partial = checkProjectStart(
      input([member({ roiAnswer: { choice: 'share', date: '', method: 'signed' } })]),
    );
    expect(partial.errors).toEqual([
      {
        target: { kind: 'member', memberKey: id(1), field: 'roiDate' },
        message: 'Enter the date the Release of Information was given for Robin Testperson.',
      },
    ]);
  });

  it('does not ask again for one on record', () => {
    const check = checkProjectStart(input([member({ roi: SHARE })]));
    expect(check.warnings.filter((w) => w.target.kind === 'member')).toEqual([]);
    const { changes } = buildProjectStartChanges(input([member({ roi: SHARE })]), { makeId });
    expect(changes.filter((c) => c.type === 'client')).toEqual([]);
  });

  it("writes the answers, last, as ROI patches; children get the head of household's", () => {
    const members = [
      member({ roiAnswer: { ...DO_NOT_SHARE } }),
      { ...partner, roiAnswer: { ...SHARE } },
      child,
      member({
        key: id(4),
        clientId: id(4),
        name: 'Lee Testperson',
        relationshipToHoH: 2,
        dob: null,
        newClient: {
          ...emptyNewMember(),
          firstName: 'Lee',
          nameDataQuality: 2,
          dob: '2020-02-02',
          dobDataQuality: 1,
        },
        roi: undefined,
        cls: undefined,
      }),
    ];
    const i = input(members);
    expect(checkProjectStart(i).errors).toEqual([]);
    expect(headRoi(i)).toEqual(DO_NOT_SHARE);
    const { changes } = buildProjectStartChanges(i, { makeId });
    // The quick-created child: the head's choice in the create.
    expect(changes[0]).toMatchObject({ type: 'client', id: id(4), op: 'create' });
    expect(changes[0]!.fields.roi).toEqual(DO_NOT_SHARE);
    const patches = changes.filter((c) => c.type === 'client' && c.op === 'patch');
    expect(patches).toEqual([
      { type: 'client', id: id(1), op: 'patch', fields: { roi: DO_NOT_SHARE } },
      { type: 'client', id: id(2), op: 'patch', fields: { roi: SHARE } },
      { type: 'client', id: id(3), op: 'patch', fields: { roi: DO_NOT_SHARE } },
    ]);
    // After every enrollment: a client found on the server enters the caseload first.
    const lastEnrollment = changes.map((c) => c.type).lastIndexOf('enrollment');
    expect(changes.indexOf(patches[0]!)).toBeGreaterThan(lastEnrollment);
  });

  it("gives children the head's recorded choice when the head is not asked", () => {
    const { changes } = buildProjectStartChanges(input([member({ roi: SHARE }), child]), {
      makeId,
    });
    expect(changes.filter((c) => c.type === 'client')).toEqual([
      { type: 'client', id: id(3), op: 'patch', fields: { roi: SHARE } },
    ]);
    // A child with their own on record keeps it.
    const own = buildProjectStartChanges(
      input([member({ roi: SHARE }), { ...child, roi: DO_NOT_SHARE }]),
      { makeId },
    );
    expect(own.changes.filter((c) => c.type === 'client')).toEqual([]);
  });
});
