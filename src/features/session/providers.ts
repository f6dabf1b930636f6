// How a provider (an HMIS project a case manager enters data as) is named on the session screens:
// its name, its HUD 2.02.6 project type and its funders.
import type { ProviderSummary } from '../../db';
// The two lists' own modules rather than '../../domain/codes' (every HUD list): the Enter Data As
// screen is in the app's first chunk.
import { FUNDER_KIND_LIST, PROJECT_TYPE_LIST } from '../../domain/codes/project-type';
import { labelOf } from '../../domain/codes/types';

export function projectTypeLabel(code: number): string {
  return labelOf(PROJECT_TYPE_LIST, code) ?? `Project type ${code}`;
}

/** A funder code of the local list 'local:funder' as a case manager reads it. */
export function funderLabel(code: number): string {
  return labelOf(FUNDER_KIND_LIST, code) ?? `Funder ${code}`;
}

/** "Services Only · funded by Case Management, ESG" */
export function providerDetails(provider: ProviderSummary): string {
  const funders = provider.funders.map(funderLabel);
  const type = projectTypeLabel(provider.projectType);
  return funders.length ? `${type} · funded by ${funders.join(', ')}` : type;
}

/** "Northside Family Services — Services Only · funded by Case Management" */
export function providerLabel(provider: ProviderSummary): string {
  return `${provider.name} — ${providerDetails(provider)}`;
}
