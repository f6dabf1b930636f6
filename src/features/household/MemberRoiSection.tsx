// The joining member's HMIS Release of Information (W-ROI-9, as project start's W-ROI-7): an adult
// with none on record chooses Share or Do Not Share, with the date and how it was given; anyone
// else is shown what is recorded, a child without one the head of household's choice. Optional: a
// member left without one is treated as Do Not Share.
import {
  roiMemberField,
  type IssueTarget,
  type MemberField,
} from '../../domain/workflow/project-start';
import {
  roiChoiceOptions,
  roiMethodOptions,
  type Roi,
  type RoiAnswer,
  type RoiField,
} from '../../domain/workflow/roi';
import { roiText } from '../../shared/roi-text';
import { Badge, RadioGroup, Section, TextField } from '../../shared/ui';

const CHOICES = roiChoiceOptions();
const METHODS = roiMethodOptions();

export function MemberRoiSection(props: {
  memberKey: string;
  name: string;
  /** Whether the member gives their own (asksAddMemberRoi). */
  asked: boolean;
  /** The ROI on the member's record on this device. */
  recorded: Roi | null;
  /** What adding them records when they are not asked (the head of household's, for a child). */
  fromHead: Roi | null;
  answer: RoiAnswer;
  today: string;
  elementId(field: MemberField): string;
  errorFor(target: IssueTarget): string | null;
  onAnswer(answer: RoiAnswer): void;
}) {
  const { name, answer, today } = props;
  const title = 'HMIS Release of Information';
  if (!props.asked) {
    return (
      <Section title={title}>
        <p>
          <strong>{name}</strong>:{' '}
          {props.recorded
            ? roiText(props.recorded)
            : props.fromHead
              ? `the head of household's choice is recorded for them: ${roiText(props.fromHead)}`
              : 'the head of household has no Release of Information recorded, so none is recorded for them (treated as Do Not Share).'}
        </p>
      </Section>
    );
  }
  const field = (f: RoiField) => roiMemberField(f);
  const target = (f: RoiField): IssueTarget => ({
    kind: 'member',
    memberKey: props.memberKey,
    field: field(f),
  });
  const set = (patch: Partial<RoiAnswer>) => props.onAnswer({ ...answer, ...patch });
  return (
    <Section title={title}>
      <p className="muted">
        {name} chooses Share or Do Not Share on the HMIS Release of Information. With Do Not Share,
        other organizations see only the basic client record. Without a choice, {name} is treated as
        Do Not Share.
      </p>
      <RadioGroup
        id={props.elementId(field('choice'))}
        label={`${name}: Share or Do Not Share`}
        hint={answer.choice === null ? <Badge tone="warning">Not recorded yet</Badge> : undefined}
        options={CHOICES}
        value={answer.choice}
        error={props.errorFor(target('choice'))}
        inline
        onChange={(v) => set({ choice: v, date: answer.date === '' ? today : answer.date })}
      />
      <TextField
        id={props.elementId(field('date'))}
        type="date"
        label={`Date ${name} gave it`}
        max={today}
        autoComplete="off"
        value={answer.date}
        error={props.errorFor(target('date'))}
        onChange={(v) => set({ date: v })}
      />
      <RadioGroup
        id={props.elementId(field('method'))}
        label={`How ${name} gave it`}
        hint="Verbal consent (by phone): have the client sign at the first meeting in person."
        options={METHODS}
        value={answer.method}
        error={props.errorFor(target('method'))}
        inline
        onChange={(v) => set({ method: v })}
      />
    </Section>
  );
}
