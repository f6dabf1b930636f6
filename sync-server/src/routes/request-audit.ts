// Which device did what (issue 11): every audit entry written while serving a request names the
// installation (physical device) it came from, as details.installationId. For a request with an
// access token that is the session's device (AuthUser.device); for a sealed delivery, the
// delivering device whose signature was verified. A session whose sign-in named no device adds
// nothing: its entries have no installationId.
//
// Routes hand the sync functions (push, pull, search, other enrollments, conflict resolution, the
// HMIS export) the request's storage, auditedAs(deps.storage, installationId): the same storage,
// except that appendAudit, on it and on the tx of each of its transactions, adds the id to the
// entries. So no sync function needs to know about installations, and an entry written inside a
// request cannot miss it. An entry that names an installation already (a revoked device, a wipe
// instruction) keeps its own.
import type { AuthUser } from '../auth/types';
import type { AuditEntry, DeviceTx, Storage, StorageTx } from '../storage/types';

/** The installation id of the session's device; null when its sign-in named no device. */
export function installationOf(user: AuthUser): string | null {
  return user.device?.id ?? null;
}

function stamped(entries: AuditEntry[], installationId: string): AuditEntry[] {
  return entries.map((entry) =>
    'installationId' in entry.details
      ? entry
      : { ...entry, details: { ...entry.details, installationId } },
  );
}

/** `target` with some members replaced; the others are its own, called on it. */
function overriding<T extends object>(target: T, members: Partial<T>): T {
  return new Proxy(target, {
    get(object, property) {
      if (Object.hasOwn(members, property)) return members[property as keyof T];
      const value: unknown = Reflect.get(object, property, object);
      return typeof value === 'function' ? (value as () => unknown).bind(object) : value;
    },
  });
}

/** The storage as a request sees it: its audit entries name the device (see above); null: as is. */
export function auditedAs(storage: Storage, installationId: string | null): Storage {
  if (installationId === null) return storage;
  const appendAudit = (target: StorageTx) => (entries: AuditEntry[]) =>
    target.appendAudit(stamped(entries, installationId));
  const transaction: Storage['transaction'] = (fn, options) =>
    storage.transaction(
      (tx) => fn(overriding<StorageTx & DeviceTx>(tx, { appendAudit: appendAudit(tx) })),
      options,
    );
  return overriding(storage, { appendAudit: appendAudit(storage), transaction });
}
