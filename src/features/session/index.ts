// The session screens: sign in, choose the provider to enter data as, and the account page.
// The app's entry chunk imports this module (a new device shows sign-in first), so only the
// sign-in screen is in it: Enter Data As (HUD code lists, and with them zod) and the account page
// (the device database) load when they are first shown, under the caller's Suspense. The service
// worker precaches both. (Plain function components wrap the lazy ones: React cannot render a
// lazy component that resolves to another, which is what routes.tsx's page() would make.)
import { createElement, lazy } from 'react';
import type { ChooseProviderPageProps } from './ChooseProviderPage';

export { SignInPage, type SignInPageProps } from './SignInPage';
export type { ChooseProviderPageProps } from './ChooseProviderPage';

const LazyChooseProviderPage = lazy(async () => ({
  default: (await import('./ChooseProviderPage')).ChooseProviderPage,
}));
const LazyAccountPage = lazy(async () => ({
  default: (await import('./AccountPage')).AccountPage,
}));

export function ChooseProviderPage(props: ChooseProviderPageProps) {
  return createElement(LazyChooseProviderPage, props);
}

export function AccountPage() {
  return createElement(LazyAccountPage);
}
