// What the add-a-member screen borrows from project start: its member search, quick create and
// 4.12 fields. Features do not import each other, so src/app passes them in (routes.tsx); this is
// the shape they must have (project-start's `householdPickers` satisfies it).
import type { ComponentType } from 'react';
import type { RecordView } from '../../db';
import type { MemberField, NewMemberDetails } from '../../domain/workflow/project-start';
import type { StartClsAnswers, StartClsField } from '../../domain/workflow/start-cls';

export interface HouseholdPickers {
  AddMember: ComponentType<{
    idPrefix?: string;
    heading?: string;
    memberIds: readonly string[];
    onAddExisting(client: RecordView): void;
    onAddNew(): void;
  }>;
  NewMemberFields: ComponentType<{
    idPrefix?: string;
    memberKey: string;
    details: NewMemberDetails;
    today: string;
    errorFor(field: MemberField): string | null;
    onChange(patch: Partial<NewMemberDetails>): void;
  }>;
  StartClsFields: ComponentType<{
    idPrefix: string;
    memberKey: string;
    name: string;
    value: StartClsAnswers;
    projectType: number | null;
    errorFor(field: StartClsField): string | null;
    onChange(next: StartClsAnswers): void;
  }>;
}

/** The element ids those components give their controls (ErrorSummary links point at them). */
export const memberElementId = (key: string, field: MemberField, prefix: string): string =>
  `${prefix}-${key}-${field}`;
export const clsElementId = (prefix: string, key: string, field: StartClsField): string =>
  `${prefix}-cls-${key}-${field}`;
