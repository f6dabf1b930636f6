// Every screen's address, declared once: the pattern below gives both the link a feature builds
// (paths.contact(id)) and the match the app's router makes (src/app/routes.tsx), so the two never
// disagree. Features link to each other by path, never by import. A `:name` segment is a record
// id (32 lowercase hex characters); its name is the page's prop, typed from the pattern.

/** The `:name` segments of a pattern, as a union of names. */
type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** The params of a pattern, e.g. { enrollmentId: string } for '/enrollments/:enrollmentId'. */
export type RouteParams<P extends string> = { readonly [K in ParamNames<P>]: string };

export interface RouteDef<P extends string = string> {
  readonly pattern: P;
  /** The path with these params (each must be an id). */
  build(params: RouteParams<P>): string;
  /** The params when `path` (without query or hash) is this route's, else null. */
  match(path: string): RouteParams<P> | null;
}

const ID_SEGMENT = /^[0-9a-f]{32}$/;

export function defineRoute<P extends string>(pattern: P): RouteDef<P> {
  const segments = pattern.split('/');
  return {
    pattern,
    build(params) {
      const values = params as Readonly<Record<string, string>>;
      return segments
        .map((s) => (s.startsWith(':') ? encodeURIComponent(values[s.slice(1)] ?? '') : s))
        .join('/');
    },
    match(path) {
      const parts = path.split('/');
      if (parts.length !== segments.length) return null;
      const params: Record<string, string> = {};
      for (let i = 0; i < segments.length; i++) {
        const s = segments[i]!;
        const part = parts[i]!;
        if (s.startsWith(':')) {
          if (!ID_SEGMENT.test(part)) return null;
          params[s.slice(1)] = part;
        } else if (s !== part) return null;
      }
      return params as RouteParams<P>;
    },
  };
}

/** The app's screens, by name. */
export const ROUTE_DEFS = {
  caseload: defineRoute('/'),
  signIn: defineRoute('/sign-in'),
  account: defineRoute('/account'),
  sync: defineRoute('/sync'),
  drafts: defineRoute('/drafts'),
  dataQuality: defineRoute('/data-quality'),
  hmisExport: defineRoute('/hmis-export'),
  adminDevices: defineRoute('/admin/devices'),
  findClient: defineRoute('/clients/find'),
  client: defineRoute('/clients/:clientId'),
  projectStart: defineRoute('/clients/:clientId/start'),
  enrollment: defineRoute('/enrollments/:enrollmentId'),
  contact: defineRoute('/enrollments/:enrollmentId/contact'),
  backfill: defineRoute('/enrollments/:enrollmentId/backfill'),
  exit: defineRoute('/enrollments/:enrollmentId/exit'),
  caseManagers: defineRoute('/enrollments/:enrollmentId/case-managers'),
  annualAssessment: defineRoute('/enrollments/:enrollmentId/annual'),
  household: defineRoute('/enrollments/:enrollmentId/household'),
  addHouseholdMember: defineRoute('/enrollments/:enrollmentId/household/add'),
  correctRecord: defineRoute('/enrollments/:enrollmentId/records/:recordId'),
} as const;

export type RouteName = keyof typeof ROUTE_DEFS;

const r = ROUTE_DEFS;

/** Links, built from ROUTE_DEFS. */
export const paths = {
  caseload: () => r.caseload.build({}),
  signIn: () => r.signIn.build({}),
  account: () => r.account.build({}),
  sync: () => r.sync.build({}),
  drafts: () => r.drafts.build({}),
  dataQuality: () => r.dataQuality.build({}),
  hmisExport: () => r.hmisExport.build({}),
  adminDevices: () => r.adminDevices.build({}),
  findClient: () => r.findClient.build({}),
  client: (clientId: string) => r.client.build({ clientId }),
  projectStart: (clientId: string) => r.projectStart.build({ clientId }),
  enrollment: (enrollmentId: string) => r.enrollment.build({ enrollmentId }),
  contact: (enrollmentId: string) => r.contact.build({ enrollmentId }),
  backfill: (enrollmentId: string) => r.backfill.build({ enrollmentId }),
  exit: (enrollmentId: string) => r.exit.build({ enrollmentId }),
  caseManagers: (enrollmentId: string) => r.caseManagers.build({ enrollmentId }),
  annualAssessment: (enrollmentId: string) => r.annualAssessment.build({ enrollmentId }),
  household: (enrollmentId: string) => r.household.build({ enrollmentId }),
  addHouseholdMember: (enrollmentId: string) => r.addHouseholdMember.build({ enrollmentId }),
  correctRecord: (enrollmentId: string, recordId: string) =>
    r.correctRecord.build({ enrollmentId, recordId }),
} as const satisfies Record<RouteName, (...ids: string[]) => string>;
