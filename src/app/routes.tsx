// The app's routes: each screen is its feature's page, loaded on first use (split by route, so
// the first screen's JavaScript stays small; the service worker precaches every chunk).
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { ROUTE_DEFS, type RouteDef, type RouteParams } from '../shared/paths';

type Page = LazyExoticComponent<ComponentType<Record<string, string>>>;

/**
 * A page for a route: `pick` must return a component whose props are exactly what the route's
 * pattern gives (RouteParams), so a page expecting a param the pattern lacks does not compile.
 * The one widening to string records happens here, where the router hands props over.
 */
function page<M, P extends string>(
  def: RouteDef<P>,
  load: () => Promise<M>,
  pick: (m: M) => ComponentType<RouteParams<P>>,
): Page {
  return lazy(async () => ({
    default: pick(await load()) as unknown as ComponentType<Record<string, string>>,
  }));
}

const caseload = () => import('../features/caseload');
const clients = () => import('../features/clients');
const projectStart = () => import('../features/project-start');
const enrollment = () => import('../features/enrollment');
const contact = () => import('../features/contact');
const exit = () => import('../features/exit');
const caseManagers = () => import('../features/case-managers');
const annualAssessment = () => import('../features/annual-assessment');
const household = () => import('../features/household');
// Adding a member reuses project start's member search and quick create, passed in here.
const householdWithPickers = () => Promise.all([household(), projectStart()]);
const sync = () => import('../features/sync');
const session = () => import('../features/session');
const hmisExport = () => import('../features/hmis-export');
// Its own chunk, with the chart library that only it imports.
const dataQuality = () => import('../features/data-quality');
const devices = () => import('../features/devices');

interface Route {
  def: RouteDef;
  Page: Page;
  /** A form whose input a reload must not lose (the update prompt waits while one is open). */
  form?: boolean;
}

const d = ROUTE_DEFS;

/** Every route of ROUTE_DEFS except sign-in (the signed-out app's), in matching order. */
export const ROUTES: Route[] = [
  { def: d.caseload, Page: page(d.caseload, caseload, (m) => m.CaseloadPage) },
  { def: d.findClient, Page: page(d.findClient, clients, (m) => m.FindClientPage) },
  { def: d.client, Page: page(d.client, clients, (m) => m.ClientProfilePage), form: true },
  {
    def: d.projectStart,
    Page: page(d.projectStart, projectStart, (m) => m.ProjectStartPage),
    form: true,
  },
  { def: d.enrollment, Page: page(d.enrollment, enrollment, (m) => m.EnrollmentPage) },
  { def: d.backfill, Page: page(d.backfill, enrollment, (m) => m.BackfillPage), form: true },
  {
    def: d.caseManagers,
    Page: page(d.caseManagers, caseManagers, (m) => m.CaseManagersPage),
  },
  { def: d.contact, Page: page(d.contact, contact, (m) => m.ContactPage), form: true },
  { def: d.exit, Page: page(d.exit, exit, (m) => m.ExitPage), form: true },
  {
    def: d.annualAssessment,
    Page: page(d.annualAssessment, annualAssessment, (m) => m.AnnualAssessmentPage),
    form: true,
  },
  { def: d.household, Page: page(d.household, household, (m) => m.HouseholdPage), form: true },
  {
    def: d.addHouseholdMember,
    Page: page(d.addHouseholdMember, householdWithPickers, ([h, ps]) =>
      h.addMemberPageWith(ps.householdPickers),
    ),
    form: true,
  },
  {
    def: d.correctRecord,
    Page: page(d.correctRecord, enrollment, (m) => m.CorrectRecordPage),
    form: true,
  },
  { def: d.sync, Page: page(d.sync, sync, (m) => m.SyncPage) },
  { def: d.drafts, Page: page(d.drafts, sync, (m) => m.DraftsPage) },
  { def: d.account, Page: page(d.account, session, (m) => m.AccountPage) },
  // Supervisors and administrators; the page tells anyone else who can export.
  { def: d.hmisExport, Page: page(d.hmisExport, hmisExport, (m) => m.HmisExportPage) },
  // Supervisors and administrators; the page tells anyone else who reviews it.
  { def: d.dataQuality, Page: page(d.dataQuality, dataQuality, (m) => m.DataQualityPage) },
  // Administrators only; the page tells anyone else who manages devices.
  { def: d.adminDevices, Page: page(d.adminDevices, devices, (m) => m.DevicesPage) },
];

export interface Match {
  route: Route;
  props: Record<string, string>;
  /** Changes when the page is another one (a new key remounts it). */
  key: string;
}

export function matchRoute(location: string): Match | null {
  const path = location.split('?')[0]!;
  for (const route of ROUTES) {
    const params = route.def.match(path);
    if (params) return { route, props: { ...params }, key: path };
  }
  return null;
}

export const SyncIndicator = lazy(async () => ({ default: (await sync()).SyncIndicator }));
