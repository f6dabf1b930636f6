// Conflicts: this device's changes that lost to another change (notices), and, for supervisors and
// admins, the provider's open conflicts on the server with both values side by side and the
// actions that resolve them. Case managers are told a supervisor resolves them.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  dismissConflictNotice,
  listConflictNotices,
  recordContexts,
  type RecordContext,
} from '../../db';
import { parseHlc } from '../../domain/clock/hlc';
import { MERGE_RULES, ruleReason, type MergeRule } from '../../domain/merge';
import {
  conflictPageSchema,
  providerMembersSchema,
  resolvedConflictSchema,
  type ServerConflict,
  type ServerConflictSide,
} from '../../domain/protocol';
import { RECORD_TYPES, recordKey, type RecordType } from '../../domain/records';
import { fieldInfo, valueText } from '../../domain/workflow/change-summary';
import { formatDateTime } from '../../shared/format';
import { useLiveQuery } from '../../shared/live';
import { Link } from '../../shared/navigation';
import { useServices, useSyncStatus } from '../../shared/services';
import { Alert, Button, Loading, Section } from '../../shared/ui';
import { conflictsPath, membersPath, resolvePath, type ResolutionAction } from './api';
import { apiErrorText, recordHeadline, recordPath } from './words';

export function Conflicts() {
  const { account } = useServices();
  const reviewer = account.role === 'supervisor' || account.role === 'admin';
  return (
    <Section title="Conflicts">
      <DeviceNotices />
      {reviewer ? (
        <ServerConflicts />
      ) : (
        <p className="muted">
          A supervisor reviews conflicts on the server and decides which value stays. Both values
          are kept until then, so nothing is lost.
        </p>
      )}
    </Section>
  );
}

function DeviceNotices() {
  const { db, syncNow } = useServices();
  const notices = useLiveQuery(() => listConflictNotices(db), [db]).data;
  if (notices === undefined) return <Loading />;
  if (notices.length === 0) {
    return <p>None of the changes sent from this device lost to another change.</p>;
  }
  return (
    <>
      <h3 className="sync-item-title">Your changes kept for review</h3>
      <p>
        {notices.length === 1 ? 'This change' : 'These changes'} reached the server, but another
        change to the same information won. The server keeps both values for a supervisor.
      </p>
      <ul className="list">
        {notices.map(({ notice, view, client }) => {
          const headline = recordHeadline(notice.recordType, view, client);
          const to = recordPath(
            { recordType: notice.recordType, recordId: notice.recordId, fields: {} },
            { view },
          );
          return (
            <li key={notice.id} className="sync-item">
              <p>
                {to ? (
                  <Link to={to}>
                    <strong>{headline}</strong>
                  </Link>
                ) : (
                  <strong>{headline}</strong>
                )}
              </p>
              <p>{notice.message ?? 'Another change to the same information won.'}</p>
              <p className="muted">{formatDateTime(notice.at)}</p>
              <Button
                variant="link"
                onClick={() => {
                  void dismissConflictNotice(db, notice.id).then(() => syncNow());
                }}
              >
                Dismiss notice
              </Button>
            </li>
          );
        })}
      </ul>
    </>
  );
}

const isRecordType = (t: string): t is RecordType => (RECORD_TYPES as string[]).includes(t);

