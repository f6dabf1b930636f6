// The app's routes: each screen is its feature's page, loaded on first use (split by route, so
// the first screen's JavaScript stays small; the service worker precaches every chunk).
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

type Page = LazyExoticComponent<ComponentType<Record<string, string>>>;

function page<M>(load: () => Promise<M>, pick: (m: M) => ComponentType<never>): Page {
  return lazy(async () => ({
    default: pick(await load()) as ComponentType<Record<string, string>>,
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
  pattern: RegExp;
  /** Names of the pattern's groups, passed to the page as props. */
  params: string[];
  Page: Page;
  /** A form whose input a reload must not lose (the update prompt waits while one is open). */
  form?: boolean;
}

const ID = '([0-9a-f]{32})';

export const ROUTES: Route[] = [
  { pattern: /^\/$/, params: [], Page: page(caseload, (m) => m.CaseloadPage) },
  { pattern: /^\/clients\/find$/, params: [], Page: page(clients, (m) => m.FindClientPage) },
  {
    pattern: new RegExp(`^/clients/${ID}$`),
    params: ['clientId'],
    Page: page(clients, (m) => m.ClientProfilePage),
    form: true,
  },
  {
    pattern: new RegExp(`^/clients/${ID}/start$`),
    params: ['clientId'],
    Page: page(projectStart, (m) => m.ProjectStartPage),
    form: true,
  },
  {
    pattern: new RegExp(`^/enrollments/${ID}$`),
    params: ['enrollmentId'],
    Page: page(enrollment, (m) => m.EnrollmentPage),
  },
  {
    pattern: new RegExp(`^/enrollments/${ID}/backfill$`),
    params: ['enrollmentId'],
    Page: page(enrollment, (m) => m.BackfillPage),
    form: true,
  },
  {
    pattern: new RegExp(`^/enrollments/${ID}/case-managers$`),
    params: ['enrollmentId'],
    Page: page(caseManagers, (m) => m.CaseManagersPage),
  },
  {
    pattern: new RegExp(`^/enrollments/${ID}/contact$`),
    params: ['enrollmentId'],
    Page: page(contact, (m) => m.ContactPage),
    form: true,
  },
  {
    pattern: new RegExp(`^/enrollments/${ID}/exit$`),
    params: ['enrollmentId'],
    Page: page(exit, (m) => m.ExitPage),
    form: true,
  },
  {
    pattern: new RegExp(`^/enrollments/${ID}/annual$`),
    params: ['enrollmentId'],
    Page: page(annualAssessment, (m) => m.AnnualAssessmentPage),
    form: true,
  },
  {
    pattern: new RegExp(`^/enrollments/${ID}/household$`),
    params: ['enrollmentId'],
    Page: page(household, (m) => m.HouseholdPage),
    form: true,
  },
  {
    pattern: new RegExp(`^/enrollments/${ID}/household/add$`),
    params: ['enrollmentId'],
    Page: page(householdWithPickers, ([h, ps]) => h.addMemberPageWith(ps.householdPickers)),
    form: true,
  },
  { pattern: /^\/sync$/, params: [], Page: page(sync, (m) => m.SyncPage) },
  { pattern: /^\/drafts$/, params: [], Page: page(sync, (m) => m.DraftsPage) },
  { pattern: /^\/account$/, params: [], Page: page(session, (m) => m.AccountPage) },
  // Supervisors and administrators; the page tells anyone else who can export.
  { pattern: /^\/hmis-export$/, params: [], Page: page(hmisExport, (m) => m.HmisExportPage) },
  // Supervisors and administrators; the page tells anyone else who reviews it.
  { pattern: /^\/data-quality$/, params: [], Page: page(dataQuality, (m) => m.DataQualityPage) },
  // Administrators only; the page tells anyone else who manages devices.
  { pattern: /^\/admin\/devices$/, params: [], Page: page(devices, (m) => m.DevicesPage) },
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
    const m = route.pattern.exec(path);
    if (m) {
      const props: Record<string, string> = {};
      route.params.forEach((name, i) => (props[name] = m[i + 1]!));
      return { route, props, key: path };
    }
  }
  return null;
}

export const SyncIndicator = page(sync, (m) => m.SyncIndicator);
