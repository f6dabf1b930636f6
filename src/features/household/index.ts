export { HouseholdPage } from './HouseholdPage';
export { addMemberPageWith } from './AddMemberPage';
export type { HouseholdPickers } from './pickers';
