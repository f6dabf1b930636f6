// Download links for the export screen. A browser saves a large file well only by following a
// link (the download manager writes it to disk as it streams), and a link carries no
// Authorization header; so the screen asks, with its token, for a link that itself says who may
// download what: the export request and the user, signed with HMAC-SHA256 under the server's
// token secret (with a purpose prefix, so a ticket can never pass as an access token or the
// reverse), good for TICKET_TTL_SECONDS. Authorisation is decided when the ticket is issued.
// A ticket names ids and dates only, never a person, since URLs end up in logs.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { hmisExportRequestSchema, type HmisExportRequest } from '../../../src/domain/protocol';
import { idSchema } from '../../../src/domain/records';

export const TICKET_TTL_SECONDS = 120;
const PURPOSE = 'fieldnote:hmis-export-ticket:v1:';

const ticketSchema = z.object({
  userId: idSchema,
  request: hmisExportRequestSchema,
  exp: z.number().int(),
});

function sign(body: string, secret: string): Buffer {
  return createHmac('sha256', secret)
    .update(PURPOSE + body)
    .digest();
}

export function issueTicket(
  userId: string,
  request: HmisExportRequest,
  secret: string,
  nowMs: number,
): { ticket: string; expiresAt: Date } {
  const exp = Math.floor(nowMs / 1000) + TICKET_TTL_SECONDS;
  const body = Buffer.from(JSON.stringify({ userId, request, exp })).toString('base64url');
  return {
    ticket: `${body}.${sign(body, secret).toString('base64url')}`,
    expiresAt: new Date(exp * 1000),
  };
}

export type TicketResult =
  | { ok: true; userId: string; request: HmisExportRequest }
  | { ok: false; problem: 'malformed' | 'expired' };

/** Checks a ticket's signature and expiry; never throws. */
export function verifyTicket(ticket: string, secret: string, nowMs: number): TicketResult {
  const match = /^([A-Za-z0-9_-]{1,20000})\.([A-Za-z0-9_-]{43})$/.exec(ticket);
  if (!match) return { ok: false, problem: 'malformed' };
  const [, body, signature] = match as unknown as [string, string, string];
  const given = Buffer.from(signature, 'base64url');
  const expected = sign(body, secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, problem: 'malformed' };
  }
  let parsed;
  try {
    parsed = ticketSchema.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
  } catch {
    return { ok: false, problem: 'malformed' };
  }
  if (!parsed.success) return { ok: false, problem: 'malformed' };
  if (parsed.data.exp * 1000 <= nowMs) return { ok: false, problem: 'expired' };
  return { ok: true, userId: parsed.data.userId, request: parsed.data.request };
}
