// What an HMIS CSV FY2026 export would still lack for a provider's project descriptors.
import { getList } from '../codes';
import { HMIS_PARTICIPATING } from '../codes/project-descriptors';
import { COORDINATED_ENTRY, SERVICES_ONLY } from '../codes/project-type';
import type { LocalDate } from './dates';
import { descriptorsOf, isHopwaFunded } from './project-descriptors';
import { organizationIdOf, type Provider } from './provider';

/** Pairs of periods (start, end or open) in the list that cover a common day. */
function overlaps(
  periods: readonly { startDate: LocalDate; endDate: LocalDate | null }[],
): boolean {
  const sorted = [...periods].sort((a, b) => a.startDate.localeCompare(b.startDate));
  for (let i = 1; i < sorted.length; i++) {
    const previousEnd = sorted[i - 1]!.endDate;
    if (previousEnd === null || previousEnd >= sorted[i]!.startDate) return true;
  }
  return false;
}

/**
 * What an HMIS CSV FY2026 export would lack for this provider, as sentences an administrator can
 * act on; empty when Organization, Project, Funder, ProjectCoC, HMISParticipation and (for
 * Coordinated Entry) CEParticipation rows can all be written. Eva check numbers in comments.
 */
export function projectDescriptorProblems(provider: Provider): string[] {
  const d = descriptorsOf(provider);
  const problems: string[] = [];
  // Organization.csv
  if (!provider.organizationName) problems.push('Organization name is missing.');
  if (organizationIdOf(provider) === null) {
    problems.push(
      'Organization ID is missing: set one, or an organization name to derive it from.',
    );
  }
  if (d.victimServiceProvider === null) {
    problems.push('Victim service provider (yes or no) is not set for the organization.');
  }
  // Project.csv (Eva 6/13: OperatingStartDate and ContinuumProject are high priority)
  if (d.operatingStartDate === null) problems.push('Project start date of operation is missing.');
  if (d.continuumProject === null) problems.push('Continuum project (yes or no) is not set.');
  if (provider.projectType === SERVICES_ONLY && d.residentialAffiliation === null) {
    problems.push(
      'Residential affiliation (yes or no) is not set: a Services Only project needs it.',
    );
  }
  if (isHopwaFunded(d) && d.hopwaMedAssistedLivingFac === null) {
    problems.push(
      'HOPWA medically assisted living facility (yes or no) is not set: a HOPWA-funded project needs it.',
    );
  }
  // Funder.csv
  if (d.hudFunders.length === 0) problems.push('No HUD funder record (funding source and grant).');
  for (const f of d.hudFunders) {
    const code = getList('2.06.1').codes.find((c) => c.code === f.funder);
    if (code?.retired && f.endDate === null) {
      problems.push(
        `Funding source ${code.code} "${code.label}" is retired in FY2026: give that grant an end date.`,
      );
    }
  }
  // ProjectCoC.csv (Eva 35 project missing in ProjectCoC; Eva 5 geocode and geography type)
  if (d.projectCocs.length === 0) problems.push('No project CoC record.');
  for (const c of d.projectCocs) {
    if (c.geocode === null) problems.push(`Project CoC ${c.cocCode} has no geocode.`);
    if (c.geographyType === null) problems.push(`Project CoC ${c.cocCode} has no geography type.`);
  }
  // HMISParticipation.csv (Eva 111–115, 131, 133)
  if (d.hmisParticipation.length === 0) problems.push('No HMIS participation record.');
  if (overlaps(d.hmisParticipation)) {
    problems.push('HMIS participation records overlap: end the old one before the new one starts.');
  }
  const open = d.hmisParticipation.filter((h) => h.endDate === null);
  if (d.hmisParticipationType === null) {
    problems.push('HMIS participation type is not set.');
  } else if (open.length > 0 && !open.some((h) => h.type === d.hmisParticipationType)) {
    problems.push(
      `HMIS participation type ${d.hmisParticipationType} differs from the open HMIS participation record (${open[0]!.type}).`,
    );
  }
  if (d.victimServiceProvider === 1 && d.hmisParticipationType === HMIS_PARTICIPATING) {
    problems.push(
      'A victim service provider must not take part in HMIS (VAWA): use 2 Comparable Database Participating.',
    );
  }
  // CEParticipation.csv (Eva 128)
  if (provider.projectType === COORDINATED_ENTRY && d.ceParticipation.length === 0) {
    problems.push('No CE participation record: a Coordinated Entry project needs one.');
  }
  if (overlaps(d.ceParticipation)) {
    problems.push('CE participation records overlap: end the old one before the new one starts.');
  }
  return problems;
}
