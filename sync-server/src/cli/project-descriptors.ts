// The admin CLI's project-descriptor commands (set-project, add-funder, set-project-coc,
// add-ce-participation, show-project): the HUD data an HMIS CSV export needs about a provider
// (src/domain/records/provider.ts). admin.ts parses the command line and calls runProjectCommand.
// A bad value is refused with a message naming the option, and nothing is changed.
import type { z } from 'zod';
import { getList, labelOf, type HudList } from '../../../src/domain/codes';
import {
  ceParticipationSchema,
  cocCodeSchema,
  descriptorsOf,
  geocodeSchema,
  localDateSchema,
  newHudFunderSchema,
  organizationIdOf,
  projectCocSchema,
  projectDescriptorProblems,
  projectDescriptorsSchema,
  type HmisParticipation,
  type LocalDate,
  type Provider,
} from '../../../src/domain/records';
import { uncollectedProgramElements } from '../../../src/domain/workflow/federal-funder';
import { AdminError, findProvider, updateProvider } from '../auth/accounts';
import type { Storage } from '../storage/types';

type Values = Record<string, string | string[] | boolean | undefined>;

/** An OrganizationID given on the command line (the stored schema also allows null). */
const ORGANIZATION_ID = projectDescriptorsSchema.shape.organizationId.unwrap();

export const PROJECT_OPTIONS = {
  'organization-id': { type: 'string' },
  'victim-service-provider': { type: 'string' },
  'operating-start': { type: 'string' },
  'operating-end': { type: 'string' },
  'continuum-project': { type: 'string' },
  'residential-affiliation': { type: 'string' },
  'hmis-participation': { type: 'string' },
  'hmis-participation-start': { type: 'string' },
  'hopwa-med-assisted-living-fac': { type: 'string' },
  'target-population': { type: 'string' },
  'grant-id': { type: 'string' },
  start: { type: 'string' },
  end: { type: 'string' },
  'other-funder': { type: 'string' },
  geocode: { type: 'string' },
  'geography-type': { type: 'string' },
  address1: { type: 'string' },
  address2: { type: 'string' },
  city: { type: 'string' },
  state: { type: 'string' },
  zip: { type: 'string' },
  'access-point': { type: 'string' },
  'prevention-assessment': { type: 'string' },
  'crisis-assessment': { type: 'string' },
  'housing-assessment': { type: 'string' },
  'direct-services': { type: 'string' },
  'receives-referrals': { type: 'string' },
} as const;

export const PROJECT_COMMANDS: Record<string, { required: string[]; optional: string[] }> = {
  'set-project': {
    required: ['provider'],
    optional: [
      'organization',
      'organization-id',
      'victim-service-provider',
      'operating-start',
      'operating-end',
      'continuum-project',
      'residential-affiliation',
      'hmis-participation',
      'hmis-participation-start',
      'hopwa-med-assisted-living-fac',
      'target-population',
    ],
  },
  'add-funder': {
    required: ['provider', 'funder', 'grant-id', 'start'],
    optional: ['end', 'other-funder'],
  },
  'set-project-coc': {
    required: ['provider', 'coc', 'geocode', 'geography-type'],
    optional: ['address1', 'address2', 'city', 'state', 'zip'],
  },
  'add-ce-participation': {
    required: ['provider', 'access-point', 'receives-referrals', 'start'],
    optional: [
      'end',
      'prevention-assessment',
      'crisis-assessment',
      'housing-assessment',
      'direct-services',
    ],
  },
  'show-project': { required: ['provider'], optional: [] },
};

export const PROJECT_USAGE = `Project descriptors (what an HMIS CSV export needs about a provider):
  set-project --provider <id or name> [--organization <name>] [--organization-id <id>]
              [--victim-service-provider 0|1] [--operating-start YYYY-MM-DD]
              [--operating-end YYYY-MM-DD|none] [--continuum-project 0|1]
              [--residential-affiliation 0|1|none] [--hmis-participation <2.08.1 code>
              [--hmis-participation-start YYYY-MM-DD]] [--hopwa-med-assisted-living-fac 0|1|none]
              [--target-population <2.02.D code>|none]
      Residential affiliation is for Services Only projects (type 6) only, the HOPWA question for
      HOPWA-funded projects only. --hmis-participation 0 Not, 1 HMIS, 2 Comparable Database
      starts a participation period (on the operating start date unless given) and ends the
      open one of another type the day before.
  add-funder --provider <id or name> --funder <HUD 2.06.1 code> --grant-id <id> --start YYYY-MM-DD
             [--end YYYY-MM-DD] [--other-funder <name>]
      --other-funder only (and always) for 46 Local or Other Funding Source; retired funding
      sources (e.g. 47 ESG – CV, 48 HOPWA – CV) are refused.
  set-project-coc --provider <id or name> --coc <MN-500> --geocode <6 digits>
                  --geography-type <1 Urban|2 Suburban|3 Rural|99> [--address1 <text>]
                  [--address2 <text>] [--city <name>] [--state <MN>] [--zip <55415>]
      Adds the project's CoC, or replaces the one with that code; the first is the provider's CoC.
  add-ce-participation --provider <id or name> --access-point 0|1 --receives-referrals 0|1
                       --start YYYY-MM-DD [--end YYYY-MM-DD] [--prevention-assessment 0|1]
                       [--crisis-assessment 0|1] [--housing-assessment 0|1] [--direct-services 0|1]
      The four assessment and service answers are for access points only (--access-point 1).
  show-project --provider <id or name>
      Prints the descriptors and what an export would still lack.`;

