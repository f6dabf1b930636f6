// "When and how": the contact's date and time (now by default) and its kind and location (the
// previous contact's until chosen, hinted "As last time").
import { PICKLIST_IDS, DEFAULT_PICKLIST_REGISTRY } from '../../domain/forms';
import type { ContactForm } from '../../domain/workflow/contact';
import { RadioGroup, Section, TextField, type Option } from '../../shared/ui';
import { CONTROL_IDS } from './control-ids';

function picklistOptions(id: string): Option<string>[] {
  return DEFAULT_PICKLIST_REGISTRY.activeOptions(id).map((o) => ({
    value: o.code,
    label: o.label,
  }));
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
}) {
  const { form, kind, location, fieldErrors, set } = props;
  return (
    <Section title="When and how">
      <div className="grid-2">
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
    </Section>
  );
}
