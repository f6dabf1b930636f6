// The client profile's HMIS Release of Information (W-ROI-8): the choice on record, when and how it
// was given, what it means for who sees the client's data, and recording a new one. A new choice
// is its own save (one 'client' patch of `roi`), apart from the profile's other fields, because it
// changes who may see the client's data from then on and the server audits it (W-ROI-4, W-ROI-5).
import { useState, type FormEvent } from 'react';
import type { RecordView } from '../../db';
import {
  ROI_SHARE,
  emptyRoiAnswer,
  isEmptyRoiAnswer,
  roiAnswerFromDraft,
  roiChoiceLabel,
  roiFromAnswer,
  roiMethodLabel,
  roiOf,
  roiVisibilityText,
  sameRoi,
  type RoiIssue,
} from '../../domain/workflow/roi';
import { useDraft } from '../../shared/draft';
import { formatDate, personName } from '../../shared/format';
import { paths } from '../../shared/paths';
import { useServices } from '../../shared/services';
import { Alert, Badge, Button, ErrorSummary, Loading, Section } from '../../shared/ui';
import { RoiFields, roiIssueDisplay } from './ClientFields';

const ID_PREFIX = 'client';

export function RoiSection(props: { client: RecordView }) {
  const services = useServices();
  const today = services.today();
  const { client } = props;
  const roi = roiOf(client);
  const name = personName({ firstName: client.firstName, lastName: client.lastName });
  const draft = useDraft<unknown>(`client-roi:${client.id}`, null, {
    path: paths.client(client.id),
    title: `Release of Information: ${name}`,
  });
  const [issues, setIssues] = useState<RoiIssue[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!draft.loaded) return <Loading />;
  const answer = draft.value === null ? emptyRoiAnswer() : roiAnswerFromDraft(draft.value);
  const display = roiIssueDisplay(issues, ID_PREFIX);
  // clear() forgets the stored draft; the form empties too.
  const reset = async () => {
    draft.set(null);
    await draft.clear();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setNotice(null);
    if (isEmptyRoiAnswer(answer)) {
      setIssues([]);
      setNotice('Nothing to record: choose Share or Do Not Share, the date and how it was given.');
      return;
    }
    const result = roiFromAnswer(answer, { today });
    setIssues(result.issues);
    if (result.issues.length > 0 || result.roi === null) return;
    if (sameRoi(result.roi, roi)) {
      await reset();
      setNotice('This Release of Information is already recorded.');
      return;
    }
    setBusy(true);
    try {
      await services.save({
        type: 'client',
        id: client.id,
        op: 'patch',
        fields: { roi: result.roi },
      });
      await reset();
      setNotice(
        `Recorded: ${roiChoiceLabel(result.roi.choice)}. It applies from now on, on this device and, once synced, on the server.`,
      );
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title="HMIS Release of Information">
      <p>
        {roi ? (
          <>
            <Badge tone={roi.choice === ROI_SHARE ? 'ok' : 'warning'}>
              {roiChoiceLabel(roi.choice)}
            </Badge>{' '}
            Given {formatDate(roi.date)} · {roiMethodLabel(roi.method)}
          </>
        ) : (
          <Badge tone="warning">Not recorded</Badge>
        )}
      </p>
      <p className="muted">{roiVisibilityText(roi)}</p>
      <form
        onSubmit={onSubmit}
        noValidate
        autoComplete="off"
        aria-label="Record a Release of Information"
      >
        <ErrorSummary errors={display.summary} />
        <RoiFields
          answer={answer}
          onChange={(next) => {
            setNotice(null);
            draft.set(() => next);
          }}
          errors={display.byField}
          idPrefix={ID_PREFIX}
          headingLevel={3}
          today={today}
          title={roi ? 'Record a new choice' : 'Record the choice'}
          intro={
            roi ? (
              <p>When the client changes their choice, record the new one with its date.</p>
            ) : null
          }
        />
        {notice ? <Alert tone="info">{notice}</Alert> : null}
        {failure ? (
          <Alert tone="error" title="The Release of Information was not saved">
            <p>{failure}</p>
          </Alert>
        ) : null}
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={busy}>
            Save Release of Information
          </Button>
          {draft.value !== null ? (
            <Button
              variant="link"
              onClick={() => {
                setIssues([]);
                void reset();
              }}
            >
              Discard
            </Button>
          ) : null}
        </div>
      </form>
    </Section>
  );
}
