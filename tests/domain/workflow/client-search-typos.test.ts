// Issue 12 "Finding a client": a search tolerates typing mistakes, the same function on the
// device and on the server; results that match as typed come before those found despite a typo;
// the New client form checks for duplicates as soon as the name and date of birth are typed.
// Invented people only.
import { describe, expect, it } from 'vitest';
import {
  earlyDuplicateKeys,
  matchesQuery,
  mergeFound,
  possibleDuplicates,
  rankBySearch,
  searchEdits,
  typedNameEdits,
} from '../../../src/domain/workflow/client-match';

const odessa = {
  id: 'c-odessa',
  firstName: 'Odessa',
  lastName: 'Quarrington',
  dob: '1986-08-21',
  ssn: 'xxxxx4321',
};

describe('issue 12: typo-tolerant client search', () => {
  it('"Odesa Quarington" finds "Odessa Quarrington"', () => {
    expect(matchesQuery(odessa, { firstName: 'Odesa', lastName: 'Quarington' })).toBe(true);
    expect(searchEdits(odessa, { firstName: 'Odesa', lastName: 'Quarington' })).toBe(2);
  });

  it('still matches names from their start, ignoring case and accents, with no mistake counted', () => {
    expect(searchEdits(odessa, { firstName: 'ODE', lastName: 'quärr' })).toBe(0);
    expect(typedNameEdits('rob', 'robin')).toBe(0);
  });

  it('allows no typo in 3 letters, 1 from 4 letters and 2 from 7', () => {
    expect(typedNameEdits('bob', 'robin')).toBeNull();
    expect(typedNameEdits('robn', 'robin')).toBe(1);
    expect(typedNameEdits('robn', 'robert')).toBeNull();
    expect(typedNameEdits('quarington', 'quarrington')).toBe(1);
    expect(typedNameEdits('qarinton', 'quarrington')).toBeNull();
    expect(typedNameEdits('odesa', 'odessa')).toBe(1);
  });

  it('keeps the date of birth and last 4 of the SSN exact when they are given', () => {
    const query = { firstName: 'Odesa', lastName: 'Quarington' };
    expect(matchesQuery(odessa, { ...query, dob: '1986-08-21', ssnLast4: '4321' })).toBe(true);
    expect(matchesQuery(odessa, { ...query, dob: '1986-08-22' })).toBe(false);
    expect(matchesQuery(odessa, { ...query, ssnLast4: '4322' })).toBe(false);
  });

  it('does not find a different person whose names are further than the typos allowed', () => {
    expect(matchesQuery(odessa, { firstName: 'Olivia', lastName: 'Quarington' })).toBe(false);
    expect(matchesQuery(odessa, { firstName: 'Odesa', lastName: 'Harington' })).toBe(false);
  });

  it('ranks the clients matching as typed first, then by fewest typos, then by name', () => {
    const exact = { id: 'c-exact', firstName: 'Odessa', lastName: 'Quarington', dob: null };
    const farther = { id: 'c-far', firstName: 'Odissa', lastName: 'Quarrington', dob: null };
    const other = { id: 'c-other', firstName: 'Avery', lastName: 'Sampleton', dob: null };
    const query = { firstName: 'Odessa', lastName: 'Quarington' };
    expect(rankBySearch([other, farther, odessa, exact], query).map((c) => c.id)).toEqual([
      'c-exact',
      'c-odessa',
      'c-far',
      'c-other',
    ]);
  });

  it('merges device and server results in search order', () => {
    const merged = mergeFound(
      [{ client: odessa, enrolledHere: false }],
      [
        {
          id: 'c-server',
          firstName: 'Odessa',
          lastName: 'Quarington',
          dob: null,
          ssnLast4: null,
          providers: [],
        },
      ],
      { firstName: 'Odessa', lastName: 'Quarington' },
    );
    expect(merged.map((m) => [m.id, m.onDevice])).toEqual([
      ['c-server', false],
      ['c-odessa', true],
    ]);
  });
});

describe('issue 12: the duplicate check starts as soon as the name and date of birth are typed', () => {
  const typed = { firstName: 'Odesa', lastName: 'Quarington', dob: '', ssn: '' };

  it('waits for a first name, a last name and a full date of birth', () => {
    expect(earlyDuplicateKeys(typed)).toBeNull();
    expect(earlyDuplicateKeys({ ...typed, dob: '1986-08' })).toBeNull();
    expect(earlyDuplicateKeys({ ...typed, firstName: ' ', dob: '1986-08-21' })).toBeNull();
    expect(earlyDuplicateKeys({ ...typed, dob: '1986-08-21' })).toEqual({
      firstName: 'Odesa',
      lastName: 'Quarington',
      dob: '1986-08-21',
    });
  });

  it('adds the SSN once it is 9 digits or x, and then finds the typo-spelled client', () => {
    const keys = earlyDuplicateKeys({ ...typed, dob: '1986-08-21', ssn: 'xxxxx-4321' });
    expect(keys).toEqual({
      firstName: 'Odesa',
      lastName: 'Quarington',
      dob: '1986-08-21',
      ssn: 'xxxxx4321',
    });
    const [found] = possibleDuplicates(keys!, [odessa]);
    expect(found?.reasons).toEqual(['Same date of birth', 'Similar name', 'Same last 4 of SSN']);
    expect(earlyDuplicateKeys({ ...typed, dob: '1986-08-21', ssn: '4321' })?.ssn).toBeUndefined();
  });
});
