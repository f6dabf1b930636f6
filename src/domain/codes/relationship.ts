// 3.15.1 Relationship to Head of Household. Labels are HUD's list labels (GR-lists); CSV-2026's
// appendix words them differently ("Head of household's child", ...) but the codes are the same.
import { defineList } from './types';

export const HEAD_OF_HOUSEHOLD = 1;

export const RELATIONSHIP_TO_HOH_LIST = defineList('3.15.1', 'Relationship to Head of Household', [
  { code: HEAD_OF_HOUSEHOLD, label: 'Self (head of household)' },
  { code: 2, label: 'Child' },
  { code: 3, label: 'Spouse or partner' },
  { code: 4, label: 'Other relative' },
  { code: 5, label: 'Unrelated household member' },
  { code: 99, label: 'Data not collected' },
]);
