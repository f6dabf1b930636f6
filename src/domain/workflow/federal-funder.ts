// Does a provider have a federal funder? HUD's program-specific collection (4.02/4.03/4.04 at exit,
// 4.05–4.10, …) is required by the federal partners: ESG, PATH, YHDP, CoC, RHY, HOPWA and VA. A
// provider funded only by the county (Hennepin family case management) collects them as optional.
//
// Two sources say so, and either is enough:
//  - the HUD funders of the project descriptors (2.06.1 FundingSource, Funder.csv), counted only
//    while the grant runs on the date asked about (StartDate ≤ date ≤ EndDate);
//  - the local funder kinds (list "local:funder") whose name is one of the federal programs. They
//    are matched by label so that a kind added to that list later (CoC, RHY, …) counts at once.
// Not counted: HOME, PIH, Pay for Success, N/A and 46 "Local or Other": they are not among the
// federal partners whose programs ask these elements.
import { FUNDER_KIND_LIST } from '../codes/project-type';

/** The federal programs whose funding makes HUD's program-specific elements required. */
export const FEDERAL_PROGRAMS = ['ESG', 'PATH', 'YHDP', 'CoC', 'RHY', 'HOPWA', 'VA'] as const;
export type FederalProgram = (typeof FEDERAL_PROGRAMS)[number];

/** 2.06.1 FundingSource codes by federal program (retired codes kept: old grants still count). */
export const FEDERAL_FUNDING_SOURCES: Readonly<Record<FederalProgram, readonly number[]>> =
  Object.freeze({
    // CoC components, Joint Components, the Unsheltered and Rural Special NOFOs, CoC Builds.
    CoC: [1, 2, 3, 4, 5, 6, 7, 43, 44, 49, 54, 55, 56],
    ESG: [8, 9, 10, 11, 47, 53],
    HOPWA: [13, 14, 15, 16, 17, 18, 19, 48],
    PATH: [21],
    RHY: [22, 23, 24, 25, 26],
    YHDP: [43],
    // HUD/VASH and the VA programs (CRS, Safe Haven, CWT, SSVF, Grant Per Diem).
    VA: [20, 27, 30, 32, 33, 37, 38, 39, 40, 41, 42, 45],
  });

const FEDERAL_SOURCE_CODES: ReadonlySet<number> = new Set(
  Object.values(FEDERAL_FUNDING_SOURCES).flat(),
);

/** The "local:funder" codes whose label is a federal program (today ESG, PATH, YHDP). */
export const FEDERAL_LOCAL_FUNDER_KINDS: readonly number[] = Object.freeze(
  FUNDER_KIND_LIST.codes
    .filter((c) => (FEDERAL_PROGRAMS as readonly string[]).includes(c.label.trim()))
    .map((c) => c.code),
);

/** A HUD funder as much as the test reads (project-descriptors HudFunder, or a summary of one). */
export interface HudFunderLike {
  readonly funder: number;
  readonly startDate?: string | null;
  readonly endDate?: string | null;
}

/** A provider as much as the test reads: the stored Provider, or the device's ProviderSummary. */
export interface FunderInfo {
  /** Local list "local:funder" codes. */
  readonly funders?: readonly number[] | null;
  /** HUD 2.06 funders from the project descriptors. */
  readonly hudFunders?: readonly HudFunderLike[] | null;
}

function runsOn(f: HudFunderLike, on: string | undefined): boolean {
  if (on === undefined) return true;
  if (typeof f.startDate === 'string' && f.startDate > on) return false;
  if (typeof f.endDate === 'string' && f.endDate < on) return false;
  return true;
}

/**
 * True when the provider has a federal funder (ESG, PATH, YHDP, CoC, RHY, HOPWA, VA): a HUD funding
 * source of those programs whose grant runs on `on` (any date when omitted), or a local funder kind
 * of that name. A provider unknown on this device (null) has none.
 */
export function hasFederalFunder(provider: FunderInfo | null | undefined, on?: string): boolean {
  if (provider === null || provider === undefined) return false;
  if ((provider.funders ?? []).some((k) => FEDERAL_LOCAL_FUNDER_KINDS.includes(k))) return true;
  return (provider.hudFunders ?? []).some(
    (f) => FEDERAL_SOURCE_CODES.has(f.funder) && runsOn(f, on),
  );
}

/**
 * The program-specific element sets HUD asks of these programs that Fieldnote does not collect
 * (the Hennepin family case-management workflow has none of these funders). Said out loud where an
 * administrator adds such a funder, so nobody expects Eva's program checks to pass.
 */
export const UNCOLLECTED_PROGRAM_ELEMENTS: Readonly<Partial<Record<FederalProgram, string>>> =
  Object.freeze({
    PATH: 'PATH P1–P4 (services, referrals, PATH status, SOAR)',
    RHY: 'RHY R1–R20',
    YHDP: 'RHY/YHDP R1–R20',
    HOPWA: 'HOPWA W1–W6',
    VA: 'VA V1–V9 (veteran information, SSVF and GPD elements)',
  });

/** The program element sets a provider's HUD funders ask for that Fieldnote does not collect. */
export function uncollectedProgramElements(provider: FunderInfo): string[] {
  const out = new Set<string>();
  for (const f of provider.hudFunders ?? []) {
    for (const program of FEDERAL_PROGRAMS) {
      const missing = UNCOLLECTED_PROGRAM_ELEMENTS[program];
      if (missing !== undefined && FEDERAL_FUNDING_SOURCES[program].includes(f.funder))
        out.add(missing);
    }
  }
  return [...out];
}
