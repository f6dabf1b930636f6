// The annual assessment (stage 5) of a household: one information date inside the window around
// the head of household's anniversary, and the stage-5 forms for every member with an open
// enrollment whose assessment for this year is due or late. Answers start empty: the annual
// assessment records what is true now, never a copy of earlier answers. Saved through the app's
// one write path (services.save → device outbox), one Assessment per member (W-ANNUAL-3).
import { FORMS, formsForFunding, formsForStage } from '../../domain/forms';
import {
  ANNUAL_STAGE,
  annualAssessmentStatus,
  anniversaryStart,
  latestOpenWindow,
  type AnnualWindow,
} from '../../domain/workflow/annual-assessment';
import { hasFederalFunder } from '../../domain/workflow/federal-funder';
import { formatDate } from '../../shared/format';
import { EnrollmentLoader } from '../../shared/enrollment-loader';
import { paths } from '../../shared/paths';
import { useServices } from '../../shared/services';
import { Alert, ButtonLink, Page } from '../../shared/ui';
import {
  annualEnrollmentOf,
  annualHousehold,
  assessmentInfos,
  memberName,
  type AnnualHousehold,
} from './household';
import { AnnualFormBody, TITLE, type MemberRow } from './AnnualFormBody';

export function AnnualAssessmentPage({ enrollmentId }: { enrollmentId: string }) {
  return (
    <EnrollmentLoader
      enrollmentId={enrollmentId}
      title={TITLE}
      loadingLabel="Opening the annual assessment…"
      load={annualHousehold}
    >
      {(household) => <AnnualForm household={household} />}
    </EnrollmentLoader>
  );
}

function AnnualForm({ household }: { household: AnnualHousehold }) {
  const services = useServices();
  const today = services.today();
  const { enrollment } = household;
  const provider =
    services.provider.id === enrollment.providerId
      ? services.provider
      : services.account.providers.find((p) => p.id === enrollment.providerId);
  const forms = formsForStage(
    ANNUAL_STAGE,
    formsForFunding(FORMS, hasFederalFunder(provider, today)),
  );
  const enrollments = household.members.map((m) => annualEnrollmentOf(m.enrollment));
  const from = anniversaryStart(annualEnrollmentOf(enrollment), enrollments);
  const window = latestOpenWindow(from, today);
  const allAssessments = household.members.flatMap((m) => assessmentInfos(m.assessments));
  const rows: MemberRow[] = household.members.map((view, i) => ({
    view,
    status: annualAssessmentStatus(enrollments[i]!, enrollments, allAssessments, today),
  }));
  const toAssess = rows.filter((r) => r.status.kind === 'due' || r.status.kind === 'late');
  const headName = memberName(household.members[0]!);

  const back = { to: paths.enrollment(enrollment.id), label: headName };
  if (window === null || toAssess.length === 0) {
    return (
      <Page title={TITLE} subtitle={`Household of ${headName}`} back={back}>
        <NothingToRecord window={window} from={from} rows={rows} />
        <div className="button-row">
          <ButtonLink to={paths.enrollment(enrollment.id)}>Back to the enrollment</ButtonLink>
        </div>
      </Page>
    );
  }
  return (
    <AnnualFormBody
      household={household}
      window={window}
      from={from}
      rows={rows}
      toAssess={toAssess}
      forms={forms}
      projectType={provider?.projectType ?? null}
      headName={headName}
    />
  );
}

function NothingToRecord(props: { window: AnnualWindow | null; from: string; rows: MemberRow[] }) {
  if (props.window === null) {
    return (
      <Alert tone="info" title="No annual assessment is due yet.">
        <p>
          The household started on {formatDate(props.from)}. The first annual assessment is due in
          the 30 days before or after the first anniversary.
        </p>
      </Alert>
    );
  }
  return (
    <Alert tone="success" title="Nothing to record for this year.">
      <p>
        Every member with an open enrollment has an annual assessment for the anniversary of{' '}
        {formatDate(props.window.anniversary)}, or is not due one.
      </p>
    </Alert>
  );
}
