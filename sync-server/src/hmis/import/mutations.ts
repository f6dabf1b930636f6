// One planned write (src/domain/hmis-csv/import) as the device mutations that carry it, so the
// import goes through the same merge, locks and metadata as every device (push.ts):
//  - The clock of a mutation is the row's DateUpdated (formatHlc of its ms, on the import's
//    device), so M2 orders an HMIS value against a Fieldnote edit by when each was made: an edit
//    made after the row's DateUpdated stands whatever is imported later.
//  - A record new to the server is created at the row's DateCreated and, when DateUpdated is
//    later, set again at DateUpdated (the same values, as seen): nextRecordMeta then derives
//    DateCreated and DateUpdated from the rows, as HMIS had them.
//  - A record the server has is patched with the fields the rows give; the other members of each
//    field group come from the stored record, so a group is always written whole (M9).
//  - Mutation ids are derived from the source, the record, the clock and the values, never from
//    what the server holds: importing the same file again replays ids that are stored (M7), so
//    nothing changes, and an import stopped half-way resumes where it stopped.
import { createHash } from 'node:crypto';
import { formatHlc } from '../../../../src/domain/clock/hlc';
import { fieldPolicy, groupMembers, type RecordState } from '../../../../src/domain/merge';
import type { FieldValues } from '../../../../src/domain/merge';
import { sameValue } from '../../../../src/domain/merge';
import type { ImportWrite } from '../../../../src/domain/hmis-csv/import';
import type { Mutation } from '../../../../src/domain/protocol';

/** The import's device for one user: device ids belong to their first user (push.ts). */
export function importDeviceId(userId: string): string {
  return `hmis-import-${userId}`;
}

function stable(values: FieldValues): string {
  return JSON.stringify(
    Object.keys(values)
      .sort()
      .map((k) => [k, values[k]]),
  );
}

/** A mutation id from its content: SHA-256 (fast, unlike the domain's BigInt derivedId). */
function contentId(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

const updateIds = new WeakMap<ImportWrite, string>();

/** The id of the mutation that sets a write at its DateUpdated: present once it is applied. */
export function updateMutationId(sourceKey: string, w: ImportWrite): string {
  let id = updateIds.get(w);
  if (id === undefined) {
    id = contentId(
      `hmis-import:${sourceKey}:${w.type}:${w.id}:updated:${w.updatedAt}:${stable(w.fields)}`,
    );
    updateIds.set(w, id);
  }
  return id;
}

function createMutationId(sourceKey: string, w: ImportWrite): string {
  return contentId(
    `hmis-import:${sourceKey}:${w.type}:${w.id}:created:${w.createdAt}:${stable(w.fields)}`,
  );
}

type Unsequenced = Omit<Mutation, 'seq'>;

/**
 * The mutations of one write, given the record as stored (null when new); [] when the stored
 * record already holds every value (nothing to change).
 */
export function writeMutations(
  sourceKey: string,
  w: ImportWrite,
  current: RecordState | null,
): Unsequenced[] {
  const deviceId = importDeviceId(w.userId);
  const hlc = (ms: number) => formatHlc({ millis: ms, counter: 0, node: deviceId });
  const base = { deviceId, recordType: w.type, recordId: w.id };
  if (current === null) {
    const all = { ...w.createDefaults, ...w.fields };
    if (w.createdAt >= w.updatedAt) {
      return [
        {
          ...base,
          mutationId: updateMutationId(sourceKey, w),
          hlc: hlc(w.updatedAt),
          op: 'create',
          fields: all,
          seen: {},
        },
      ];
    }
    const fields = completeGroups(w, all);
    return [
      {
        ...base,
        mutationId: createMutationId(sourceKey, w),
        hlc: hlc(w.createdAt),
        op: 'create',
        fields: all,
        seen: {},
      },
      {
        ...base,
        mutationId: updateMutationId(sourceKey, w),
        hlc: hlc(w.updatedAt),
        op: 'patch',
        fields,
        seen: fields,
      },
    ];
  }
  const fields = completeGroups(w, current.fields);
  if (Object.entries(fields).every(([f, v]) => sameValue(current.fields[f], v))) return [];
  const seen: FieldValues = {};
  for (const f of Object.keys(fields)) seen[f] = current.fields[f] ?? null;
  return [
    {
      ...base,
      mutationId: updateMutationId(sourceKey, w),
      hlc: hlc(w.updatedAt),
      op: 'patch',
      fields,
      seen,
    },
  ];
}

/** The write's fields plus, for each field group it touches, the members it lacks from `from`. */
function completeGroups(w: ImportWrite, from: FieldValues): FieldValues {
  const out: FieldValues = { ...w.fields };
  const stage = w.fields.dataCollectionStage ?? from.dataCollectionStage;
  for (const field of Object.keys(w.fields)) {
    const group = fieldPolicy(w.type, field, stage)?.group;
    if (group === undefined) continue;
    for (const member of groupMembers(w.type, group)) {
      if (!(member in out)) out[member] = from[member] ?? null;
    }
  }
  return out;
}
