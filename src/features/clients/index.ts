// Placeholder: replaced by the clients feature's screens.
import { createElement } from 'react';
export function FindClientPage(_props: Record<string, unknown>) {
  return createElement('p', null, 'FindClientPage');
}
export function ClientProfilePage(_props: Record<string, unknown>) {
  return createElement('p', null, 'ClientProfilePage');
}
