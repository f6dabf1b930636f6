// W-EX7: the client's contact information on the exit form, for "contact information for
// follow-up confirmed": what is on file, one line each, and "Change" opens the fields. A change is
// saved as a client patch in the exit's one save (src/domain/workflow/exit-contact.ts).
import {
  contactIssueField,
  type ExitContactField,
  type ExitContactView,
} from '../../domain/workflow/exit-contact';
import type { ExitForm } from '../../domain/workflow/exit';
import { Button, TextField } from '../../shared/ui';

type Set = (update: (f: ExitForm) => ExitForm) => void;

export const contactControlId = (field: ExitContactField): string => `exit-contact-${field}`;

function phoneText(phone: string): string {
  return /^\d{10}$/.test(phone)
    ? `(${phone.slice(0, 3)}) ${phone.slice(3, 6)}-${phone.slice(6)}`
    : phone;
}

function addressText(v: ExitContactView['values']): string {
  const cityLine = [v.city, [v.state, v.zip].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return [v.addressLine1, v.addressLine2, cityLine].filter(Boolean).join(', ');
}

const FIELDS: readonly {
  field: ExitContactField;
  label: string;
  type?: 'tel' | 'email';
  inputMode?: 'tel' | 'email' | 'numeric';
  autoComplete: string;
}[] = [
  { field: 'phone', label: 'Phone', type: 'tel', inputMode: 'tel', autoComplete: 'off' },
  { field: 'email', label: 'Email', type: 'email', inputMode: 'email', autoComplete: 'off' },
  { field: 'addressLine1', label: 'Address', autoComplete: 'off' },
  { field: 'addressLine2', label: 'Address line 2', autoComplete: 'off' },
  { field: 'city', label: 'City', autoComplete: 'off' },
  { field: 'state', label: 'State', autoComplete: 'off' },
  { field: 'zip', label: 'ZIP code', inputMode: 'numeric', autoComplete: 'off' },
];

export function ContactInfo(props: {
  contact: ExitContactView;
  form: ExitForm;
  set: Set;
  fieldErrors: Record<string, string>;
}) {
  const { contact, form, set, fieldErrors } = props;
  const v = contact.values;
  const hasError = FIELDS.some((f) => fieldErrors[contactIssueField(f.field)] !== undefined);
  const open = form.contactOpen === true || hasError;
  return (
    <div className="exit-contact" id="exit-contact">
      <div className="exit-contact-head">
        <h3>Contact information</h3>
        <Button
          variant="link"
          aria-expanded={open}
          aria-controls="exit-contact-fields"
          onClick={() => set((f) => ({ ...f, contactOpen: !open }))}
        >
          {open ? 'Done' : 'Change contact information'}
        </Button>
      </div>
      {open ? (
        <div id="exit-contact-fields">
          {FIELDS.map((f) => (
            <TextField
              key={f.field}
              id={contactControlId(f.field)}
              label={f.label}
              type={f.type}
              inputMode={f.inputMode}
              autoComplete={f.autoComplete}
              value={v[f.field]}
              error={fieldErrors[contactIssueField(f.field)]}
              onChange={(value) =>
                set((x) => ({ ...x, contact: { ...(x.contact ?? {}), [f.field]: value } }))
              }
            />
          ))}
          {contact.changed ? (
            <p className="muted">Saving the exit also saves this on the client’s profile.</p>
          ) : null}
        </div>
      ) : (
        <dl className="facts">
          <dt>Phone</dt>
          <dd>{v.phone === '' ? 'Not recorded' : phoneText(v.phone)}</dd>
          <dt>Email</dt>
          <dd>{v.email === '' ? 'Not recorded' : v.email}</dd>
          <dt>Address</dt>
          <dd>{addressText(v) || 'Not recorded'}</dd>
        </dl>
      )}
    </div>
  );
}
