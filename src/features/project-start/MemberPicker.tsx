// The household-member pickers of project start, also used when a member joins an open household
// (src/features/household): find a client on this device by name, or quick-create a person with
// only their name and DOB (and their data quality).
import { useState } from 'react';
import { searchClientsForHousehold, type RecordView } from '../../db';
import type { MemberField, NewMemberDetails } from '../../domain/workflow/project-start';
import { formatDate, personName } from '../../shared/format';
import { hudOptions } from '../../shared/forms';
import { useLiveQuery } from '../../shared/live';
import { useServices } from '../../shared/services';
import { Button, RadioGroup, TextField } from '../../shared/ui';

const NAME_QUALITY_OPTIONS = hudOptions('3.01.5');
const DOB_QUALITY_OPTIONS = hudOptions('3.03.2');
const MIN_SEARCH = 2;

export function memberElementId(key: string, field: MemberField, prefix = 'ps'): string {
  return `${prefix}-${key}-${field}`;
}

/** A client's name as a case manager reads it. */
export function clientName(view: RecordView): string {
  // personName takes the two name fields; a view is a loose record.
  return personName({ firstName: view.firstName, lastName: view.lastName });
}

export function NewMemberFields(props: {
  idPrefix?: string;
  memberKey: string;
  details: NewMemberDetails;
  today: string;
  errorFor(field: MemberField): string | null;
  onChange(patch: Partial<NewMemberDetails>): void;
}) {
  const { memberKey: key, details } = props;
  return (
    <div className="project-start-new">
      <div className="grid-2">
        <TextField
          id={memberElementId(key, 'firstName', props.idPrefix)}
          label="First name"
          autoComplete="off"
          maxLength={50}
          value={details.firstName}
          error={props.errorFor('firstName')}
          onChange={(v) => props.onChange({ firstName: v })}
        />
        <TextField
          id={memberElementId(key, 'lastName', props.idPrefix)}
          label="Last name"
          autoComplete="off"
          maxLength={50}
          value={details.lastName}
          error={props.errorFor('lastName')}
          onChange={(v) => props.onChange({ lastName: v })}
        />
      </div>
      <RadioGroup
        id={memberElementId(key, 'nameDataQuality', props.idPrefix)}
        label="Name data quality"
        required
        value={details.nameDataQuality}
        options={NAME_QUALITY_OPTIONS}
        error={props.errorFor('nameDataQuality')}
        onChange={(v) => props.onChange({ nameDataQuality: v })}
      />
      <TextField
        id={memberElementId(key, 'dob', props.idPrefix)}
        type="date"
        label="Date of birth"
        max={props.today}
        value={details.dob}
        error={props.errorFor('dob')}
        onChange={(v) => props.onChange({ dob: v })}
      />
      <RadioGroup
        id={memberElementId(key, 'dobDataQuality', props.idPrefix)}
        label="Date of birth data quality"
        required
        value={details.dobDataQuality}
        options={DOB_QUALITY_OPTIONS}
        error={props.errorFor('dobDataQuality')}
        onChange={(v) => props.onChange({ dobDataQuality: v })}
      />
    </div>
  );
}

export function AddMember(props: {
  idPrefix?: string;
  heading?: string;
  memberIds: readonly string[];
  onAddExisting(client: RecordView): void;
  onAddNew(): void;
}) {
  const { db } = useServices();
  const [search, setSearch] = useState('');
  const text = search.trim();
  const results = useLiveQuery(
    () =>
      text.length >= MIN_SEARCH
        ? searchClientsForHousehold(db, text, 10)
        : Promise.resolve([] as RecordView[]),
    [db, text],
  );
  const found = (results.data ?? []).filter((c) => !props.memberIds.includes(c.id));
  return (
    <div className="project-start-add">
      <h3 id={`${props.idPrefix ?? 'ps'}-add-heading`} tabIndex={-1}>
        {props.heading ?? 'Add a household member'}
      </h3>
      <TextField
        id={`${props.idPrefix ?? 'ps'}-search`}
        type="search"
        label="Find a client on this device by name"
        hint="Type at least 2 letters of a first or last name."
        value={search}
        onChange={setSearch}
      />
      {text.length >= MIN_SEARCH && results.data !== undefined ? (
        found.length > 0 ? (
          <ul className="list" aria-label="Clients on this device">
            {found.map((c) => (
              <li key={c.id} className="project-start-result">
                <span>
                  {clientName(c)}
                  {typeof c.dob === 'string' ? (
                    <span className="muted">, born {formatDate(c.dob)}</span>
                  ) : null}
                </span>
                <Button onClick={() => props.onAddExisting(c)}>Add {clientName(c)}</Button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted" role="status">
            No other client on this device matches “{text}”. Add them as a new person below.
          </p>
        )
      ) : null}
      <Button onClick={props.onAddNew}>Add a new person</Button>
    </div>
  );
}
