// Placeholder: replaced by the enrollment feature's screens.
import { createElement } from 'react';
export function EnrollmentPage(_props: Record<string, unknown>) {
  return createElement('p', null, 'EnrollmentPage');
}
export function BackfillPage(_props: Record<string, unknown>) {
  return createElement('p', null, 'BackfillPage');
}
