export * from './engine';
export * from './status';
export * from './triggers';
export * from './session';
export * from './sign-in-error';
