export * from './mutation';
export * from './messages';
export * from './api';
