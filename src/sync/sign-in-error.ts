// Why a sign-in failed, in words for the person at the screen. Its own module, with no imports,
// so the sign-in screen (in the app's first chunk) does not pull in the sync engine.
export type SignInFailure =
  | 'wrong_password'
  | 'locked'
  | 'offline_first_time'
  | 'offline_too_long'
  | 'server'
  | 'invalid_input';

export class SignInError extends Error {
  constructor(
    readonly kind: SignInFailure,
    message: string,
  ) {
    super(message);
    this.name = 'SignInError';
  }
}
