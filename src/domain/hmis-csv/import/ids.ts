// External ids: how an HMIS id becomes a Fieldnote record id, deterministically, so importing
// the same export twice (or a later export of the same HMIS) addresses the same records.
//  - An HMIS id that already is a Fieldnote id (32 lowercase hex characters, as Fieldnote's own
//    export writes) is kept as it is: a Fieldnote export imported elsewhere keeps its ids.
//  - Any other id is derived (derivedId, FNV-1a 128) from the source key, the file and the id.
//    The source key is Export.csv's ImplementationID and SourceID, which stay the same from one
//    export of an HMIS to the next; ExportID does not (it is new for every export), so it is
//    not part of the key, or a second export of the same people would make new records.
import { wallClockMillis } from '../../clock/zoned';
import { ID_PATTERN, derivedId, type Id } from '../../records';

export function sourceKeyOf(implementationId: string, sourceId: string | null): string {
  return `${implementationId}|${sourceId ?? ''}`;
}

export function importedRecordId(sourceKey: string, file: string, hmisId: string): Id {
  return ID_PATTERN.test(hmisId) ? hmisId : derivedId(`hmis:${sourceKey}:${file}:${hmisId}`);
}

/**
 * HMIS datetimes ("2026-03-02 09:15:00") are wall-clock times in the CoC's zone; as UTC ms, by the
 * bulk path of clock/time.ts (a spring-forward gap's time moves forward, a fold's is the first).
 */
export function hmisDateTimeMillis(text: string, timeZone: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (m === null) throw new Error(`Not an HMIS datetime: ${text}`);
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return wallClockMillis(y, mo, d, h, mi, s, timeZone);
}
