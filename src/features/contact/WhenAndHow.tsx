// "When and how": the contact's date and time (now by default) and its kind and location (the
// previous contact's until chosen: one line "As last time: In person, Office" with "Change").
import type { ReactNode } from 'react';
import { PICKLIST_IDS, DEFAULT_PICKLIST_REGISTRY } from '../../domain/forms';
import type { ContactForm } from '../../domain/workflow/contact';
import { Button, RadioGroup, Section, TextField, type Option } from '../../shared/ui';
import { CONTROL_IDS } from './control-ids';

function picklistOptions(id: string): Option<string>[] {
  return DEFAULT_PICKLIST_REGISTRY.activeOptions(id).map((o) => ({
    value: o.code,
    label: o.label,
  }));
}

function labelOf(listId: string, code: string): string {
  return picklistOptions(listId).find((o) => o.value === code)?.label ?? code;
}

export function WhenAndHow(props: {
  form: ContactForm;
  /** The kind and location the contact is saved with (chosen, else the previous contact's). */
  kind: string | null;
  location: string | null;
  today: string;
  projectStartDate: string;
  fieldErrors: Readonly<Record<string, string>>;
  set(change: (form: ContactForm) => ContactForm): void;
  /** What follows in the same section (the note). */
  children?: ReactNode;
}) {
  const { form, kind, location, fieldErrors, set } = props;
  // As last time: one line with "Change" rather than two lists of answers.
  const asLastTime =
    form.kind === null &&
    form.location === null &&
    kind !== null &&
    location !== null &&
    fieldErrors.kind === undefined &&
    fieldErrors.location === undefined;
  return (
    <Section title="When, how and what happened">
      <div className="contact-when">
        <TextField
          id={CONTROL_IDS.date}
          label="Date"
          type="date"
          required
          value={form.date}
          max={props.today}
          min={props.projectStartDate || undefined}
          error={fieldErrors.date}
          onChange={(date) => set((f) => ({ ...f, date }))}
        />
        <TextField
          id={CONTROL_IDS.time}
          label="Time"
          type="time"
          required
          value={form.time}
          error={fieldErrors.time}
          onChange={(time) => set((f) => ({ ...f, time }))}
        />
      </div>
      {asLastTime ? (
        <div className="contact-as-last-time">
          <p>
            <span className="muted">As last time: </span>
            <strong>
              {labelOf(PICKLIST_IDS.contactKind, kind)},{' '}
              {labelOf(PICKLIST_IDS.contactLocation, location)}
            </strong>
          </p>
          <Button onClick={() => set((f) => ({ ...f, kind, location }))}>
            Change how or where
          </Button>
        </div>
      ) : (
        <>
          <RadioGroup
            id={CONTROL_IDS.kind}
            label="Kind of contact"
            required
            inline
            hint={form.kind === null && kind !== null ? 'As last time' : undefined}
            value={kind}
            options={picklistOptions(PICKLIST_IDS.contactKind)}
            error={fieldErrors.kind}
            onChange={(v) => set((f) => ({ ...f, kind: v }))}
          />
          <RadioGroup
            id={CONTROL_IDS.location}
            label="Where it happened"
            inline
            hint={form.location === null && location !== null ? 'As last time' : undefined}
            value={location}
            options={picklistOptions(PICKLIST_IDS.contactLocation)}
            error={fieldErrors.location}
            onChange={(v) => set((f) => ({ ...f, location: v }))}
          />
        </>
      )}
      {props.children}
    </Section>
  );
}
