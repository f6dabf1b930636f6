export * from './FormRenderer';
export * from './options';
export * from './FieldEditor';
