// Reading record views (plain objects from the device database) with the types the screens need,
// and the facts about an enrollment both screens share: its provider and its Entry form context.
import type { EnrollmentBundle, ProviderSummary, RecordView } from '../../db';
import { personName } from '../../shared/format';
import type { AppServices } from '../../shared/services';
import { entryFormContext, entryForms } from '../../domain/workflow/backfill';
import { hasFederalFunder } from '../../domain/workflow/federal-funder';
import type { FormContext, FormDefinition } from '../../domain/forms';

export const str = (v: unknown): string => (typeof v === 'string' ? v : '');
export const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/** A client's name as a case manager reads it (or "Name not recorded"). */
export function clientName(client: RecordView | null | undefined): string {
  return personName(client ? { firstName: client.firstName, lastName: client.lastName } : null);
}

/** The provider of an enrollment, when the signed-in person belongs to it. */
export function providerOf(
  services: Pick<AppServices, 'account' | 'provider'>,
  providerId: unknown,
): ProviderSummary | undefined {
  if (services.provider.id === providerId) return services.provider;
  return services.account.providers.find((p) => p.id === providerId);
}

export function providerName(
  services: Pick<AppServices, 'account' | 'provider'>,
  providerId: unknown,
): string {
  return providerOf(services, providerId)?.name ?? 'Another provider';
}

/** The enrollment fields the backfill workflow reads. */
export function backfillEnrollment(enrollment: RecordView) {
  return {
    id: enrollment.id,
    clientId: str(enrollment.clientId),
    projectStartDate: str(enrollment.projectStartDate),
  };
}

/** Who the Entry assessment is about (head of household / adult at project start) and where. */
export function entryContext(
  bundle: Pick<EnrollmentBundle, 'enrollment' | 'client'>,
  services: Pick<AppServices, 'account' | 'provider' | 'today'>,
): FormContext {
  return entryFormContext({
    relationshipToHoH: num(bundle.enrollment.relationshipToHoH),
    dob: typeof bundle.client?.dob === 'string' ? bundle.client.dob : null,
    projectStartDate: str(bundle.enrollment.projectStartDate),
    projectType: providerOf(services, bundle.enrollment.providerId)?.projectType ?? null,
    today: services.today(),
  });
}

/**
 * Whether the enrollment's provider has a federal funder today: then 4.05–4.10 are required at
 * project start (W-DIS4), as the caseload counts them (hasFederalFunder(provider, today)).
 */
export function federalFunded(
  bundle: Pick<EnrollmentBundle, 'enrollment'>,
  services: Pick<AppServices, 'account' | 'provider' | 'today'>,
): boolean {
  return hasFederalFunder(providerOf(services, bundle.enrollment.providerId), services.today());
}

/** The Entry's forms as the enrollment's provider uses them (W-DIS4). */
export function entryFormsOf(
  bundle: Pick<EnrollmentBundle, 'enrollment'>,
  services: Pick<AppServices, 'account' | 'provider' | 'today'>,
): readonly FormDefinition[] {
  return entryForms(federalFunded(bundle, services));
}
