// The project's port of HUD Eva's data-quality checks (hud-eva-checks.csv, Sources "dq" and
// "pdde"), run with the structure checks (../structure) on every HMIS CSV export, in one pass:
// `createHmisExportChecker` takes files one after another (header, then rows, in the CSV-2026
// order) and keeps only compact indexes across files (./state.ts), so a county-sized export is
// never held in memory; `checkHmisExport` feeds it parsed files.
//
// Ported, by Eva id (title and severity from Eva's list, ./eva-checks.ts):
//   Households: 1 duplicate entries · 2 no head of household · 3 too many heads · 4 missing
//     relationship · 86 oldest member under 12 · 77 overlapping residential stays.
//   Universal elements: 34 missing DOB · 60 unknown DOB · 63 unknown race · 66 unknown veteran
//     status · 67 unknown SSN · 78 incomplete name · 84 DOB after project start · 143 over 100.
//   Project start: 26 length of stay · 27 Enrollment CoC · 28 date homeless · 29 previous
//     street/ES/SH · 30 residence prior · 31 months/times homeless · 32 unknown disabling
//     condition · 41 incomplete living situation · 61 unknown months/times · 64 and 68 unknown
//     residence prior · 69 homeless start after entry · 70 months can be determined · 71 months
//     vs start date · 73 unknown length of stay · 75 future entry · 105 start date vs counts ·
//     130 prior living subsidy type.
//   Exit: 14 future exit · 59 unknown destination · 99 exit before start · 121 destination
//     subsidy type · 40 move-in outside the stay.
//   Income, benefits, insurance (when a funder requires them, Eva's funder table): 87 88 89 90
//     income · 92 93 94 95 insurance · 96 97 non-cash benefits.
//   Current Living Situation: 129 subsidy type.
//   Participation and operating periods: 111–115 · 116–120.
//   Project descriptors: 5 geography · 35 project missing from ProjectCoC · 36 housing type ·
//     42 address · 81 operating end date · 110 RRH subtype · 128 and 131 overlapping
//     participation · 133 VSP participating · 139 client data in a VSP project.
// Not ported, with the reason: NOT_PORTED_EVA_CHECKS (./coverage.ts): 15–23, 25, 56–58 SSVF ·
// 37, 43, 44, 46, 79, 83, 132, 135–138, 141 inventory · 106–108, 142 bed nights · 100, 102, 103
// Eva local settings · 72, 104 system-wide percentiles · 127 zip type (the zip reader).
//
// Where this port differs from Eva: 1 reports the second and later duplicates (Eva lists every
// copy); 87/89/92/93/96 also flag an enrollment with no
// IncomeBenefits row at that stage (Eva sees only a row whose "from any source" is empty);
// 14 compares with ExportDate, 75 with the record's DateCreated, as Eva does. Findings name the
// record by file, line, PersonalID and EnrollmentID; messages carry no name, DOB or SSN.
export * from './types';
export * from './checker';
export { EVA_CHECKS, type EvaCheck } from './eva-checks';
export * from './coverage';
