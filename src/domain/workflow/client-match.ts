// Finding and recording a client, one import for the screens and the server. Each job has its
// own file:
//  - client-query.ts: what a search asks for and how a typed name matches a stored one, typos
//    included ("Odesa Quarington" finds "Odessa Quarrington", issue 12);
//  - client-search-rank.ts: device and server results as one list, in search order;
//  - client-duplicates.ts: how alike a new client and an existing one are, and when the New
//    client form has enough typed to ask;
//  - client-form.ts and client-form-check.ts: the client form, its defaults, checks, hints and
//    which fields a save changes.
// Names are compared with the Levenshtein distance of the fastest-levenshtein package. Pure.
export * from './client-query';
export * from './client-search-rank';
export * from './client-duplicates';
export * from './client-form';
export * from './client-form-check';
