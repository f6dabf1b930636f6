export * from './FormRenderer';
export * from './options';
