export * from './json-value';
export * from './mutation';
export * from './messages';
export * from './api';
export * from './conflicts';
export * from './hmis-export';
export * from './devices';
export * from './auth';
