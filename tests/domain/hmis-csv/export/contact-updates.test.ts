// A contact's 4.11 (W-CT6) and 4.05–4.10 (W-CT7) updates, as the contact saves them, exported:
// HealthAndDV.csv and Disabilities.csv rows with DataCollectionStage 2 on the contact date, only
// the changed disabilities, dependent columns null, and no new finding from the Eva ports.
// Synthetic people only.
import { describe, expect, it } from 'vitest';
import {
  checkHmisExport,
  checkHmisStructure,
  hmisExportFiles,
  memoryExportSource,
  type ExportRecord,
  type HmisExportSource,
} from '../../../../src/domain/hmis-csv';
import type { Assessment } from '../../../../src/domain/records';
import {
  buildContactChanges,
  emptyContactForm,
  setPartAnswer,
  type ContactEnrollment,
  type ContactForm,
  type ContactMember,
  type RecordChange,
} from '../../../../src/domain/workflow/contact';
import * as fx from './fixture';

type Files = Map<string, string[][]>;

async function exportFiles(source: HmisExportSource): Promise<Files> {
  const out: Files = new Map();
  for await (const file of hmisExportFiles(source, fx.PARAMS)) {
    const rows: string[][] = [];
    for await (const row of file.rows) rows.push([...row]);
    out.set(file.name, rows);
  }
  return out;
}

function table(files: Files, name: string): Record<string, string>[] {
  const [header, ...rows] = files.get(`${name}.csv`)!;
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

const CONTACT_DATE = '2026-02-20';

function asMember(
  e: typeof fx.HOH_ENROLLMENT,
  dob: string,
  entry: Assessment,
  relationshipToHoH: number,
): ContactMember {
  const enrollment: ContactEnrollment = {
    id: e.id,
    clientId: e.clientId,
    projectStartDate: e.projectStartDate,
    exitDate: e.exitDate,
    relationshipToHoH,
    providerId: e.providerId,
  };
  return { enrollment, dob, entry, updates: [] };
}

/** The HoH's contact: 4.11.B now Yes, no physical disability any more; the child's new 4.06. */
function contactChanges(): RecordChange[] {
  const hoh = asMember(fx.HOH_ENROLLMENT, fx.HOH.dob!, fx.HOH_ENTRY, 1);
  const child = asMember(fx.CHILD_ENROLLMENT, fx.CHILD.dob!, fx.CHILD_ENTRY, 2);
  let form: ContactForm = {
    ...emptyContactForm(Date.parse('2026-03-10T18:00:00Z')),
    date: CONTACT_DATE,
    time: '10:00',
    kind: 'in_person',
    currentLivingSituation: 116,
    dvOpen: true,
    disabilitiesOpen: true,
  };
  form = setPartAnswer(form, 'dv', hoh.enrollment.id, 'currentlyFleeing', 1);
  form = setPartAnswer(form, 'disabilities', hoh.enrollment.id, 'physicalDisability', 0);
  form = setPartAnswer(form, 'disabilities', child.enrollment.id, 'developmentalDisability', 1);
  const result = buildContactChanges({
    form,
    enrollment: hoh.enrollment,
    dob: hoh.dob,
    defaults: { kind: null, location: null, previousCls: null },
    entry: hoh.entry,
    updates: [],
    household: [hoh, child],
    projectType: fx.PROVIDER.projectType,
    today: '2026-03-10',
    now: Date.parse('2026-03-10T18:00:00Z'),
    ids: {
      update: fx.id('contact-update-hoh'),
      members: { [child.enrollment.id]: { update: fx.id('contact-update-child') } },
    },
  });
  expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return result.changes;
}

function withContact(changes: readonly RecordChange[]) {
  const records = fx.fixtureRecords();
  const meta = fx.meta('2026-02-20T16:00:00Z');
  const assessments: ExportRecord<'assessment'>[] = changes
    .filter((c) => c.type === 'assessment')
    .map((c) => {
      const answers: Assessment['answers'] = {};
      for (const [k, v] of Object.entries(c.fields)) {
        if (k.startsWith('answers.')) answers[k.slice('answers.'.length)] = v as never;
      }
      const record: Assessment = {
        id: c.id,
        enrollmentId: c.fields.enrollmentId as string,
        clientId: c.fields.clientId as string,
        dataCollectionStage: c.fields.dataCollectionStage as number,
        informationDate: c.fields.informationDate as string,
        answers,
      };
      return { record, meta, deleted: false };
    });
  return { ...records, assessment: [...records.assessment, ...assessments] };
}

describe('HMIS CSV export of a contact’s 4.11 and 4.05–4.10 updates', () => {
  it('W-CT6/W-CT7 writes HealthAndDV.csv and Disabilities.csv rows at DataCollectionStage 2', async () => {
    const changes = contactChanges();
    expect(
      changes.filter((c) => c.type === 'assessment').map((c) => c.fields.dataCollectionStage),
    ).toEqual([2, 2]);
    const files = await exportFiles(memoryExportSource(withContact(changes), fx.USERS));

    const dv = table(files, 'HealthAndDV').filter((r) => r.DataCollectionStage === '2');
    expect(dv).toEqual([
      expect.objectContaining({
        HealthAndDVID: fx.id('contact-update-hoh'),
        EnrollmentID: fx.HOH_ENROLLMENT.id,
        PersonalID: fx.HOH.id,
        InformationDate: CONTACT_DATE,
        DomesticViolenceSurvivor: '1',
        WhenOccurred: '3',
        CurrentlyFleeing: '1',
      }),
    ]);

    const updates = table(files, 'Disabilities').filter((r) => r.DataCollectionStage === '2');
    expect(
      updates.map((r) => [
        r.EnrollmentID,
        r.InformationDate,
        r.DisabilityType,
        r.DisabilityResponse,
        r.IndefiniteAndImpairs,
      ]),
    ).toEqual([
      [fx.HOH_ENROLLMENT.id, CONTACT_DATE, '5', '0', ''],
      [fx.CHILD_ENROLLMENT.id, CONTACT_DATE, '6', '1', ''],
    ]);
    // The Entry rows stay at stage 1; the updates hold no income, so no IncomeBenefits row.
    expect(table(files, 'Disabilities').filter((r) => r.DataCollectionStage === '1')).toHaveLength(
      2,
    );
    expect(
      table(files, 'IncomeBenefits').filter((r) => r.InformationDate === CONTACT_DATE),
    ).toEqual([]);
  });

  it('adds no finding to the Eva structure and data-quality ports', async () => {
    const before = await exportFiles(memoryExportSource(fx.fixtureRecords(), fx.USERS));
    const after = await exportFiles(memoryExportSource(withContact(contactChanges()), fx.USERS));
    const ids = (files: Files) =>
      checkHmisStructure(files).map((f) => `${f.checkId}:${f.severity}`);
    expect(ids(after)).toEqual(ids(before));
    expect(checkHmisExport(after).counts).toEqual(checkHmisExport(before).counts);
    expect(checkHmisExport(after).byCheck).toEqual(checkHmisExport(before).byCheck);
  });
});
