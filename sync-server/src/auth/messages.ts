// What the session routes say when they refuse (accounts.ts, and the guard's access check).
export const WRONG_CREDENTIALS = 'Wrong username or password.';
export const SESSION_ENDED = 'Your session has ended. Sign in again.';
export const ACCOUNT_INACTIVE =
  'This account has been deactivated. Ask an administrator if you need access again.';
