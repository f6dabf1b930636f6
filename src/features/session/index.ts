// Placeholder: replaced by the session feature's screens.
import { createElement } from 'react';
import type { ProviderSummary } from '../../db';

export interface SignInPageProps {
  /** People who signed in on this device before (they can unlock offline). */
  knownAccounts: { username: string; displayName: string }[];
  /** Throws SignInError (src/sync/session.ts) with a message to show. */
  signIn(username: string, password: string): Promise<void>;
}
export function SignInPage(_props: SignInPageProps) {
  return createElement('p', null, 'SignInPage');
}

export interface ChooseProviderPageProps {
  displayName: string;
  providers: ProviderSummary[];
  current: string | null;
  onChoose(providerId: string): Promise<void>;
}
export function ChooseProviderPage(_props: ChooseProviderPageProps) {
  return createElement('p', null, 'ChooseProviderPage');
}
export function AccountPage() {
  return createElement('p', null, 'AccountPage');
}
