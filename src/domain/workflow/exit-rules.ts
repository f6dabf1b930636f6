// Rule ids of the exit workflow's own rules (issue 10 §1, conformance audit §1 #3, #7, #11). The
// HUD elements keep their element numbers; Fieldnote's decisions get a W-id. Tests cite them.
export const EXIT_RULES = Object.freeze({
  /** 3.12.B: "Specify the other destination" required with Destination 17, ≤ 50 characters. */
  otherDestination: '3.12.B',
  /** W-EX1: no Current Living Situation at exit for Destination 24 or 30 (no contact). */
  noClsWithoutContact: 'W-EX1',
  /** W-EX2: 4.12.B (and C–F when B = Yes) of the exit CLS are asked and required. */
  exitCls14Days: 'W-EX2',
  /** W-EX3: 4.02/4.03/4.04 required at exit when the provider has a federal funder. */
  incomeRequiredWithFederalFunder: 'W-EX3',
  /** W-EX4: 4.02–4.04 never copied silently; copied answers are saved only once confirmed. */
  incomeCopyConfirmed: 'W-EX4',
  /**
   * W-EX5: the head of household exits last (validation/household.ts membersBlockingHeadExit; its
   * issues carry the validation rule id 3.15.hoh-exit).
   */
  headOfHouseholdExitsLast: 'W-EX5',
  /** W-EX6: the exit CLS is checked against the Destination on the form's real exit date. */
  exitClsOnExitDate: 'W-EX6',
  /** W-DIS3: 4.05–4.10 required at exit when the provider has a federal funder. */
  disabilitiesRequiredWithFederalFunder: 'W-DIS3',
} as const);