function str(values: Values, key: string): string | undefined {
  const value = values[key];
  const last = Array.isArray(value) ? value[value.length - 1] : value;
  return typeof last === 'string' ? last.trim() : undefined;
}

function refuse(option: string, raw: string, reason: string): never {
  throw new AdminError(`--${option} "${raw}": ${reason}`);
}

function parseWith<T>(schema: z.ZodType<T>, option: string, raw: string): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) refuse(option, raw, parsed.error.issues[0]?.message ?? 'not valid');
  return parsed.data;
}

const isNone = (raw: string) => raw.toLowerCase() === 'none';

function date(option: string, raw: string): LocalDate {
  return parseWith(localDateSchema, option, raw);
}

/** A code of a HUD list by number or label; retired codes are refused (new data). */
function code(list: HudList, option: string, raw: string): number {
  const found = /^\d+$/.test(raw)
    ? list.codes.find((c) => c.code === Number(raw))
    : list.codes.find((c) => c.label.toLowerCase() === raw.toLowerCase());
  if (found?.retired) {
    refuse(option, raw, `${found.code} "${found.label}" is retired in FY2026 and cannot be used.`);
  }
  if (!found) {
    const choices = list.codes
      .filter((c) => !c.retired)
      .map((c) => `${c.code} ${c.label}`)
      .join('; ');
    refuse(option, raw, `not a ${list.name} code. Choose one of: ${choices}.`);
  }
  return found.code;
}

function noYes(option: string, raw: string): number {
  const lower = raw.toLowerCase();
  if (lower === '0' || lower === 'no') return 0;
  if (lower === '1' || lower === 'yes') return 1;
  return refuse(option, raw, 'answer 0 (no) or 1 (yes).');
}

/** The day before a local date. */
function dayBefore(d: LocalDate): LocalDate {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, day - 1)).toISOString().slice(0, 10);
}

function setProject(p: Provider, values: Values): Provider {
  const next: Provider = { ...p, ...descriptorsOf(p) };
  const opt = (key: string) => str(values, key);
  let raw: string | undefined;
  if ((raw = opt('organization')) !== undefined) next.organizationName = raw || null;
  if ((raw = opt('organization-id')) !== undefined) {
    next.organizationId = isNone(raw) ? null : parseWith(ORGANIZATION_ID, 'organization-id', raw);
  }
  if ((raw = opt('victim-service-provider')) !== undefined) {
    next.victimServiceProvider = noYes('victim-service-provider', raw);
  }
  if ((raw = opt('operating-start')) !== undefined) {
    next.operatingStartDate = date('operating-start', raw);
  }
  if ((raw = opt('operating-end')) !== undefined) {
    next.operatingEndDate = isNone(raw) ? null : date('operating-end', raw);
  }
  if ((raw = opt('continuum-project')) !== undefined) {
    next.continuumProject = noYes('continuum-project', raw);
  }
  if ((raw = opt('residential-affiliation')) !== undefined) {
    next.residentialAffiliation = isNone(raw) ? null : noYes('residential-affiliation', raw);
  }
  if ((raw = opt('hopwa-med-assisted-living-fac')) !== undefined) {
    next.hopwaMedAssistedLivingFac = isNone(raw)
      ? null
      : noYes('hopwa-med-assisted-living-fac', raw);
  }
  if ((raw = opt('target-population')) !== undefined) {
    next.targetPopulation = isNone(raw) ? null : code(getList('2.02.D'), 'target-population', raw);
  }
  const startRaw = opt('hmis-participation-start');
  if ((raw = opt('hmis-participation')) !== undefined) {
    const type = code(getList('2.08.1'), 'hmis-participation', raw);
    const periods = next.hmisParticipation ?? [];
    const start =
      startRaw !== undefined
        ? date('hmis-participation-start', startRaw)
        : periods.length === 0
          ? next.operatingStartDate
          : null;
    const open = periods.filter((h) => h.endDate === null);
    if (!open.some((h) => h.type === type)) {
      if (start === null || start === undefined) {
        throw new AdminError(
          '--hmis-participation-start is needed: say when this HMIS participation type starts (or set --operating-start first).',
        );
      }
      const closed: HmisParticipation[] = periods.map((h) => {
        if (h.endDate !== null) return h;
        if (h.startDate >= start) {
          throw new AdminError(
            `--hmis-participation-start ${start} is not after the open participation period's start (${h.startDate}).`,
          );
        }
        return { ...h, endDate: dayBefore(start) };
      });
      next.hmisParticipation = [...closed, { type, startDate: start, endDate: null }];
    }
    next.hmisParticipationType = type;
  } else if (startRaw !== undefined) {
    throw new AdminError('--hmis-participation-start goes with --hmis-participation.');
  }
  return next;
}

