// The Hennepin Case Management assessment (reference §3, "Hennepin: Family Case Management
// Assessment Workflow"): Housing Documentation Status, Monthly Household Income, Legal Involvement
// and Client Choice. None of these are HUD elements and no public definition exists, so the
// questions are Fieldnote's and every option list is a local picklist (picklists.ts) that can be
// replaced as data. Collected at entry, at updates (the workflow: "updated anytime a client's
// housing preferences or situation changes", i.e. on interim contacts) and at exit.
//
// Required-ness (Fieldnote's decision; Hennepin publishes none): everything asked at entry is
// required at entry; documentation and household income are required again at exit; at an update
// only what changed is recorded, so nothing is required then.
import { PICKLIST_IDS } from './picklists';
import { deepFreeze, fieldsFor } from './fields';
import type { FormDefinition, FormField, FormStage } from './types';

const YES = 1;
const STAGES: readonly FormStage[] = [1, 2, 3];

export const HENNEPIN_FIELD_IDS = Object.freeze({
  docPhotoId: 'docPhotoId',
  docBirthCertificate: 'docBirthCertificate',
  docSocialSecurityCard: 'docSocialSecurityCard',
  docProofOfIncome: 'docProofOfIncome',
  docDisabilityVerification: 'docDisabilityVerification',
  docHomelessnessVerification: 'docHomelessnessVerification',
  docNotes: 'docNotes',
  householdMonthlyIncome: 'householdMonthlyIncome',
  householdIncomeSources: 'householdIncomeSources',
  legalInvolvement: 'legalInvolvement',
  legalInvolvementKinds: 'legalInvolvementKinds',
  legalInvolvementNotes: 'legalInvolvementNotes',
  preferredAreas: 'preferredAreas',
  housingTypes: 'housingTypes',
  accessibilityNeeds: 'accessibilityNeeds',
  hasPets: 'hasPets',
  petsDescription: 'petsDescription',
  willingToShareHousing: 'willingToShareHousing',
  clientChoiceNotes: 'clientChoiceNotes',
  exitContactConfirmed: 'exitContactConfirmed',
  exitNotes: 'exitNotes',
} as const);

const H = HENNEPIN_FIELD_IDS;

// ---- Housing Documentation Status ------------------------------------------------------------

/** Documents are per person (children need birth certificates and Social Security cards too). */
const docs = fieldsFor({ stages: STAGES, collectedAbout: 'all_clients' });
/**
 * Proof of income is asked of the head of household and adults only, as HUD asks income (4.02):
 * a 7-year-old has no income to prove (workflow rule W-START-4, src/domain/workflow/RULES.md).
 */
const adultDocs = fieldsFor({ stages: STAGES, collectedAbout: 'hoh_and_adults' });
const docStatus = { picklist: PICKLIST_IDS.documentationStatus };
const docRequired: readonly FormStage[] = [1, 3];

const documentation: readonly FormField[] = [
  docs.single(H.docPhotoId, 'Photo ID', docStatus, { required: docRequired }),
  docs.single(H.docBirthCertificate, 'Birth certificate', docStatus, { required: docRequired }),
  docs.single(H.docSocialSecurityCard, 'Social Security card', docStatus, {
    required: docRequired,
  }),
  adultDocs.single(H.docProofOfIncome, 'Proof of income', docStatus, { required: docRequired }),
  docs.single(H.docDisabilityVerification, 'Disability verification', docStatus, {
    required: docRequired,
  }),
  docs.single(H.docHomelessnessVerification, 'Homelessness verification', docStatus, {
    required: docRequired,
  }),
  docs.text(H.docNotes, 'Notes about documents', 500, { multiline: true }),
];

// ---- Monthly Household Income ----------------------------------------------------------------

/**
 * A household figure, asked of the head of household (HUD income stays per person in MN Core).
 * One income question, not two (workflow rule W-CT4, src/domain/workflow/household-income.ts):
 * where 4.02 is collected for the household (at a contact, when "Income, benefits or insurance
 * changed" is open), these two fields are not asked; they are derived from the members' 4.02
 * TotalMonthlyIncome and sources and saved under the same ids, so the stored answer shape is
 * unchanged and answers typed in before still read. They are asked only where 4.02 is not.
 */
