// The project start draft's household: the members as the rules read them (names made unique,
// each existing client's date of birth and HMIS Release of Information from the device), and the
// draft edits that add, change or remove a member.
import type { RecordView } from '../../db';
import {
  emptyNewMember,
  newMemberName,
  type DraftMember,
  type ProjectStartDraft,
  type ProjectStartMember,
} from '../../domain/workflow/project-start';
import { roiOf } from '../../domain/workflow/roi';
import { emptyStartCls } from '../../domain/workflow/start-cls';
import { uniqueNames, unknownClientName } from './issues';
import { clientName } from './MemberPicker';

/** The draft's members for the rules; `viewOf` reads an existing client's record (if any). */
export function projectStartMembers(
  draft: readonly DraftMember[],
  viewOf: (clientId: string) => RecordView | undefined,
): ProjectStartMember[] {
  const names = uniqueNames(
    draft.map((m) => {
      const view = viewOf(m.clientId);
      return m.newClient
        ? newMemberName(m.newClient) || 'New household member'
        : view
          ? clientName(view)
          : unknownClientName(m.clientId);
    }),
  );
  return draft.map((m, index) => {
    const view = viewOf(m.clientId);
    return {
      key: m.key,
      clientId: m.clientId,
      newClient: m.newClient,
      dob: typeof view?.dob === 'string' ? view.dob : null,
      name: names[index]!,
      relationshipToHoH: m.relationshipToHoH,
      answers: m.answers,
      cls: m.cls ?? emptyStartCls(),
      // Not known for a client not on this device (nor for a quick-created one): asked (W-ROI-7).
      roi: view && !m.newClient ? roiOf(view) : undefined,
      roiAnswer: m.roiAnswer,
    };
  });
}

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
