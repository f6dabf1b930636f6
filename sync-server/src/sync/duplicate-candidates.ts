// The M10 candidates of a new client within a push batch: the batch's client records that
// isPossibleDuplicate (src/domain/merge/duplicates.ts) pairs with it, found with each record's two
// keys (normalised name and DOB, full SSN) computed once per state rather than once per pair. A
// batch of a few hundred new clients (an HMIS import) otherwise normalised names for every pair.
import { fullSsn, nameDobKey, type RecordState } from '../../../src/domain/merge';
import type { Mutation } from '../../../src/domain/protocol';
import type { StoredRecord } from '../storage/types';

interface Keys {
  readonly key: string | null;
  readonly ssn: string | null;
}

export class DuplicateKeys {
  /** By state object: a merge makes a new state, it never changes one. */
  private readonly byState = new WeakMap<RecordState, Keys>();

  /** What isPossibleDuplicate(m.fields, record fields) is true for, among `records`. */
  candidates(m: Mutation, records: Iterable<StoredRecord | null>): RecordState[] {
    const key = nameDobKey(m.fields);
    const ssn = fullSsn(m.fields);
    const out: RecordState[] = [];
    if (key === null && ssn === null) return out;
    for (const record of records) {
      if (!record || record.state.type !== 'client' || record.state.id === m.recordId) continue;
      const other = this.keysOf(record.state);
      if ((key !== null && key === other.key) || (ssn !== null && ssn === other.ssn)) {
        out.push(record.state);
      }
    }
    return out;
  }

  private keysOf(state: RecordState): Keys {
    let keys = this.byState.get(state);
    if (keys === undefined) {
      keys = { key: nameDobKey(state.fields), ssn: fullSsn(state.fields) };
      this.byState.set(state, keys);
    }
    return keys;
  }
}
