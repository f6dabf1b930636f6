// Reading the server's JSON answers: the body (null when it is not JSON, as from a captive
// portal) and the message of a protocol error.
import { protocolErrorSchema } from '../domain/protocol';
import type { ResponseLike } from './engine';

export async function readJson(response: ResponseLike): Promise<unknown> {
  try {
    return JSON.parse(await response.text());
  } catch {
    return null;
  }
}

export function errorMessage(json: unknown): string | null {
  const parsed = protocolErrorSchema.safeParse(json);
  return parsed.success ? parsed.data.message : null;
}
