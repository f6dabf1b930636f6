export * from './schema';
export * from './view';
export * from './write';
export * from './outbox';
export * from './device';
export * from './sync-state';
export * from './storage-safety';
