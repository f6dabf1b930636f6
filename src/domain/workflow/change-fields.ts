// What each field of a queued change is called and how its value is written and edited (text,
// number, date, a choice from its HUD list or local picklist): record fields from the table below,
// assessment answers from their form definitions.
import { fieldById, PICKLIST_IDS } from '../forms';
import { answerFieldId, isAnswerField } from '../merge';
import { type RecordType } from '../records';

/** How a field's value is written and, when a rejected change is fixed, edited. */
export type FieldKind =
  | 'text'
  | 'multiline'
  | 'number'
  | 'money'
  | 'date'
  | 'instant'
  | 'boolean'
  /** One code of a HUD list (`listId`). */
  | 'code'
  /** Several codes of a HUD list. */
  | 'codes'
  /** One option of a local picklist (`picklistId`). */
  | 'picklist'
  | 'picklists'
  | 'exitReason'
  | 'ssn'
  | 'phone'
  | 'address'
  /** The HMIS Release of Information: choice, date and how it was given (W-ROI-1). */
  | 'roi'
  /** A link to another record: never shown as a value and never edited by hand. */
  | 'id'
  | 'unknown';

export interface FieldInfo {
  /** The flat field path, e.g. `phone` or `answers.incomeFromAnySource`. */
  path: string;
  label: string;
  kind: FieldKind;
  listId?: string;
  picklistId?: string;
}

type FieldSpec = Omit<FieldInfo, 'path'>;

const id = (label: string): FieldSpec => ({ label, kind: 'id' });
const text = (label: string): FieldSpec => ({ label, kind: 'text' });
const date = (label: string): FieldSpec => ({ label, kind: 'date' });
const code = (label: string, listId: string): FieldSpec => ({ label, kind: 'code', listId });

const FIELDS: Readonly<Record<RecordType, Readonly<Record<string, FieldSpec>>>> = {
  client: {
    firstName: text('First name'),
    middleName: text('Middle name'),
    lastName: text('Last name'),
    nameSuffix: text('Suffix'),
    nameDataQuality: code('Name data quality', '3.01.5'),
    ssn: { label: 'SSN', kind: 'ssn' },
    ssnDataQuality: code('SSN data quality', '3.02.2'),
    dob: date('Date of birth'),
    dobDataQuality: code('Date of birth data quality', '3.03.2'),
    race: { label: 'Race and ethnicity', kind: 'codes', listId: '3.04' },
    raceNone: code('Race and ethnicity not answered', '1.6'),
    additionalRaceEthnicity: text('Additional race and ethnicity detail'),
    sex: code('Sex', '4.21'),
    veteranStatus: code('Veteran status', '1.8'),
    phone: { label: 'Phone', kind: 'phone' },
    email: text('Email'),
    address: { label: 'Address', kind: 'address' },
    roi: { label: 'HMIS Release of Information', kind: 'roi' },
  },
  enrollment: {
    clientId: id('Client'),
    providerId: id('Provider'),
    householdId: id('Household'),
    relationshipToHoH: code('Relationship to head of household', '3.15.1'),
    projectStartDate: date('Project start date'),
    entryType: text('Entry type'),
    exitDate: date('Exit date'),
    exitReason: { label: 'Why case management ended', kind: 'exitReason' },
    destination: code('Destination', '3.12.1'),
    destinationSubsidyType: code('Destination rental subsidy type', '3.12.A'),
    otherDestination: text('Other destination'),
    enrollmentCoc: text('Enrollment CoC'),
    dateOfEngagement: date('Date of engagement'),
  },
  assessment: {
    enrollmentId: id('Enrollment'),
    clientId: id('Client'),
    dataCollectionStage: code('Data collection stage', '5.03.1'),
    informationDate: date('Information date'),
  },
  currentLivingSituation: {
    enrollmentId: id('Enrollment'),
    clientId: id('Client'),
    informationDate: date('Information date'),
    currentLivingSituation: code('Current Living Situation', '4.12.2'),
    clsSubsidyType: code('Rental subsidy type', '3.12.A'),
    verifiedBy: text('Verified by'),
    leaveSituation14Days: code('Must leave the current situation within 14 days', '1.8'),
    subsequentResidence: code('A next place to stay has been found', '1.8'),
    resourcesToObtain: code('Has resources to get permanent housing', '1.8'),
    leaseOwn60Day: code('Had a lease or ownership in the last 60 days', '1.8'),
    movedTwoOrMore: code('Moved 2 or more times in the last 60 days', '1.8'),
    locationDetails: text('Location details'),
  },
  contact: {
    enrollmentId: id('Enrollment'),
    clientId: id('Client'),
    contactAt: { label: 'Date and time of contact', kind: 'instant' },
    location: { label: 'Location', kind: 'picklist', picklistId: PICKLIST_IDS.contactLocation },
    kind: { label: 'Type of contact', kind: 'picklist', picklistId: PICKLIST_IDS.contactKind },
    note: { label: 'Note', kind: 'multiline' },
    currentLivingSituationId: id('Current Living Situation'),
    interimAssessmentId: id('Update assessment'),
  },
  caseManagerAssignment: {
    enrollmentId: id('Enrollment'),
    caseManagerId: id('Case manager'),
    startDate: date('Start date'),
    endDate: date('End date'),
  },
};

/** "incomeFromAnySource" → "Income from any source" (for a field no definition names). */
function humanize(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** What a field is called and how its value is written and edited. */
export function fieldInfo(type: RecordType, path: string): FieldInfo {
  if (type === 'assessment' && isAnswerField(path)) {
    const field = fieldById(answerFieldId(path));
    if (!field) return { path, label: humanize(answerFieldId(path)), kind: 'unknown' };
    const label = field.label;
    switch (field.type) {
      case 'single':
      case 'yesno':
        return 'hudList' in field.source
          ? { path, label, kind: 'code', listId: field.source.hudList }
          : { path, label, kind: 'picklist', picklistId: field.source.picklist };
      case 'multi':
        return 'hudList' in field.source
          ? { path, label, kind: 'codes', listId: field.source.hudList }
          : { path, label, kind: 'picklists', picklistId: field.source.picklist };
      case 'money':
        return { path, label, kind: 'money' };
      case 'integer':
        return { path, label, kind: 'number' };
      case 'date':
        return { path, label, kind: 'date' };
      case 'text':
        return { path, label, kind: field.multiline ? 'multiline' : 'text' };
      default:
        return { path, label, kind: 'unknown' };
    }
  }
  const spec = FIELDS[type]?.[path];
  return spec ? { path, ...spec } : { path, label: humanize(path), kind: 'unknown' };
}