function ServerConflicts() {
  const [resolved, setResolved] = useState<string | null>(null);
  const { api, db, provider } = useServices();
  const online = useSyncStatus((s) => s.online);
  // Oldest first, a page at a time: "Load more" asks for the page after the last one shown. A
  // refetch (after a resolution) reads the pages again from the first, each after the one before.
  const conflicts = useInfiniteQuery({
    queryKey: ['conflicts', provider.id, 'open'],
    queryFn: ({ pageParam }) => api(conflictsPath(provider.id, pageParam), conflictPageSchema),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    enabled: online,
  });
  // Names of who made each value; without them the ids are shown as "another user".
  const members = useQuery({
    queryKey: ['provider-members', provider.id],
    queryFn: () => api(membersPath(provider.id), providerMembersSchema),
    enabled: online,
  });
  const rows = conflicts.data ? distinctConflicts(conflicts.data.pages) : undefined;
  const refs = (rows ?? []).flatMap(({ conflict: c }) =>
    isRecordType(c.recordType) ? [{ type: c.recordType, id: c.recordId }] : [],
  );
  const refsKey = refs.map((r) => recordKey(r.type, r.id)).join(',');
  const contexts = useLiveQuery(() => recordContexts(db, refs), [db, refsKey]).data;

  let body;
  if (!online) {
    body = (
      <p>Conflicts on the server need a connection. They are listed here once you are online.</p>
    );
  } else if (conflicts.isPending) {
    body = <Loading label="Asking the server for open conflicts…" />;
  } else if (conflicts.isError && !conflicts.isFetchNextPageError) {
    body = (
      <Alert tone="error" title="Could not load the conflicts">
        <p>{apiErrorText(conflicts.error)}</p>
        <Button onClick={() => void conflicts.refetch()}>Try again</Button>
      </Alert>
    );
  } else if (!rows?.length) {
    body = <p>No open conflicts for {provider.name}.</p>;
  } else {
    const names = new Map((members.data?.members ?? []).map((m) => [m.id, m.displayName]));
    body = (
      <>
        <ul className="list">
          {rows.map((row) => (
            <ConflictItem
              key={row.conflict.id}
              onResolved={setResolved}
              row={row}
              names={names}
              context={contexts?.get(recordKey(row.conflict.recordType, row.conflict.recordId))}
            />
          ))}
        </ul>
        {conflicts.isFetchNextPageError ? (
          <Alert tone="error" title="Could not load more conflicts">
            <p>{apiErrorText(conflicts.error)}</p>
          </Alert>
        ) : null}
        {conflicts.hasNextPage ? (
          <>
            <p className="muted">
              Showing the {rows.length} oldest open conflicts. There are more on the server.
            </p>
            <Button
              busy={conflicts.isFetchingNextPage}
              onClick={() => void conflicts.fetchNextPage()}
            >
              Load more
            </Button>
          </>
        ) : null}
      </>
    );
  }
  return (
    <>
      <h3 className="sync-item-title">Open conflicts for {provider.name}</h3>
      {/* A resolved conflict leaves the list at once, so the confirmation lives here. */}
      <p role="status" className="sync-resolved">
        {resolved}
      </p>
      {body}
    </>
  );
}

/** The conflicts of the pages read so far, in order, each once (pages are cut by position). */
function distinctConflicts(pages: readonly { conflicts: ServerConflict[] }[]): ServerConflict[] {
  const byId = new Map<string, ServerConflict>();
  for (const row of pages.flatMap((page) => page.conflicts)) {
    if (!byId.has(row.conflict.id)) byId.set(row.conflict.id, row);
  }
  return [...byId.values()];
}

/** The label and text of a field on one side of a conflict. */
function sideText(type: string, path: string, side: ServerConflictSide): string {
  if (path === '_deleted') return side.values._deleted === true ? 'Deleted' : 'Not deleted';
  if (!isRecordType(type)) return JSON.stringify(side.values[path] ?? null);
  return valueText(fieldInfo(type, path), side.values[path]);
}

function fieldLabel(type: string, path: string): string {
  if (path === '_deleted') return 'Record';
  return isRecordType(type) ? fieldInfo(type, path).label : path;
}

const RESOLUTIONS: Readonly<
  Record<'value' | 'deleted' | 'duplicate' | 'review', [ResolutionAction, string][]>
> = {
  value: [
    ['keep_current', 'Keep current value'],
    ['restore', 'Restore the value that lost'],
  ],
  deleted: [
    ['keep_current', 'Keep it deleted'],
    ['restore', 'Restore the record with this change'],
  ],
  duplicate: [
    ['link', 'Same person: link the records'],
    ['dismiss', 'Different people: dismiss'],
  ],
  // M11: the fix is made on the records (household members, exit); this marks the review done.
  review: [['dismiss', 'Fixed or correct as it is: mark reviewed']],
};