function describe(p: Provider): string[] {
  const d = descriptorsOf(p);
  const yn = (v: number | null) => (v === null ? '-' : v === 1 ? 'yes' : 'no');
  const coded = (listId: string, v: number | null) =>
    v === null ? '-' : `${v} ${labelOf(getList(listId), v) ?? ''}`.trim();
  const period = (start: string, end: string | null) => `${start} to ${end ?? 'open'}`;
  const lines = [
    `Provider "${p.name}" (${p.id})`,
    `  Organization: ${p.organizationName ?? '-'}, ID ${organizationIdOf(p) ?? '-'}${d.organizationId === null && organizationIdOf(p) !== null ? ' (derived from the name)' : ''}`,
    `  Victim service provider: ${yn(d.victimServiceProvider)}`,
    `  Project type: ${coded('2.02.6', p.projectType)}`,
    `  Operating: ${d.operatingStartDate === null ? '-' : period(d.operatingStartDate, d.operatingEndDate)}`,
    `  Continuum project: ${yn(d.continuumProject)}`,
    `  Residential affiliation: ${yn(d.residentialAffiliation)}`,
    `  HMIS participation type: ${coded('2.08.1', d.hmisParticipationType)}`,
    `  HOPWA medically assisted living facility: ${yn(d.hopwaMedAssistedLivingFac)}`,
    `  Target population: ${coded('2.02.D', d.targetPopulation)}`,
    `  HUD funders:${d.hudFunders.length === 0 ? ' none' : ''}`,
    ...d.hudFunders.map(
      (f) =>
        `    ${coded('2.06.1', f.funder)}${f.otherFunder ? ` (${f.otherFunder})` : ''}, grant ${f.grantId ?? '-'}, ${period(f.startDate, f.endDate)}`,
    ),
    `  Project CoCs:${d.projectCocs.length === 0 ? ' none' : ''}`,
    ...d.projectCocs.map(
      (c) =>
        `    ${c.cocCode}, geocode ${c.geocode ?? '-'}, ${coded('2.03.4', c.geographyType)}, ${[c.address1, c.address2, c.city, c.state, c.zip].filter(Boolean).join(', ') || 'no address'}`,
    ),
    `  HMIS participation:${d.hmisParticipation.length === 0 ? ' none' : ''}`,
    ...d.hmisParticipation.map(
      (h) => `    ${coded('2.08.1', h.type)}, ${period(h.startDate, h.endDate)}`,
    ),
    `  CE participation:${d.ceParticipation.length === 0 ? ' none' : ''}`,
    ...d.ceParticipation.map(
      (c) =>
        `    access point ${yn(c.accessPoint)} (prevention ${yn(c.preventionAssessment)}, crisis ${yn(c.crisisAssessment)}, housing ${yn(c.housingAssessment)}, direct services ${yn(c.directServices)}), receives referrals ${yn(c.receivesReferrals)}, ${period(c.startDate, c.endDate)}`,
    ),
  ];
  const problems = projectDescriptorProblems(p);
  if (problems.length === 0) lines.push('Ready for an HMIS CSV export: nothing is missing.');
  else lines.push('An HMIS CSV export would lack:', ...problems.map((m) => `  - ${m}`));
  lines.push(...programElementWarning(d));
  return lines;
}

/** The program-specific elements this provider's funders ask that Fieldnote does not collect. */
function programElementWarning(
  funders: Parameters<typeof uncollectedProgramElements>[0],
): string[] {
  const missing = uncollectedProgramElements(funders);
  if (missing.length === 0) return [];
  return [
    `Warning: Fieldnote does not collect ${missing.join(', ')}. An HMIS CSV export of this project leaves those elements empty, and Eva's program-specific checks will flag them.`,
  ];
}

