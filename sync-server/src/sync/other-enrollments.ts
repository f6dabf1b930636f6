// Where else a client is enrolled right now: the client's open enrollments at other providers, so
// a case manager can see that the person is also in, say, an ESG, PATH, YHDP or CES project and
// coordinate. Returns which provider and project type and since when, never the enrollment's
// assessments, contacts, notes or exit data, and audits every look. For a client who does not
// share (HMIS Release of Information, RULES.md W-ROI-3) it lists only the enrollments at providers
// the asking user is a member of.
import { recordKey } from '../../../src/domain/records';
import { notFound } from '../errors';
import type { Storage } from '../storage/types';
import { sharesWith, viewerOf, visibleProviders } from './roi-visibility';

export interface OtherEnrollment {
  id: string;
  providerId: string;
  providerName: string;
  /** HUD 2.02.6 Project Type code of the provider. */
  projectType: number;
  /** The provider's funder codes (local list "local:funder"). */
  funders: number[];
  projectStartDate: string;
}

export const CLIENT_NOT_IN_CASELOAD = "No such client in this provider's caseload.";

/**
 * The open (no exit date), not deleted enrollments of the client at providers other than
 * `providerId`, by project start date. The client must be in `providerId`'s scope and not deleted:
 * otherwise 404, the same answer whether or not the client exists elsewhere.
 */
export async function listOtherEnrollments(
  storage: Storage,
  input: { userId: string; providerId: string; clientId: string; now: number },
): Promise<OtherEnrollment[]> {
  const { providerId, clientId } = input;
  const key = recordKey('client', clientId);
  const scopes = await storage.getScopes([{ type: 'client', id: clientId }]);
  if (!(scopes.get(key) ?? []).includes(providerId)) throw notFound(CLIENT_NOT_IN_CASELOAD);
  const client = (await storage.getRecords([{ type: 'client', id: clientId }])).get(key);
  if (!client || client.state.deleted) throw notFound(CLIENT_NOT_IN_CASELOAD);

  const providers = new Map((await storage.listProviders()).map((p) => [p.id, p]));
  const viewer = await viewerOf(storage, input.userId);
  const visible = new Set(visibleProviders(client.state, viewer, [...providers.keys()]));
  const enrollments: OtherEnrollment[] = [];
  for (const record of await storage.listClientEnrollments([clientId])) {
    const f = record.state.fields;
    if (record.state.deleted || f.clientId !== clientId || f.exitDate != null) continue;
    if (typeof f.providerId !== 'string' || f.providerId === providerId) continue;
    if (!visible.has(f.providerId)) continue; // W-ROI-3: Do Not Share
    // Providers are never removed (only deactivated), so an enrollment's provider is always there.
    const provider = providers.get(f.providerId);
    if (!provider) continue;
    enrollments.push({
      id: record.state.id,
      providerId: provider.id,
      providerName: provider.name,
      projectType: provider.projectType,
      funders: [...provider.funders],
      projectStartDate: typeof f.projectStartDate === 'string' ? f.projectStartDate : '',
    });
  }
  enrollments.sort(
    (a, b) =>
      a.projectStartDate.localeCompare(b.projectStartDate) ||
      a.providerName.localeCompare(b.providerName) ||
      (a.id < b.id ? -1 : 1),
  );

  // HUD requires monitoring of access: who looked at which client's other enrollments.
  await storage.appendAudit([
    {
      at: new Date(input.now).toISOString(),
      userId: input.userId,
      providerId,
      action: 'view_other_enrollments',
      recordType: 'client',
      recordId: clientId,
      details: {
        enrollmentIds: enrollments.map((e) => e.id),
        // What the answer was decided under, for whoever reviews who saw what (W-ROI-4).
        sharing: sharesWith(client.state) ? 'share' : 'do_not_share',
      },
    },
  ]);
  return enrollments;
}
