import { describe, expect, it } from 'vitest';
import { DESTINATION_LIST, LIVING_SITUATIONS } from '../../../src/domain/codes';
import {
  exitLivingSituation,
  validateDestination,
  validateExitLivingSituation,
} from '../../../src/domain/validation';
import { cls, enrollment, exited, summary } from './fixtures';

describe('3.12.1 Destination', () => {
  it('every Destination-valid code is accepted at exit (435 with a subsidy type)', () => {
    for (const { code } of DESTINATION_LIST.codes) {
      const e = exited({
        destination: code,
        destinationSubsidyType: code === 435 ? 431 : null,
        exitReason: code === 24 ? 'deceased' : 'housed',
        // 3.12.B: 17 "Other" carries its text.
        otherDestination: code === 17 ? 'A boat' : null,
      });
      expect(validateDestination(e), String(code)).toEqual([]);
    }
  });

  it('never 335 or 336: the Destination equivalents are the temporary/permanent tenure codes', () => {
    expect(validateDestination(exited({ destination: 335 }))).toEqual([
      {
        field: 'destination',
        rule: '3.12.1',
        severity: 'error',
        message:
          '"Staying or living in a family member\'s room, apartment, or house" cannot be a Destination. For a Destination choose "Staying or living with family, temporary tenure" or "Staying or living with family, permanent tenure".',
      },
    ]);
    expect(validateDestination(exited({ destination: 336 }))[0]?.message).toMatch(
      /with friends, temporary tenure/,
    );
  });

  it('never 37 (Current Living Situation only)', () => {
    expect(validateDestination(exited({ destination: 37 }))[0]?.message).toBe(
      '"Worker unable to determine" cannot be a Destination. "Worker unable to determine" is only for a current living situation. For a Destination choose "No exit interview completed" or "Data not collected".',
    );
  });

  it('exactly the codes HUD does not allow for Destination are refused', () => {
    const refused = LIVING_SITUATIONS.map((s) => s.code).filter(
      (code) =>
        validateDestination(
          exited({
            destination: code,
            destinationSubsidyType: code === 435 ? 431 : null,
            exitReason: null,
            otherDestination: code === 17 ? 'A boat' : null,
          }),
        ).length > 0,
    );
    expect(refused.sort((a, b) => a - b)).toEqual([37, 335, 336]);
  });

  it('3.12.A: subsidy type required when Destination = 435 (Eva 121), refused otherwise', () => {
    expect(summary(validateDestination(exited({ destination: 435 })))).toEqual([
      'error 3.12.A destinationSubsidyType',
    ]);
    expect(
      summary(validateDestination(exited({ destination: 410, destinationSubsidyType: 431 }))),
    ).toEqual(['error 3.12.A destinationSubsidyType']);
  });

  it('is required at exit (30 when there was no exit interview)', () => {
    expect(validateDestination(exited({ destination: null }))[0]?.message).toBe(
      'Record the destination: where the client is going after exit. If you could not ask, choose "No exit interview completed".',
    );
  });

  it('is only recorded at exit: an open enrollment has no destination, subsidy or exit reason', () => {
    expect(validateDestination(enrollment())).toEqual([]);
    expect(
      summary(
        validateDestination(
          enrollment({ destination: 410, destinationSubsidyType: 431, exitReason: 'housed' }),
        ),
      ),
    ).toEqual([
      'error 3.12.1 destination',
      'error 3.12.A destinationSubsidyType',
      'error 3.12.1 exitReason',
    ]);
  });

  it('exit reason "deceased" goes with Destination 24 (warning either way)', () => {
    expect(
      summary(validateDestination(exited({ exitReason: 'deceased', destination: 410 }))),
    ).toEqual(['warning exit-reason-destination destination']);
    expect(
      summary(validateDestination(exited({ exitReason: 'lost_contact', destination: 24 }))),
    ).toEqual(['warning exit-reason-destination exitReason']);
  });
});

