// Export.csv, User.csv and the project-descriptor files (Organization, Project, Funder,
// ProjectCoC, HMISParticipation, CEParticipation) from the export parameters and the providers'
// descriptors (src/domain/records/project-descriptors.ts).
//
// SourceType is 2 "Standalone/agency-specific application" (list 1.9): Fieldnote is the county
// case managers' own application whose data is sent to the CoC's HMIS; it is not the CoC HMIS
// (1) and it does not merge other systems' data (3 Data warehouse).
//
// Descriptors have no record metadata (providers are server-managed, not synced records), so
// their DateCreated and DateUpdated are the export's time and their UserID is the descriptor user
// (params.descriptorUserId, or the Fieldnote system user). Child-record ids (FunderID,
// ProjectCoCID, …) are derived from the provider id and what identifies the entry, so they stay
// the same from one export to the next.
import { derivedId, descriptorsOf, organizationIdOf, type Provider } from '../../records';
import { hmisFile } from '../columns';
import { CSV_VERSION_PREFIX, HASH_STATUS_SHA256 } from '../structure-check';
import type { ExportUser, HmisExportParams } from './source';
import { formatRow, type RowFormat, type RowValues } from './rows';

export const SOURCE_TYPE_STANDALONE = 2;
export const EXPORT_PERIOD_REPORTING = 3;
export const EXPORT_DIRECTIVE_FULL_REFRESH = 2;
export const HASH_STATUS_UNHASHED = 1;
export const CSV_VERSION = `${CSV_VERSION_PREFIX} v1.0`;
/** UserID of rows no person changed (project descriptors when no descriptor user is given). */
export const SYSTEM_USER_ID = 'fieldnote-system';

export function exportRow(params: HmisExportParams, format: RowFormat): string[] {
  const cocs = [
    ...new Set(params.providers.flatMap((p) => descriptorsOf(p).projectCocs.map((c) => c.cocCode))),
  ];
  const values: RowValues = {
    SourceType: SOURCE_TYPE_STANDALONE,
    SourceID: cocs.length > 0 ? cocs.slice(0, 50).join(';') : null,
    SourceName: params.source?.name ?? null,
    SourceContactFirst: params.source?.contactFirst ?? null,
    SourceContactLast: params.source?.contactLast ?? null,
    SourceContactPhone: params.source?.contactPhone ?? null,
    SourceContactEmail: params.source?.contactEmail ?? null,
    ExportDate: params.exportedAt,
    ExportStartDate: params.startDate,
    ExportEndDate: params.endDate,
    SoftwareName: params.softwareName,
    SoftwareVersion: params.softwareVersion,
    CSVVersion: CSV_VERSION,
    ExportPeriodType: EXPORT_PERIOD_REPORTING,
    ExportDirective: EXPORT_DIRECTIVE_FULL_REFRESH,
    HashStatus: params.hash ? HASH_STATUS_SHA256 : HASH_STATUS_UNHASHED,
    ImplementationID: params.implementationId,
  };
  return formatRow(hmisFile('Export'), values, format);
}

/** DateCreated/DateUpdated/UserID of a descriptor row. */
function descriptorMeta(params: HmisExportParams, userId: string): RowValues {
  return {
    DateCreated: params.exportedAt,
    DateUpdated: params.exportedAt,
    UserID: userId,
    DateDeleted: null,
  };
}

export function organizationRows(
  params: HmisExportParams,
  userId: string,
  format: RowFormat,
): string[][] {
  const seen = new Set<string>();
  const rows: string[][] = [];
  for (const p of params.providers) {
    const id = organizationIdOf(p);
    if (id === null || seen.has(id)) continue;
    seen.add(id);
    rows.push(
      formatRow(
        hmisFile('Organization'),
        {
          OrganizationID: id,
          OrganizationName: p.organizationName ?? p.name,
          VictimServiceProvider: descriptorsOf(p).victimServiceProvider,
          OrganizationCommonName: null,
          ...descriptorMeta(params, userId),
        },
        format,
      ),
    );
  }
  return rows;
}

export function projectRow(
  p: Provider,
  params: HmisExportParams,
  userId: string,
  format: RowFormat,
): string[] {
  const d = descriptorsOf(p);
  return formatRow(
    hmisFile('Project'),
    {
      ProjectID: p.id,
      OrganizationID: organizationIdOf(p),
      ProjectName: p.name,
      ProjectCommonName: null,
      OperatingStartDate: d.operatingStartDate,
      OperatingEndDate: d.operatingEndDate,
      ContinuumProject: d.continuumProject,
      ProjectType: p.projectType,
      // HousingType, RRHSubType and PITCount describe residential projects; Fieldnote's
      // case-management providers record none of them.
      ResidentialAffiliation: d.residentialAffiliation,
      TargetPopulation: d.targetPopulation,
      HOPWAMedAssistedLivingFac: d.hopwaMedAssistedLivingFac,
      ...descriptorMeta(params, userId),
    },
    format,
  );
}

