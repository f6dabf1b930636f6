// Access tokens, in this page's memory only (issue 11: never at rest). A reload, a lock or a
// closed tab forgets them; the next request after an unlock refreshes with the refresh token,
// which is stored sealed under the person's data key.
export interface MemoryToken {
  token: string;
  /** ISO instant */
  expiresAt: string;
}

const tokens = new Map<string, MemoryToken>();

export function rememberAccessToken(userId: string, token: MemoryToken): void {
  tokens.set(userId, token);
}

export function accessTokenOf(userId: string): MemoryToken | null {
  return tokens.get(userId) ?? null;
}

export function forgetAccessToken(userId: string): void {
  tokens.delete(userId);
}

export function forgetAllAccessTokens(): void {
  tokens.clear();
}
