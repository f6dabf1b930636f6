// Project start's member search, quick create and 4.12 fields, handed to the add-a-member screen
// (src/features/household) by src/app: features never import each other.
import { AddMember, NewMemberFields } from './MemberPicker';
import { StartClsFields } from './StartClsFields';

export const householdPickers = { AddMember, NewMemberFields, StartClsFields };
