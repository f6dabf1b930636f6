// 3.16 Enrollment CoC at project start (rule W-START-1): recorded for the head of household only
// (null for everyone else), chosen among the project's CoCs (ProjectCoC.csv: EnrollmentCoC must
// match one). One CoC: it is filled in. Several: the case manager chooses, the first (the provider's
// cocCode) preselected. None set up: the project start still saves, with a warning that the HMIS
// export needs it (Eva 27 "Missing Enrollment CoC"), because an administrator fixes the project,
// not the case manager on the street.
import { cocCodeSchema } from '../records/project-descriptors';

/** What the app knows of the provider's CoCs: its cocCode and its project CoCs' codes. */
export interface ProviderCocs {
  cocCode?: string | null;
  /** Every project CoC's code, the first one being cocCode. */
  cocCodes?: readonly string[];
}

/** The CoCs a head of household can be enrolled in, in the provider's order, each once. */
export function enrollmentCocOptions(provider: ProviderCocs): string[] {
  const all = [...(provider.cocCodes ?? []), ...(provider.cocCode ? [provider.cocCode] : [])];
  return [...new Set(all.filter((c) => cocCodeSchema.safeParse(c).success))];
}

/** The preselected Enrollment CoC: the provider's first CoC, or null when it has none. */
export function defaultEnrollmentCoc(provider: ProviderCocs): string | null {
  return enrollmentCocOptions(provider)[0] ?? null;
}

/** The Enrollment CoC the head of household's record gets: the chosen one, else the default. */
export function effectiveEnrollmentCoc(
  chosen: string | null | undefined,
  options: readonly string[],
): string | null {
  if (chosen && options.includes(chosen)) return chosen;
  return options[0] ?? null;
}

export interface EnrollmentCocIssue {
  severity: 'error' | 'warning';
  message: string;
}

/** An error when the choice is not one of the project's CoCs; a warning when it has none. */
export function enrollmentCocIssues(
  chosen: string | null | undefined,
  options: readonly string[],
): EnrollmentCocIssue[] {
  if (options.length === 0) {
    return [
      {
        severity: 'warning',
        message:
          'This project has no Continuum of Care (CoC) set up, so the Enrollment CoC (3.16) stays empty. You can save; ask an administrator to add the project CoC, because the HMIS export needs it (Eva 27).',
      },
    ];
  }
  if (chosen && !options.includes(chosen)) {
    return [
      {
        severity: 'error',
        message: `Choose the Enrollment CoC among this project's CoCs (${options.join(', ')}).`,
      },
    ];
  }
  return [];
}
