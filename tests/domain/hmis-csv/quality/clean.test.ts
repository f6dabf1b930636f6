// The clean synthetic export passes every ported check; the incremental checker and the
// convenience function agree; findings are capped while the counts stay exact.
import { describe, expect, it } from 'vitest';
import {
  checkHmisExport,
  createHmisExportChecker,
  EVA_CHECKS,
  NOT_PORTED_EVA_IDS,
  PORTED_DATA_QUALITY_EVA_IDS,
  PORTED_STRUCTURE_EVA_IDS,
} from '../../../../src/domain/hmis-csv';
import { cleanRows, exportWith, toFiles } from './builder';

describe('HMIS export check: the whole port', () => {
  it('a clean export yields zero findings', () => {
    const report = checkHmisExport(toFiles(cleanRows()));
    expect(report.findings).toEqual([]);
    expect(report.counts).toEqual({ error: 0, high: 0, warning: 0 });
    expect(report.byCheck).toEqual([]);
    expect(report.truncated).toBe(false);
  });

  it('the incremental checker and checkHmisExport agree', () => {
    const files = exportWith((rows) => {
      rows.Enrollment[0]!.EnrollmentCoC = '';
      rows.Exit[0]!.ExitDate = '2026-01-01';
      rows.Client[1]!.DOBDataQuality = '99';
    });
    const checker = createHmisExportChecker();
    for (const [name, [header, ...data]] of files) {
      checker.file(name, header!);
      for (const fields of data) checker.row(name, fields);
    }
    const incremental = checker.finish();
    const whole = checkHmisExport(files);
    expect(incremental).toEqual(whole);
    expect(whole.byCheck.map((c) => c.checkId)).toEqual(['27', '99', '60']);
  });

  it('caps findings at maxFindings while counts stay exact', () => {
    const files = exportWith((rows) => {
      for (let i = 3; i < 40; i++) {
        rows.Client.push({ ...rows.Client[0]!, PersonalID: `C${i}`, SSNDataQuality: '9' });
        rows.Enrollment.push({
          ...rows.Enrollment[0]!,
          EnrollmentID: `E${i}`,
          PersonalID: `C${i}`,
          HouseholdID: `H${i}`,
        });
        rows.IncomeBenefits.push(
          {
            ...rows.IncomeBenefits[0]!,
            IncomeBenefitsID: `I${i}a`,
            EnrollmentID: `E${i}`,
            PersonalID: `C${i}`,
          },
          {
            ...rows.IncomeBenefits[1]!,
            IncomeBenefitsID: `I${i}b`,
            EnrollmentID: `E${i}`,
            PersonalID: `C${i}`,
          },
        );
      }
    });
    const report = checkHmisExport(files, { maxFindings: 10 });
    expect(report.findings).toHaveLength(10);
    expect(report.truncated).toBe(true);
    expect(report.counts).toEqual({ error: 0, high: 0, warning: 37 });
    expect(report.byCheck).toEqual([
      { checkId: '67', title: 'Unknown SSN', severity: 'warning', count: 37 },
    ]);
    expect(checkHmisExport(files).findings).toHaveLength(37);
  });

  it('takes titles and severities from Eva’s list; the not-ported list names real checks', () => {
    expect(EVA_CHECKS.get('87')).toMatchObject({
      title: 'Missing Income at Entry',
      severity: 'error',
    });
    for (const id of NOT_PORTED_EVA_IDS) expect(EVA_CHECKS.has(id)).toBe(true);
  });

  it('every Eva check is either ported or listed as not ported, with its source', () => {
    const ported = [...PORTED_STRUCTURE_EVA_IDS, ...PORTED_DATA_QUALITY_EVA_IDS];
    expect(ported.filter((id) => NOT_PORTED_EVA_IDS.has(id))).toEqual([]);
    expect(new Set([...ported, ...NOT_PORTED_EVA_IDS]).size).toBe(EVA_CHECKS.size);
    for (const id of PORTED_STRUCTURE_EVA_IDS)
      expect(EVA_CHECKS.get(id)?.source).toBe('file structure');
    for (const id of PORTED_DATA_QUALITY_EVA_IDS)
      expect(EVA_CHECKS.get(id)?.source).not.toBe('file structure');
  });

  it('names the client and enrollment of a structure finding raised on their row (Eva 6)', () => {
    const report = checkHmisExport(exportWith((rows) => (rows.Enrollment[1]!.DateCreated = '')));
    expect(report.findings).toEqual([
      expect.objectContaining({
        checkId: '6',
        file: 'Enrollment.csv',
        line: 3,
        personalId: 'C2',
        enrollmentId: 'E2',
      }),
    ]);
  });

  it('never puts a name, DOB or SSN in a message', () => {
    const files = exportWith((rows) => {
      rows.Export[0]!.HashStatus = '1';
      rows.Client[0] = {
        ...rows.Client[0]!,
        FirstName: 'Zebulon',
        SSN: '123456789',
        DOB: '2027-01-01',
      };
    });
    const report = checkHmisExport(files);
    expect(report.findings.length).toBeGreaterThan(0);
    for (const f of report.findings) expect(f.message).not.toMatch(/Zebulon|123456789|2027-01-01/);
  });
});
