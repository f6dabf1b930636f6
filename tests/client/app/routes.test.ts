// Issue 12, "One route table": every path a feature links to (paths) and every route the app
// matches (ROUTES) come from one declaration (ROUTE_DEFS), with params typed from the pattern.
import { describe, expect, it } from 'vitest';
import { matchRoute, ROUTES } from '../../../src/app/routes';
import { ROUTE_DEFS, defineRoute, paths, type RouteParams } from '../../../src/shared/paths';

const ID = '0123456789abcdef0123456789abcdef';

describe('one route table', () => {
  it('matches every link a feature builds to the route declared for it, with its params', () => {
    const built: [string, object][] = [
      [paths.caseload(), {}],
      [paths.findClient(), {}],
      [paths.client(ID), { clientId: ID }],
      [paths.projectStart(ID), { clientId: ID }],
      [paths.enrollment(ID), { enrollmentId: ID }],
      [paths.contact(ID), { enrollmentId: ID }],
      [paths.exit(ID), { enrollmentId: ID }],
      [paths.backfill(ID), { enrollmentId: ID }],
      [paths.caseManagers(ID), { enrollmentId: ID }],
      [paths.annualAssessment(ID), { enrollmentId: ID }],
      [paths.household(ID), { enrollmentId: ID }],
      [paths.addHouseholdMember(ID), { enrollmentId: ID }],
      [paths.sync(), {}],
      [paths.drafts(), {}],
      [paths.account(), {}],
      [paths.hmisExport(), {}],
      [paths.dataQuality(), {}],
      [paths.adminDevices(), {}],
    ];
    for (const [path, params] of built) {
      const match = matchRoute(path);
      expect(match, path).not.toBeNull();
      expect(match!.props).toEqual(params);
      expect(match!.route.def.build(match!.props as never)).toBe(path);
    }
    // Every declared route but sign-in (the signed-out app's) has a page.
    expect(ROUTES.map((r) => r.def.pattern).sort()).toEqual(
      Object.values(ROUTE_DEFS)
        .map((d) => d.pattern)
        .filter((p) => p !== '/sign-in')
        .sort(),
    );
  });

  it('ignores the query, and refuses ids that are not ids and paths it does not know', () => {
    expect(matchRoute(`${paths.enrollment(ID)}?saved=contact`)?.props).toEqual({
      enrollmentId: ID,
    });
    expect(matchRoute('/enrollments/not-an-id')).toBeNull();
    expect(matchRoute(`/enrollments/${ID.toUpperCase()}`)).toBeNull();
    expect(matchRoute(`/enrollments/${ID}/unknown`)).toBeNull();
    expect(matchRoute('/nowhere')).toBeNull();
  });

  it('types params from the pattern', () => {
    const route = defineRoute('/things/:thingId/parts/:partId');
    const params: RouteParams<'/things/:thingId/parts/:partId'> = { thingId: ID, partId: ID };
    expect(route.build(params)).toBe(`/things/${ID}/parts/${ID}`);
    expect(route.match(`/things/${ID}/parts/${ID}`)).toEqual(params);
    // @ts-expect-error: a param the pattern does not have is a compile error
    route.build({ thingId: ID, other: ID });
  });
});
