// Placeholder: replaced by the caseload feature's screens.
import { createElement } from 'react';
export function CaseloadPage(_props: Record<string, unknown>) {
  return createElement('p', null, 'CaseloadPage');
}
