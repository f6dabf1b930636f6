import { describe, expect, it } from 'vitest';
import {
  householdConflict,
  householdViolations,
  type FieldVersion,
  type RecordState,
} from '../../../src/domain/merge';

const version = (n: number): FieldVersion => ({
  hlc: `00000000000${n}-0000-dev-${n}`,
  deviceId: `dev-${n}`,
  userId: 'a'.repeat(32),
  mutationId: String(n).padStart(32, '0'),
  gen: 0,
  valueClass: 1,
  kind: 1,
});

const HOUSEHOLD = 'f'.repeat(32);
const PROJECT = 'e'.repeat(32);

function enrollment(
  n: number,
  fields: Partial<{
    clientId: string;
    householdId: string;
    providerId: string;
    relationshipToHoH: number;
    projectStartDate: string;
    exitDate: string | null;
  }>,
  deleted = false,
): RecordState {
  const values = {
    clientId: String(n).padStart(32, 'c'),
    householdId: HOUSEHOLD,
    providerId: PROJECT,
    relationshipToHoH: 2,
    projectStartDate: '2026-03-01',
    exitDate: null,
    ...fields,
  };
  const versions: Record<string, FieldVersion> = {};
  for (const f of Object.keys(values)) versions[f] = version(n);
  return {
    type: 'enrollment',
    id: String(n).padStart(32, '0'),
    fields: values,
    versions,
    deleted,
    resolutions: {},
  };
}

/** The same record with one field group last written from another device. */
function writtenBy(state: RecordState, group: string, n: number): RecordState {
  return { ...state, versions: { ...state.versions, [group]: version(n) } };
}

describe('M11 household and enrollment rules across records', () => {
  it('M11: a household with one head of household and distinct stays has no violation', () => {
    expect(
      householdViolations([
        enrollment(1, { relationshipToHoH: 1 }),
        enrollment(2, { relationshipToHoH: 3 }),
        enrollment(3, { relationshipToHoH: 2, clientId: 'c'.repeat(32) }),
      ]),
    ).toEqual([]);
  });

  it('M11 two_heads (Eva 3): two heads of household from two devices are flagged on the second, naming the first', () => {
    const a = enrollment(1, { relationshipToHoH: 1 });
    const b = enrollment(2, { relationshipToHoH: 1 });
    const [v, ...rest] = householdViolations([b, a]);
    expect(rest).toEqual([]);
    expect(v?.kind).toBe('two_heads');
    expect(v?.record.id).toBe(b.id);
    expect(v?.other?.id).toBe(a.id);
    expect(v?.message).toMatch(/more than one head of household/);
  });

  it('M11: what one device wrote alone is not flagged (its next push may mend it; the device checks its own data)', () => {
    const a = enrollment(1, { relationshipToHoH: 1 });
    const b = writtenBy(enrollment(2, { relationshipToHoH: 1 }), 'relationshipToHoH', 1);
    expect(householdViolations([a, b])).toEqual([]);
    const client = 'c'.repeat(32);
    const first = enrollment(1, { clientId: client, relationshipToHoH: 1 });
    const again = writtenBy(
      writtenBy(
        enrollment(2, { clientId: client, relationshipToHoH: 1, householdId: 'd'.repeat(32) }),
        'projectStartDate',
        1,
      ),
      'exit',
      1,
    );
    expect(householdViolations([first, again])).toEqual([]);
  });

  it('M11 no_head (Eva 2): a household left without a head of household is flagged', () => {
    const [v] = householdViolations([
      enrollment(1, { relationshipToHoH: 1 }, true),
      enrollment(2, { relationshipToHoH: 2 }),
    ]);
    expect(v?.kind).toBe('no_head');
    expect(v?.record.id).toBe(enrollment(2, {}).id);
  });

  it('M11 overlap (Eva 1, 77): one client with two overlapping stays in one project is flagged; other projects and later stays are not', () => {
    const client = 'c'.repeat(32);
    const first = enrollment(1, { clientId: client, relationshipToHoH: 1 });
    const same = enrollment(2, {
      clientId: client,
      relationshipToHoH: 1,
      householdId: 'd'.repeat(32),
    });
    const violations = householdViolations([first, same]);
    expect(violations.map((v) => v.kind)).toEqual(['overlap']);
    expect(violations[0]?.message).toMatch(/same project start date/);

    const exited = enrollment(1, {
      clientId: client,
      relationshipToHoH: 1,
      exitDate: '2026-03-10',
    });
    const later = enrollment(2, {
      clientId: client,
      relationshipToHoH: 1,
      householdId: 'd'.repeat(32),
      projectStartDate: '2026-03-11',
    });
    expect(householdViolations([exited, later])).toEqual([]);
    const overlapping = enrollment(2, {
      clientId: client,
      relationshipToHoH: 1,
      householdId: 'd'.repeat(32),
      projectStartDate: '2026-03-05',
    });
    expect(householdViolations([exited, overlapping])[0]?.message).toMatch(/overlap/);
    const elsewhere = enrollment(2, {
      clientId: client,
      relationshipToHoH: 1,
      householdId: 'd'.repeat(32),
      providerId: 'b'.repeat(32),
    });
    expect(householdViolations([first, elsewhere])).toEqual([]);
  });

  it('M11 exit_order (Eva 99): an exit before the project start after two devices edited each is flagged', () => {
    const e = enrollment(1, {
      relationshipToHoH: 1,
      projectStartDate: '2026-04-01',
      exitDate: '2026-03-20',
    });
    expect(householdViolations([e])).toEqual([]);
    const [v] = householdViolations([writtenBy(e, 'exit', 7)]);
    expect(v?.kind).toBe('exit_order');
    expect(v?.message).toContain('2026-03-20');
  });

  it('M11: the conflict id depends only on the kind and the records, so finding it twice stores one', () => {
    const a = enrollment(1, { relationshipToHoH: 1 });
    const b = enrollment(2, { relationshipToHoH: 1 });
    const first = householdConflict(householdViolations([a, b])[0]!);
    const again = householdConflict(householdViolations([b, a])[0]!);
    expect(again.id).toBe(first.id);
    expect(first.rule).toBe('M11');
    expect(first.recordType).toBe('enrollment');
    expect(first.relatedRecordId).toBe(a.id);
    expect(first.winner.values.relationshipToHoH).toBe(1);
    expect(first.loser.values.relationshipToHoH).toBe(1);
  });
});
