// What the Entry (project start) still lacks, in the provider's forms as the caseload counts them
// (W-DIS4: with a federal funder 4.05–4.10 are required at entry), with the way to fill it in; and
// 3.08 against 4.05–4.10 on the Entry, a warning (W-DIS2).
import type { EnrollmentBundle } from '../../db';
import { DISABILITIES_FORM_ID } from '../../domain/forms';
import {
  describeMissing,
  entryAnswers,
  entryDisablingConditionWarnings,
  entryMissing,
} from '../../domain/workflow/backfill';
import { paths } from '../../shared/paths';
import { useServices } from '../../shared/services';
import { Alert, Badge, ButtonLink, Section } from '../../shared/ui';
import { entryContext, entryFormsOf, federalFunded } from './records';

export function MissingFromStart({ bundle }: { bundle: EnrollmentBundle }) {
  const services = useServices();
  // W-DIS4: the provider's forms, as the caseload counts: with a federal funder, 4.05–4.10 too.
  const forms = entryFormsOf(bundle, services);
  const missing = entryMissing(bundle.entry, entryContext(bundle, services), forms);
  const disabilities = federalFunded(bundle, services)
    ? missing.filter((m) => m.formId === DISABILITIES_FORM_ID && m.reason === 'empty').length
    : 0;
  return (
    <Section title="Missing from project start">
      {missing.length === 0 ? (
        <p>
          <Badge tone="ok">Complete</Badge> Everything required at project start is answered.
        </p>
      ) : (
        <>
          <p>
            {missing.length === 1
              ? 'One answer required at project start is still missing.'
              : `${missing.length} answers required at project start are still missing.`}
          </p>
          {disabilities > 0 ? (
            <p id="enrollment-missing-disabilities">
              Disabilities (4.05–4.10) are required at project start: this provider has a federal
              funder.{' '}
              {disabilities === 1
                ? 'One disabilities question is not answered.'
                : `${disabilities} disabilities questions are not answered.`}
            </p>
          ) : null}
          <ul className="list enrollment-missing">
            {missing.map((m) => (
              <li key={m.fieldId}>
                <span className="enrollment-missing-label">{m.label}</span>{' '}
                <span className="muted">— {describeMissing(m, forms)}</span>
              </li>
            ))}
          </ul>
          <div className="button-row">
            <ButtonLink variant="primary" to={paths.backfill(bundle.enrollment.id)}>
              Fill in
            </ButtonLink>
          </div>
        </>
      )}
    </Section>
  );
}

export function DisablingConditionWarnings({ bundle }: { bundle: EnrollmentBundle }) {
  const services = useServices();
  const warnings = entryDisablingConditionWarnings(
    entryAnswers(bundle.entry),
    entryContext(bundle, services),
    entryFormsOf(bundle, services),
  );
  return (
    <>
      {warnings.map((i) => (
        <Alert key={i.rule} tone="warning" title="Check the disabling condition">
          <p>{i.message}</p>
        </Alert>
      ))}
    </>
  );
}
