// Placeholder: replaced by the exit feature's screens.
import { createElement } from 'react';
export function ExitPage(_props: Record<string, unknown>) {
  return createElement('p', null, 'ExitPage');
}
