// The sync feature: the header's sync indicator, the sync page and the drafts page.
export { SyncIndicator } from './SyncIndicator';
export { SyncPage } from './SyncPage';
export { DraftsPage } from './DraftsPage';
