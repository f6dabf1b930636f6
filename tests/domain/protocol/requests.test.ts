// Issue 12, "One API contract": the request bodies the app sends and the server parses are one
// set of schemas in src/domain/protocol (the server's routes import them; the app's session code
// types its bodies with them).
import { describe, expect, it } from 'vitest';
import {
  RESOLUTION_ACTIONS,
  refreshRequestSchema,
  resolveConflictRequestSchema,
  signInRequestSchema,
  signOutRequestSchema,
} from '../../../src/domain/protocol';

describe('request schemas shared by the app and the server', () => {
  it('sign-in trims the username and says which field is missing', () => {
    expect(signInRequestSchema.parse({ username: '  casey ', password: 'x' })).toMatchObject({
      username: 'casey',
    });
    const missing = signInRequestSchema.safeParse({ username: ' ', password: '' });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues.map((i) => i.message)).toEqual([
      'Enter your username',
      'Enter your password',
    ]);
  });

  it('refresh and sign-out need a bounded refresh token', () => {
    expect(refreshRequestSchema.safeParse({ refreshToken: 'abc' }).success).toBe(true);
    expect(refreshRequestSchema.safeParse({ refreshToken: 'a'.repeat(513) }).success).toBe(false);
    expect(signOutRequestSchema.parse({ refreshToken: 'abc', everywhere: true })).toEqual({
      refreshToken: 'abc',
      everywhere: true,
    });
    expect(signOutRequestSchema.safeParse({}).error?.issues[0]?.message).toBe(
      'A refresh token is required',
    );
  });

  it('a conflict resolution names a provider and one of the known actions', () => {
    const providerId = '0123456789abcdef0123456789abcdef';
    for (const action of RESOLUTION_ACTIONS) {
      expect(resolveConflictRequestSchema.safeParse({ providerId, action }).success).toBe(true);
    }
    expect(resolveConflictRequestSchema.safeParse({ providerId, action: 'merge' }).success).toBe(
      false,
    );
  });
});
