// Placeholder: replaced by the contact feature's screens.
import { createElement } from 'react';
export function ContactPage(_props: Record<string, unknown>) {
  return createElement('p', null, 'ContactPage');
}
