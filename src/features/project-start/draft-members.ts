// The project start draft's edits that add, change or remove a household member (the members as
// the rules read them are projectStartMembersOf, in src/domain/workflow/project-start-members.ts).
import {
  emptyNewMember,
  type DraftMember,
  type ProjectStartDraft,
} from '../../domain/workflow/project-start';

export function updateMember(
  draft: ProjectStartDraft,
  key: string,
  update: (m: DraftMember) => DraftMember,
): ProjectStartDraft {
  return { ...draft, members: draft.members.map((m) => (m.key === key ? update(m) : m)) };
}

export function removeMember(draft: ProjectStartDraft, key: string): ProjectStartDraft {
  return { ...draft, members: draft.members.filter((m) => m.key !== key) };
}

/** An existing client joins the household (once), relationship still to choose. */
export function addExistingMember(draft: ProjectStartDraft, clientId: string): ProjectStartDraft {
  if (draft.members.some((m) => m.clientId === clientId)) return draft;
  return {
    ...draft,
    members: [
      ...draft.members,
      { key: clientId, clientId, newClient: null, relationshipToHoH: null, answers: {} },
    ],
  };
}

/** A person to quick-create joins the household under a new client id. */
export function addNewMember(draft: ProjectStartDraft, clientId: string): ProjectStartDraft {
  return {
    ...draft,
    members: [
      ...draft.members,
      {
        key: clientId,
        clientId,
        newClient: emptyNewMember(),
        relationshipToHoH: null,
        answers: {},
      },
    ],
  };
}
