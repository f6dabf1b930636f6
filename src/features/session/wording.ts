// Wording the account screen's sections share: a count of changes, an error as a sentence.

export function changes(n: number): string {
  return `${n} change${n === 1 ? '' : 's'}`;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