describe('exit Current Living Situation must be in the same group as the Destination', () => {
  const exit = (destination: number) => exited({ destination });

  it('the same group passes (e.g. rental 410 CLS with Destination 435)', () => {
    expect(validateExitLivingSituation(exit(435), { currentLivingSituation: 410 })).toEqual([]);
    expect(validateExitLivingSituation(exit(101), { currentLivingSituation: 116 })).toEqual([]);
    expect(validateExitLivingSituation(exit(207), { currentLivingSituation: 205 })).toEqual([]);
    expect(validateExitLivingSituation(exit(312), { currentLivingSituation: 335 })).toEqual([]);
  });

  it('a different group is an error that says which groups and what to do', () => {
    expect(
      validateExitLivingSituation(exit(435), { id: 'c1', currentLivingSituation: 101 }),
    ).toEqual([
      {
        field: 'currentLivingSituation',
        rule: 'exit-cls-destination',
        severity: 'error',
        recordId: 'c1',
        message:
          'The exit Current Living Situation (Emergency shelter…, homeless) does not match the Destination (Rental by client, with ongoing housing subsidy, permanent). Record where the client is staying at exit in the same group as the Destination (permanent).',
      },
    ]);
    expect(
      summary(validateExitLivingSituation(exit(410), { currentLivingSituation: 207 })),
    ).toEqual(['error exit-cls-destination currentLivingSituation']);
  });

  it('CLS 335/336 (family / friends, no tenure) also match the permanent-tenure Destinations 422/423', () => {
    for (const c of [335, 336]) {
      for (const d of [312, 313, 422, 423]) {
        expect(
          validateExitLivingSituation(exit(d), { currentLivingSituation: c }),
          `${c} → ${d}`,
        ).toEqual([]);
      }
    }
    expect(
      summary(validateExitLivingSituation(exit(410), { currentLivingSituation: 335 })),
    ).toEqual(['error exit-cls-destination currentLivingSituation']);
  });

  it('"other" Destinations (8, 9, 99, 17, 24 Deceased, 30 No exit interview) are not compared', () => {
    for (const d of [8, 9, 99, 17, 24, 30]) {
      expect(validateExitLivingSituation(exit(d), { currentLivingSituation: 101 })).toEqual([]);
      expect(validateExitLivingSituation(exit(d), null)).toEqual([]);
    }
  });

  it('an "other" CLS (8, 9, 99, 17, 37) with a known Destination is a warning: they cannot be compared', () => {
    for (const c of [8, 9, 99, 17, 37]) {
      expect(
        summary(validateExitLivingSituation(exit(410), { currentLivingSituation: c })),
      ).toEqual(['warning exit-cls-destination currentLivingSituation']);
    }
    expect(validateExitLivingSituation(exit(410), { currentLivingSituation: 37 })[0]?.message).toBe(
      'The exit Current Living Situation ("Worker unable to determine") cannot be checked against the Destination (Rental by client, no ongoing housing subsidy, permanent). If you know where the client is staying at exit, record it.',
    );
  });

  it('no CLS on the exit date is a warning asking for one; open enrollments are not checked', () => {
    expect(summary(validateExitLivingSituation(exit(410), null))).toEqual([
      'warning exit-cls-destination currentLivingSituation',
    ]);
    expect(validateExitLivingSituation(enrollment(), null)).toEqual([]);
  });

  it('exitLivingSituation picks the CLS dated on the exit date (the last one if several)', () => {
    const e = exit(410);
    const before = cls({ informationDate: '2025-05-30' });
    const first = cls({ informationDate: '2025-05-31', currentLivingSituation: 101 });
    const last = cls({ informationDate: '2025-05-31', currentLivingSituation: 410 });
    expect(exitLivingSituation(e, [before, first, last])).toBe(last);
    expect(exitLivingSituation(e, [before])).toBeNull();
    expect(exitLivingSituation(enrollment(), [first])).toBeNull();
  });
});
