// The options a form field offers, from its HUD list or local picklist (retired ones left out).
import { activeCodes, getList } from '../../domain/codes';
import {
  DEFAULT_PICKLIST_REGISTRY,
  type ChoiceField,
  type PicklistRegistry,
} from '../../domain/forms';
import type { Option } from '../ui';

export function fieldOptions(
  field: Pick<ChoiceField, 'source'>,
  picklists: PicklistRegistry = DEFAULT_PICKLIST_REGISTRY,
): Option<string | number>[] {
  if ('hudList' in field.source) {
    return activeCodes(getList(field.source.hudList)).map((c) => ({
      value: c.code,
      label: c.label,
    }));
  }
  return picklists
    .activeOptions(field.source.picklist)
    .map((o) => ({ value: o.code, label: o.label }));
}

/** Options of a HUD list, optionally only some codes (e.g. the ones valid for 4.12). */
export function hudOptions(listId: string, only?: (code: number) => boolean): Option<number>[] {
  return activeCodes(getList(listId))
    .filter((c) => (only ? only(c.code) : true))
    .map((c) => ({ value: c.code, label: c.label }));
}
