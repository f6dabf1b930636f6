// Placeholder: replaced by the sync feature's screens.
import { createElement } from 'react';
export function SyncPage(_props: Record<string, unknown>) {
  return createElement('p', null, 'SyncPage');
}
export function DraftsPage(_props: Record<string, unknown>) {
  return createElement('p', null, 'DraftsPage');
}
export function SyncIndicator(_props: Record<string, unknown>) {
  return createElement('p', null, 'SyncIndicator');
}