export function funderRows(
  p: Provider,
  params: HmisExportParams,
  userId: string,
  format: RowFormat,
): string[][] {
  return descriptorsOf(p).hudFunders.map((f) =>
    formatRow(
      hmisFile('Funder'),
      {
        FunderID: derivedId(`funder:${p.id}:${f.funder}:${f.grantId ?? ''}:${f.startDate}`),
        ProjectID: p.id,
        Funder: f.funder,
        OtherFunder: f.otherFunder,
        GrantID: f.grantId,
        StartDate: f.startDate,
        EndDate: f.endDate,
        ...descriptorMeta(params, userId),
      },
      format,
    ),
  );
}

export function projectCocRows(
  p: Provider,
  params: HmisExportParams,
  userId: string,
  format: RowFormat,
): string[][] {
  return descriptorsOf(p).projectCocs.map((c) =>
    formatRow(
      hmisFile('ProjectCoC'),
      {
        ProjectCoCID: derivedId(`project-coc:${p.id}:${c.cocCode}`),
        ProjectID: p.id,
        CoCCode: c.cocCode,
        Geocode: c.geocode,
        Address1: c.address1,
        Address2: c.address2,
        City: c.city,
        State: c.state,
        ZIP: c.zip,
        GeographyType: c.geographyType,
        ...descriptorMeta(params, userId),
      },
      format,
    ),
  );
}

export function hmisParticipationRows(
  p: Provider,
  params: HmisExportParams,
  userId: string,
  format: RowFormat,
): string[][] {
  return descriptorsOf(p).hmisParticipation.map((h) =>
    formatRow(
      hmisFile('HMISParticipation'),
      {
        HMISParticipationID: derivedId(`hmis-participation:${p.id}:${h.startDate}`),
        ProjectID: p.id,
        HMISParticipationType: h.type,
        HMISParticipationStatusStartDate: h.startDate,
        HMISParticipationStatusEndDate: h.endDate,
        ...descriptorMeta(params, userId),
      },
      format,
    ),
  );
}

export function ceParticipationRows(
  p: Provider,
  params: HmisExportParams,
  userId: string,
  format: RowFormat,
): string[][] {
  return descriptorsOf(p).ceParticipation.map((c) =>
    formatRow(
      hmisFile('CEParticipation'),
      {
        CEParticipationID: derivedId(`ce-participation:${p.id}:${c.startDate}`),
        ProjectID: p.id,
        AccessPoint: c.accessPoint,
        PreventionAssessment: c.preventionAssessment,
        CrisisAssessment: c.crisisAssessment,
        HousingAssessment: c.housingAssessment,
        DirectServices: c.directServices,
        ReceivesReferrals: c.receivesReferrals,
        CEParticipationStatusStartDate: c.startDate,
        CEParticipationStatusEndDate: c.endDate,
        ...descriptorMeta(params, userId),
      },
      format,
    ),
  );
}

/**
 * "Ana María Lopez" → first "Ana María", last "Lopez": the last word is taken as the last name.
 * One word is a first name only.
 */
export function splitDisplayName(displayName: string): {
  first: string | null;
  last: string | null;
} {
  const words = displayName.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { first: null, last: null };
  if (words.length === 1) return { first: words[0]!.slice(0, 50), last: null };
  return {
    first: words.slice(0, -1).join(' ').slice(0, 50),
    last: words[words.length - 1]!.slice(0, 50),
  };
}

/**
 * User.csv: every id named in a UserID column. An id the source does not know (a user removed
 * from the server) still gets a row, without a name, so no UserID is left without its user.
 */
export function userRows(
  ids: readonly string[],
  known: readonly ExportUser[],
  params: HmisExportParams,
  format: RowFormat,
): string[][] {
  const byId = new Map(known.map((u) => [u.id, u]));
  return ids.map((id) => {
    const user = byId.get(id);
    const name =
      id === SYSTEM_USER_ID && user === undefined
        ? { first: params.softwareName, last: null }
        : splitDisplayName(user?.displayName ?? '');
    return formatRow(
      hmisFile('User'),
      {
        UserID: id,
        UserFirstName: name.first,
        UserLastName: name.last,
        UserEmail: user?.email ?? null,
        DateCreated: params.exportedAt,
        DateUpdated: params.exportedAt,
        DateDeleted: null,
      },
      format,
    );
  });
}