function ConflictItem(props: {
  onResolved(message: string): void;
  row: ServerConflict;
  names: Map<string, string>;
  context: RecordContext | undefined;
}) {
  const { api, provider, account, syncNow } = useServices();
  const queryClient = useQueryClient();
  const c = props.row.conflict;
  const [done, setDone] = useState<string | null>(null);
  const resolve = useMutation({
    mutationFn: (action: ResolutionAction) =>
      api(resolvePath(c.id), resolvedConflictSchema, {
        method: 'POST',
        body: { providerId: provider.id, action },
      }),
    onSuccess: async (_result, action) => {
      setDone(action);
      const label = RESOLUTIONS[kind].find(([a]) => a === action)?.[1] ?? action;
      props.onResolved(`Resolved: ${headline} (${label}).`);
      void syncNow();
      await queryClient.invalidateQueries({ queryKey: ['conflicts', provider.id] });
    },
  });

  const duplicate = c.rule === 'M10';
  const review = c.rule === 'M11';
  const kind = duplicate
    ? 'duplicate'
    : review
      ? 'review'
      : c.group === '_deleted'
        ? 'deleted'
        : 'value';
  const view = props.context?.view ?? null;
  const client = props.context?.client ?? null;
  const type = isRecordType(c.recordType) ? c.recordType : null;
  const headline = type ? recordHeadline(type, view, client) : 'Record';
  const to = type
    ? recordPath({ recordType: type, recordId: c.recordId, fields: {} }, { view })
    : null;
  const reason = (MERGE_RULES as readonly string[]).includes(c.rule)
    ? ruleReason(c.rule as MergeRule)
    : null;

  const who = (side: ServerConflictSide) =>
    side.version.userId === account.userId
      ? 'You'
      : (props.names.get(side.version.userId) ?? 'Another user');
  const when = (side: ServerConflictSide) => {
    try {
      return formatDateTime(parseHlc(side.version.hlc).millis);
    } catch {
      return '—';
    }
  };
  const fields = c.fields.length ? c.fields : Object.keys(c.loser.values);
  const [current, other] =
    duplicate || review
      ? ['This record', 'The other record']
      : ['Current value', 'Value that lost'];

  return (
    <li className="sync-item">
      <h4 className="sync-item-title">{to ? <Link to={to}>{headline}</Link> : headline}</h4>
      <p>
        {duplicate
          ? 'These two client records may be the same person.'
          : review
            ? c.message
            : reason
              ? `Kept for review because ${reason}.`
              : c.message}
      </p>
      <table className="sync-compare">
        <caption className="visually-hidden">Both values of this conflict</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">{current}</th>
            <th scope="col">{other}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((path) => (
            <tr key={path}>
              <th scope="row">{fieldLabel(c.recordType, path)}</th>
              <td>{sideText(c.recordType, path, c.winner)}</td>
              <td>{sideText(c.recordType, path, c.loser)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">By</th>
            <td>{who(c.winner)}</td>
            <td>{who(c.loser)}</td>
          </tr>
          <tr>
            <th scope="row">When</th>
            <td>{when(c.winner)}</td>
            <td>{when(c.loser)}</td>
          </tr>
          <tr>
            <th scope="row">Device</th>
            <td>{c.winner.version.deviceId}</td>
            <td>{c.loser.version.deviceId}</td>
          </tr>
        </tbody>
      </table>
      <p className="muted">Rule {c.rule}</p>
      {resolve.isError ? (
        <Alert tone="error" title="Not resolved">
          <p>{apiErrorText(resolve.error)}</p>
        </Alert>
      ) : null}
      {done ? (
        <p>Resolved.</p>
      ) : (
        <div className="button-row">
          {RESOLUTIONS[kind].map(([action, label]) => (
            <Button
              key={action}
              variant={action === 'keep_current' || action === 'link' ? 'primary' : 'secondary'}
              busy={resolve.isPending && resolve.variables === action}
              disabled={resolve.isPending}
              onClick={() => resolve.mutate(action)}
            >
              {label}
            </Button>
          ))}
        </div>
      )}
    </li>
  );
}
