// The provider and users of the HMIS export and import benchmarks: the demo's first provider's
// synthetic project descriptors (an export the import accepts needs Project.csv whole), an admin
// who runs the export, and the two case managers whose records the caseload holds.
import { createProvider, createUser } from '../../sync-server/src/auth/accounts';
import { DEMO_PROVIDERS } from '../../sync-server/src/cli/seed-demo';
import type { Provider } from '../../src/domain/records';
import type { Storage } from '../../sync-server/src/storage/types';
import { HmisCaseload } from './hmis-caseload';

const PASSWORD = 'synthetic-bench-password-123';

export interface HmisBenchSetup {
  provider: Provider;
  adminId: string;
  caseload: HmisCaseload;
}

export async function setUpHmisBench(
  storage: Storage,
  options: { now: number; maxClients: number },
): Promise<HmisBenchSetup> {
  const { now } = options;
  const provider = await createProvider(
    storage,
    {
      name: 'Bench County Case Management',
      organizationName: 'Bench County (synthetic)',
      projectType: 6,
      funders: [1],
      cocCode: 'MN-500',
      descriptors: structuredClone(DEMO_PROVIDERS[0].descriptors),
    },
    now,
  );
  const user = (username: string, displayName: string, role: 'admin' | 'case_manager') =>
    createUser(
      storage,
      { username, displayName, role, password: PASSWORD, providerIds: [provider.id] },
      now,
    );
  const admin = await user('bench.admin', 'Bench Admin', 'admin');
  const cm = await user('bench.cm', 'Bench Case Manager', 'case_manager');
  const cm2 = await user('bench.cm2', 'Bench Case Manager Two', 'case_manager');
  const caseload = new HmisCaseload({
    providerId: provider.id,
    projectType: provider.projectType,
    cocCode: provider.cocCode,
    caseManagerIds: { cm: cm.id, cm2: cm2.id },
    maxClients: options.maxClients,
    now,
  });
  return { provider, adminId: admin.id, caseload };
}
