// HMIS CSV FY2026: the format layer of the export (issue 10). `columns` is the specification as
// data (generated from the reference CSV by scripts/generate-hmis-columns.ts), `values` formats
// and parses one field by data type (and nulls placeholder SSNs and hashes names and SSNs with
// SHA-256 for HashStatus 4), `structure-check` (./structure) is the project's port of Eva's file
// structure checks, and `quality` its port of Eva's data-quality checks, which runs both in one
// incremental pass (createHmisExportChecker) on every export. Building rows from records is not
// here: the exporter maps records to rows of strings with `formatHmisValue`, and the server
// writes them with sync-server/src/hmis/csv-zip.ts.
//
// Libraries (server side only; this folder stays pure TypeScript): csv-stringify and csv-parse,
// from the maintained `csv` project (MIT, no dependencies, streaming, RFC 4180 quoting with
// configurable line endings, so CRLF and "" escaping need no code of ours), and fflate for the
// zip (MIT, no dependencies, about 8 kB, actively maintained; one library that both writes a zip
// entry by entry as data arrives and reads one back, and that runs in the browser too should the
// PWA ever need to read an export).
export * from './columns';
export * from './values';
export * from './structure-check';
export * from './quality';
export * from './export';
