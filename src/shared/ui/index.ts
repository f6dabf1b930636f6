export * from './fields';
export * from './layout';
