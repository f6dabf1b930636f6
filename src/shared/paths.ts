// Every screen's address, in one place: features link to each other by path, never by import.
export const paths = {
  caseload: () => '/',
  signIn: () => '/sign-in',
  account: () => '/account',
  sync: () => '/sync',
  drafts: () => '/drafts',
  findClient: () => '/clients/find',
  client: (clientId: string) => `/clients/${clientId}`,
  projectStart: (clientId: string) => `/clients/${clientId}/start`,
  enrollment: (enrollmentId: string) => `/enrollments/${enrollmentId}`,
  contact: (enrollmentId: string) => `/enrollments/${enrollmentId}/contact`,
  backfill: (enrollmentId: string) => `/enrollments/${enrollmentId}/backfill`,
  exit: (enrollmentId: string) => `/enrollments/${enrollmentId}/exit`,
  caseManagers: (enrollmentId: string) => `/enrollments/${enrollmentId}/case-managers`,
} as const;
