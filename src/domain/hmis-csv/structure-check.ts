// Kept for existing imports: the structure checks live in ./structure (split by job: rules as
// data, header and field checks, the incremental checker).
export * from './structure';
