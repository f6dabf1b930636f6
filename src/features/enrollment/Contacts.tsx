// The latest contact and its Current Living Situation, and every contact, newest first.
import type { EnrollmentBundle, RecordView } from '../../db';
import { DEFAULT_PICKLIST_REGISTRY, PICKLIST_IDS } from '../../domain/forms';
import { localDateOf } from '../../domain/records';
import {
  contactsNewestFirst,
  currentLivingSituationLabel,
  daysAgoText,
  daysSinceLastContact,
  lastContact,
  latestCurrentLivingSituation,
  noteExcerpt,
} from '../../domain/workflow/enrollment-summary';
import { formatDate, formatDateTime } from '../../shared/format';
import { useServices } from '../../shared/services';
import { Badge, Section } from '../../shared/ui';
import { str } from './records';

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function clsOf(bundle: EnrollmentBundle, id: unknown): RecordView | undefined {
  return bundle.currentLivingSituations.find((c) => c.id === id);
}

export function LatestContact({ bundle }: { bundle: EnrollmentBundle }) {
  const { today } = useServices();
  const days = daysSinceLastContact(bundle.contacts, today());
  const last = lastContact(bundle.contacts);
  const latest = latestCurrentLivingSituation(bundle.currentLivingSituations, bundle.contacts);
  return (
    <Section title="Latest contact">
      <dl className="facts">
        <dt>Last contact</dt>
        <dd>
          {days === null
            ? 'No contact recorded yet'
            : `${capitalized(daysAgoText(days))} (${formatDate(localDateOf(str(last?.contactAt)))})`}
        </dd>
        <dt>Current Living Situation</dt>
        <dd>
          {latest
            ? `${currentLivingSituationLabel(latest.currentLivingSituation) ?? 'Not recorded'} (${formatDate(str(latest.informationDate))})`
            : 'Not recorded yet'}
        </dd>
      </dl>
    </Section>
  );
}

export function Contacts({ bundle }: { bundle: EnrollmentBundle }) {
  const contacts = contactsNewestFirst(bundle.contacts);
  const labelOf = (list: string, code: unknown) =>
    typeof code === 'string' && code !== ''
      ? (DEFAULT_PICKLIST_REGISTRY.labelOf(list, code) ?? code)
      : null;
  return (
    <Section title="Contacts">
      {contacts.length === 0 ? (
        <p className="muted">No contacts recorded yet.</p>
      ) : (
        <ol className="list enrollment-timeline" aria-label="Contacts, newest first">
          {contacts.map((c) => {
            const kind = labelOf(PICKLIST_IDS.contactKind, c.kind);
            const location = labelOf(PICKLIST_IDS.contactLocation, c.location);
            const cls = clsOf(bundle, c.currentLivingSituationId);
            const situation = currentLivingSituationLabel(cls?.currentLivingSituation);
            const note = noteExcerpt(c.note);
            return (
              <li key={c.id}>
                <p className="enrollment-contact-head">
                  <strong>{formatDateTime(str(c.contactAt))}</strong>
                  {kind ? ` · ${kind}` : null}
                  {location ? ` · ${location}` : null}
                  {c.interimAssessmentId ? (
                    <>
                      {' '}
                      <Badge>Interim update</Badge>
                    </>
                  ) : null}
                  {c.pending ? (
                    <>
                      {' '}
                      <Badge tone="pending">Not synced</Badge>
                    </>
                  ) : null}
                </p>
                {situation ? (
                  <p className="enrollment-contact-line">
                    <span className="muted">Current Living Situation:</span> {situation}
                  </p>
                ) : null}
                {note ? <p className="enrollment-contact-line">{note}</p> : null}
              </li>
            );
          })}
        </ol>
      )}
    </Section>
  );
}
