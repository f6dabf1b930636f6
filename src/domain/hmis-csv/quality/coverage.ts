// Which of Eva's checks the port runs, and the ones it leaves out with the reason. Together they
// cover every row of shared/reference/hud-eva-checks.csv (a test holds them to it).

/** Eva's file-structure checks, ported in ../structure. */
export const PORTED_STRUCTURE_EVA_IDS: readonly string[] = [
  '6',
  '7',
  '8',
  '9',
  '10',
  '11',
  '12',
  '13',
  '47',
  '48',
  '49',
  '50',
  '51',
  '52',
  '53',
  '54',
  '55',
  '82',
  '98',
  '101',
  '122',
  '124',
  '125',
  '126',
  '134',
  '140',
];

/** Eva's data-quality ("dq") and project-descriptor ("pdde") checks, ported here. */
export const PORTED_DATA_QUALITY_EVA_IDS: readonly string[] = [
  '1',
  '2',
  '3',
  '4',
  '5',
  '14',
  '26',
  '27',
  '28',
  '29',
  '30',
  '31',
  '32',
  '34',
  '35',
  '36',
  '40',
  '41',
  '42',
  '59',
  '60',
  '61',
  '63',
  '64',
  '66',
  '67',
  '68',
  '69',
  '70',
  '71',
  '73',
  '75',
  '77',
  '78',
  '81',
  '84',
  '86',
  '87',
  '88',
  '89',
  '90',
  '92',
  '93',
  '94',
  '95',
  '96',
  '97',
  '99',
  '105',
  '110',
  '111',
  '112',
  '113',
  '114',
  '115',
  '116',
  '117',
  '118',
  '119',
  '120',
  '121',
  '128',
  '129',
  '130',
  '131',
  '133',
  '139',
  '143',
];

export interface NotPortedCheck {
  readonly ids: readonly string[];
  readonly reason: string;
}

export const NOT_PORTED_EVA_CHECKS: readonly NotPortedCheck[] = [
  {
    ids: ['15', '16', '17', '18', '19', '20', '21', '22', '23', '25', '56', '57', '58'],
    reason:
      'SSVF only (V1 veteran details, V4 Percent AMI, V6 VAMC station, V7 HP targeting): Eva runs them for SSVF-funded projects; Fieldnote has no SSVF funder and does not collect the VA elements.',
  },
  {
    ids: ['37', '43', '44', '46', '79', '83', '132', '135', '136', '137', '138', '141'],
    reason:
      'Bed and unit inventory (2.07) of residential projects: Fieldnote projects are Services Only and Inventory.csv is written with its header only.',
  },
  {
    ids: ['106', '107', '108', '142'],
    reason:
      'Bed nights (4.14) of night-by-night shelters: not a Fieldnote project type; Services.csv holds no bed nights.',
  },
  {
    ids: ['100', '102', '103'],
    reason:
      "Compared against the CoC's Eva Local Settings (days a referral, stay or CLS may age), which are set in Eva, not in the export.",
  },
  {
    ids: ['72', '104'],
    reason:
      'Outliers against the percentiles of the whole CoC system by project type: meaningless for one provider export, and residential project types only.',
  },
  {
    ids: ['127'],
    reason:
      '"Not a .zip file" cannot be decided from parsed rows: the zip reader (readHmisZip) raises it.',
  },
];

/** Every Eva id this port does not run. */
export const NOT_PORTED_EVA_IDS: ReadonlySet<string> = new Set(
  NOT_PORTED_EVA_CHECKS.flatMap((c) => c.ids),
);
