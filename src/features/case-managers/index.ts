// Placeholder: replaced by the case-managers feature's screens.
import { createElement } from 'react';
export function CaseManagersPage(_props: Record<string, unknown>) {
  return createElement('p', null, 'CaseManagersPage');
}