/** Runs one project-descriptor command; false when `command` is not one of them. */
export async function runProjectCommand(
  command: string,
  values: Values,
  storage: Storage,
  out: (line: string) => void,
  now: number,
): Promise<boolean> {
  const provider = str(values, 'provider') ?? '';
  const opt = (key: string) => str(values, key);
  switch (command) {
    case 'set-project': {
      const changed = Object.keys(values).filter((k) => k !== 'provider');
      if (changed.length === 0)
        throw new AdminError('set-project needs at least one descriptor to set.');
      const p = await updateProvider(
        storage,
        provider,
        (p) => setProject(p, values),
        now,
        'set_project',
        { options: changed },
      );
      out(`Updated the project descriptors of "${p.name}".`);
      break;
    }
    case 'add-funder': {
      const end = opt('end');
      const entry = {
        funder: code(getList('2.06.1'), 'funder', opt('funder') ?? ''),
        otherFunder: opt('other-funder') || null,
        grantId: opt('grant-id') || null,
        startDate: date('start', opt('start') ?? ''),
        endDate: end === undefined || isNone(end) ? null : date('end', end),
      };
      const parsed = newHudFunderSchema.safeParse(entry);
      if (!parsed.success) {
        throw new AdminError(parsed.error.issues.map((i) => i.message).join(' '));
      }
      const p = await updateProvider(
        storage,
        provider,
        (p) => ({ ...p, hudFunders: [...descriptorsOf(p).hudFunders, parsed.data] }),
        now,
        'add_funder',
        { funder: parsed.data.funder, grantId: parsed.data.grantId },
      );
      out(
        `Added funder ${parsed.data.funder} ${labelOf(getList('2.06.1'), parsed.data.funder) ?? ''} (grant ${parsed.data.grantId ?? '-'}) to "${p.name}".`,
      );
      for (const line of programElementWarning({ hudFunders: [parsed.data] })) out(line);
      break;
    }
    case 'set-project-coc': {
      const text = (key: string) => opt(key) || null;
      const state = opt('state');
      const entry = {
        cocCode: parseWith(cocCodeSchema, 'coc', (opt('coc') ?? '').toUpperCase()),
        geocode: parseWith(geocodeSchema, 'geocode', opt('geocode') ?? ''),
        address1: text('address1'),
        address2: text('address2'),
        city: text('city'),
        state: state ? state.toUpperCase() : null,
        zip: text('zip'),
        geographyType: code(getList('2.03.4'), 'geography-type', opt('geography-type') ?? ''),
      };
      const parsed = projectCocSchema.safeParse(entry);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const key = String(issue.path[0] ?? '');
        refuse(key, String((entry as Record<string, unknown>)[key] ?? ''), issue.message);
      }
      const coc = parsed.data;
      const p = await updateProvider(
        storage,
        provider,
        (p) => {
          const cocs = descriptorsOf(p).projectCocs;
          const at = cocs.findIndex((c) => c.cocCode === coc.cocCode);
          const projectCocs = at < 0 ? [...cocs, coc] : cocs.map((c, i) => (i === at ? coc : c));
          return { ...p, projectCocs, cocCode: projectCocs[0]!.cocCode };
        },
        now,
        'set_project_coc',
        { cocCode: coc.cocCode },
      );
      out(`Set project CoC ${coc.cocCode} (geocode ${coc.geocode ?? '-'}) for "${p.name}".`);
      break;
    }
    case 'add-ce-participation': {
      const flag = (key: string) => {
        const raw = opt(key);
        return raw === undefined ? null : noYes(key, raw);
      };
      const end = opt('end');
      const parsed = ceParticipationSchema.safeParse({
        accessPoint: noYes('access-point', opt('access-point') ?? ''),
        preventionAssessment: flag('prevention-assessment'),
        crisisAssessment: flag('crisis-assessment'),
        housingAssessment: flag('housing-assessment'),
        directServices: flag('direct-services'),
        receivesReferrals: noYes('receives-referrals', opt('receives-referrals') ?? ''),
        startDate: date('start', opt('start') ?? ''),
        endDate: end === undefined || isNone(end) ? null : date('end', end),
      });
      if (!parsed.success) {
        throw new AdminError(
          parsed.error.issues
            .map(
              (i) =>
                `--${String(i.path[0] ?? '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${i.message}`,
            )
            .join(' '),
        );
      }
      const p = await updateProvider(
        storage,
        provider,
        (p) => ({ ...p, ceParticipation: [...descriptorsOf(p).ceParticipation, parsed.data] }),
        now,
        'add_ce_participation',
        { startDate: parsed.data.startDate },
      );
      out(`Added a CE participation period from ${parsed.data.startDate} to "${p.name}".`);
      break;
    }
    case 'show-project': {
      for (const line of describe(await findProvider(storage, provider))) out(line);
      break;
    }
    default:
      return false;
  }
  return true;
}
