// One loader for the screens about one enrollment (contact, exit, household, …): reads the
// enrollment's bundle from this device with a live query and shows, the same way on every screen,
// "Loading", the page for a read error and the page for an enrollment that is not on this device;
// then hands the bundle (or what the screen's own query read) to its child.
import type { ReactNode } from 'react';
import { enrollmentBundle, type DeviceDatabase, type EnrollmentBundle } from '../db';
import { useLiveQuery } from './live';
import { paths } from './paths';
import { useServices } from './services';
import { Alert, Loading, Page } from './ui';

export interface EnrollmentLoaderProps<T> {
  readonly enrollmentId: string;
  /**
   * What to read (default: the enrollment bundle); null when the enrollment is not on this device.
   * A screen that reads more than the bundle (the annual assessment's household) passes its query.
   */
  readonly load?: (db: DeviceDatabase, enrollmentId: string) => Promise<T | null>;
  /** The screen's title, for the error and "not found" pages. */
  readonly title: string;
  /** Shown while the bundle is read. */
  readonly loadingLabel?: string;
  readonly children: (data: T) => ReactNode;
}

/** The page shown when an enrollment could not be read, or is not on this device. */
export function EnrollmentUnavailable(props: {
  readonly title: string;
  readonly reason: 'error' | 'missing';
}) {
  return (
    <Page title={props.title} back={{ to: paths.caseload(), label: 'Caseload' }}>
      {props.reason === 'error' ? (
        <Alert tone="error" title="This enrollment could not be read from this device.">
          <p>Try again, or sync and reopen it. If it keeps happening, tell your supervisor.</p>
        </Alert>
      ) : (
        <Alert tone="warning" title="This enrollment is not on this device.">
          <p>It may not have synced yet, or it was removed. Sync, then find the client again.</p>
        </Alert>
      )}
    </Page>
  );
}

export function EnrollmentLoader<T = EnrollmentBundle>({
  enrollmentId,
  title,
  loadingLabel,
  load,
  children,
}: EnrollmentLoaderProps<T>) {
  const { db } = useServices();
  const read =
    load ?? (enrollmentBundle as unknown as (db: DeviceDatabase, id: string) => Promise<T | null>);
  const bundle = useLiveQuery(() => read(db, enrollmentId), [db, enrollmentId]);
  if (bundle.error) {
    return <EnrollmentUnavailable title={title} reason="error" />;
  }
  if (bundle.data === undefined) return <Loading label={loadingLabel} />;
  if (bundle.data === null) return <EnrollmentUnavailable title={title} reason="missing" />;
  return <>{children(bundle.data)}</>;
}
