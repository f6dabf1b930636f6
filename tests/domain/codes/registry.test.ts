import { describe, expect, it } from 'vitest';
import { HUD_LISTS, getList } from '../../../src/domain/codes';

// The ids assessment forms and the CSV export use to refer to lists.
const REQUIRED_IDS = [
  '1.6',
  '1.7',
  '1.8',
  '1.10',
  '3.01.5',
  '3.02.2',
  '3.03.2',
  '3.04',
  '3.07',
  '3.12',
  '3.917.1',
  '4.12.2',
  '3.12.1',
  '3.12.A',
  '3.15.1',
  '3.917.2',
  '3.917.4',
  '3.917.5',
  'local:income-source',
  'local:non-cash-benefit',
  'local:health-insurance',
  '4.04.A',
  '4.10.2',
  '4.11.A',
  '4.21',
  '5.03.1',
  '2.02.6',
  '2.02.A',
  '1.3',
  'V1.11',
  'V1.12',
  '1.1',
  '1.2',
  '1.5',
  '1.9',
  'local:funder',
  '2.06.1',
  '2.03.4',
  '2.08.1',
  '2.02.D',
];

describe('code list registry', () => {
  it.each(REQUIRED_IDS)('resolves list id %s', (id) => {
    expect(getList(id).id).toBe(id);
  });

  it('holds exactly the required lists, each under its own id', () => {
    expect(Object.keys(HUD_LISTS).sort()).toEqual([...REQUIRED_IDS].sort());
    for (const [id, list] of Object.entries(HUD_LISTS)) expect(list.id).toBe(id);
  });

  it('throws a clear error for an unknown id', () => {
    expect(() => getList('3.06')).toThrow(/Unknown code list "3\.06"/);
    expect(() => getList('toString')).toThrow(/Unknown code list/);
    expect(() => getList('')).toThrow(/Unknown code list/);
  });

  it('every list has a name and non-empty labels on non-negative integer codes', () => {
    for (const list of Object.values(HUD_LISTS)) {
      expect(list.name.length).toBeGreaterThan(0);
      expect(list.codes.length).toBeGreaterThan(0);
      for (const c of list.codes) {
        expect(Number.isInteger(c.code) && c.code >= 0).toBe(true);
        expect(c.label.trim()).toBe(c.label);
        expect(c.label.length).toBeGreaterThan(0);
      }
    }
  });

  it('only local lists use the "local:" prefix; HUD lists use HUD numbers', () => {
    for (const id of Object.keys(HUD_LISTS)) {
      expect(id.startsWith('local:') || /^(V)?\d+(\.\d+)*(\.[A-Z])?$/.test(id)).toBe(true);
    }
  });

  it('the registry and its lists are frozen', () => {
    expect(Object.isFrozen(HUD_LISTS)).toBe(true);
    for (const list of Object.values(HUD_LISTS)) {
      expect(Object.isFrozen(list)).toBe(true);
      expect(Object.isFrozen(list.codes)).toBe(true);
    }
  });
});
