export * from './mutation';
export * from './messages';