const hhIncome = fieldsFor({ stages: STAGES, collectedAbout: 'hoh' });

const householdIncome: readonly FormField[] = [
  hhIncome.money(H.householdMonthlyIncome, 'Monthly household income (all members, before taxes)', {
    help: 'Enter 0 if the household has no income.',
    required: [1, 3],
  }),
  hhIncome.multi(
    H.householdIncomeSources,
    'Where the household income comes from',
    { hudList: 'local:income-source' },
    {
      required: true,
      showWhen: { field: H.householdMonthlyIncome, greaterThan: 0 },
      conditionText: 'the monthly household income is more than 0',
    },
  ),
];

// ---- Legal Involvement -----------------------------------------------------------------------

const legal = fieldsFor({ stages: STAGES, collectedAbout: 'hoh_and_adults' });
const hasLegalInvolvement = { field: H.legalInvolvement, equals: YES } as const;

const legalInvolvement: readonly FormField[] = [
  legal.yesNo(
    H.legalInvolvement,
    'Does the client have legal involvement that could affect housing?',
    '1.8',
    {
      required: [1],
    },
  ),
  legal.multi(
    H.legalInvolvementKinds,
    'Which kinds of legal involvement?',
    { picklist: PICKLIST_IDS.legalInvolvementKind },
    {
      required: true,
      showWhen: hasLegalInvolvement,
    },
  ),
  legal.text(H.legalInvolvementNotes, 'Notes about legal involvement', 500, {
    multiline: true,
    showWhen: hasLegalInvolvement,
  }),
];

// ---- Client Choice ---------------------------------------------------------------------------

/** The household's housing preferences, asked of the head of household. */
const choice = fieldsFor({ stages: STAGES, collectedAbout: 'hoh' });

const clientChoice: readonly FormField[] = [
  choice.multi(
    H.preferredAreas,
    'Preferred areas',
    { picklist: PICKLIST_IDS.preferredArea },
    {
      required: [1],
    },
  ),
  choice.multi(
    H.housingTypes,
    'Housing types the household would accept',
    { picklist: PICKLIST_IDS.housingType },
    {
      required: [1],
    },
  ),
  choice.multi(
    H.accessibilityNeeds,
    'Accessibility needs',
    { picklist: PICKLIST_IDS.accessibilityNeed },
    {
      help: 'Leave empty if the household has none.',
    },
  ),
  choice.yesNo(H.hasPets, 'Does the household have pets or an assistance animal?', '1.8', {
    required: [1],
  }),
  choice.text(H.petsDescription, 'Which animals?', 250, {
    showWhen: { field: H.hasPets, equals: YES },
  }),
  choice.yesNo(H.willingToShareHousing, 'Is the household willing to share housing?', '1.8', {
    required: [1],
  }),
  choice.text(H.clientChoiceNotes, 'Other housing preferences', 1000, { multiline: true }),
];

// ---- Exit ------------------------------------------------------------------------------------

/**
 * A short exit checklist. Destination lives on the Enrollment, and documents and income at exit
 * are the sections above collected at stage 3.
 */
const exit = fieldsFor({ stages: [3], collectedAbout: 'hoh' });

const exitFollowUp: readonly FormField[] = [
  exit.yesNo(
    H.exitContactConfirmed,
    'Contact information for follow-up confirmed with the client',
    '1.10',
    {
      required: true,
    },
  ),
  exit.text(H.exitNotes, 'Exit notes', 1000, { multiline: true }),
];

export const HENNEPIN_CASE_MANAGEMENT: FormDefinition = deepFreeze({
  id: 'hennepin-case-management',
  name: 'Hennepin Case Management assessment',
  version: 1,
  sections: [
    { id: 'housing-documentation', title: 'Housing documentation status', fields: documentation },
    { id: 'monthly-household-income', title: 'Monthly household income', fields: householdIncome },
    { id: 'legal-involvement', title: 'Legal involvement', fields: legalInvolvement },
    { id: 'client-choice', title: 'Client choice', fields: clientChoice },
    { id: 'exit', title: 'Exit', fields: exitFollowUp },
  ],
});
