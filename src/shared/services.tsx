// What every screen needs from the composition in src/app: the signed-in person's device
// database, the provider they enter data as, the one write path, the sync status and the API.
// Features read these through hooks and never build them, so no feature depends on another.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AccountRow, Change, DeviceDatabase, ProviderSummary } from '../db';
import type { Mutation } from '../domain/protocol';
import type { SyncOutcome, SyncStatus, SyncStatusStore } from '../sync';
import type { z } from 'zod';

export interface AppServices {
  db: DeviceDatabase;
  account: AccountRow;
  /** Until when this unlock lasts (ms); the app locks itself then, or sooner when idle. */
  unlockedUntil: number;
  /** The provider the person enters data as (EDA). */
  provider: ProviderSummary;
  /** Saves changes as one unit through the one write path, then syncs in the background. */
  save(changes: Change | readonly Change[]): Promise<Mutation[]>;
  syncNow(): Promise<SyncOutcome>;
  status: SyncStatusStore;
  /** A request to the server with the person's token (fails offline: callers say so). */
  api<T>(
    path: string,
    schema: z.ZodType<T>,
    init?: { method?: 'GET' | 'POST'; body?: unknown },
  ): Promise<T>;
  switchProvider(providerId: string): Promise<void>;
  /** Locks the app for the next person on a shared tablet; data and queue stay. */
  lock(): Promise<void>;
  /** Signs out; clears this device's copy when asked (refuses with unsynced changes unless confirmed). */
  signOut(options: { clearData: boolean; confirmLosingPending?: boolean }): Promise<void>;
  now(): number;
  /** Today's local date (America/Chicago) as YYYY-MM-DD. */
  today(): string;
}

export const ServicesContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices() needs a signed-in ServicesContext provider');
  return services;
}

/** A slice of the sync status; re-renders when it changes. */
export function useSyncStatus<T>(selector: (status: SyncStatus) => T): T {
  return useStore(useServices().status, selector);
}
