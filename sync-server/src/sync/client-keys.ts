// What the server indexes a client by: the M10 duplicate keys and the search fields.
import { fullSsn, nameDobKey, normalizeName, type RecordState } from '../../../src/domain/merge';
import type { ClientKeys } from '../storage/types';

export function clientKeys(state: RecordState): ClientKeys | null {
  if (state.type !== 'client') return null;
  const f = state.fields;
  const ssn = typeof f.ssn === 'string' ? f.ssn : null;
  const last4 = ssn && /\d{4}$/.test(ssn) ? ssn.slice(-4) : null;
  return {
    nameDob: nameDobKey(f),
    ssn: fullSsn(f),
    firstName: normalizeName(f.firstName),
    lastName: normalizeName(f.lastName),
    dob: typeof f.dob === 'string' ? f.dob : null,
    ssnLast4: last4,
  };
}
