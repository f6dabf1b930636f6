// The HMIS Release of Information at project start (W-ROI-7): the head of household and each adult
// with none on this device choose Share or Do Not Share, with the date and how it was given; the
// others show what is on record, and children get the head of household's. Optional: a member
// left without one is only warned about (treated as Do Not Share).
import type { IssueTarget, ProjectStartMember } from '../../domain/workflow/project-start';
import { asksStartRoi, headRoi, roiMemberField } from '../../domain/workflow/project-start';
import {
  emptyRoiAnswer,
  roiChoiceOptions,
  roiMethodOptions,
  type RoiAnswer,
  type RoiField,
} from '../../domain/workflow/roi';
import { roiText } from '../../shared/roi-text';
import { Badge, RadioGroup, Section, TextField } from '../../shared/ui';
import { memberElementId } from './MemberPicker';

const CHOICES = roiChoiceOptions();
const METHODS = roiMethodOptions();

export function RoiSection(props: {
  /** Head of household first (all of them: children get the head's choice). */
  ordered: readonly ProjectStartMember[];
  /** Show only this member (their step); absent: everyone. */
  only?: string;
  projectStartDate: string;
  today: string;
  errorFor(target: IssueTarget): string | null;
  onAnswer(key: string, answer: RoiAnswer): void;
}) {
  const { ordered, today, errorFor } = props;
  const dates = { projectStartDate: props.projectStartDate, today };
  const forChildren = headRoi({ members: ordered, ...dates });
  return (
    <Section title="HMIS Release of Information">
      <p className="muted">
        Adults and the head of household choose; the head of household chooses for the children.
        Without a choice, the client is treated as Do Not Share.
      </p>
      <ul className="list">
        {ordered
          .filter((m) => props.only === undefined || m.key === props.only)
          .map((m) => {
            if (!asksStartRoi(m, dates)) {
              return (
                <li key={m.key} className="project-start-roi-member">
                  <p>
                    <strong>{m.name}</strong>:{' '}
                    {m.roi
                      ? roiText(m.roi)
                      : forChildren
                        ? `the head of household's choice is recorded for them: ${roiText(forChildren)}`
                        : 'recorded with the head of household’s choice once it is given.'}
                  </p>
                </li>
              );
            }
            const answer = m.roiAnswer ?? emptyRoiAnswer();
            const target = (field: RoiField): IssueTarget => ({
              kind: 'member',
              memberKey: m.key,
              field: roiMemberField(field),
            });
            const id = (field: RoiField) => memberElementId(m.key, roiMemberField(field));
            const set = (patch: Partial<RoiAnswer>) =>
              props.onAnswer(m.key, { ...answer, ...patch });
            return (
              <li key={m.key} className="project-start-roi-member">
                <RadioGroup
                  id={id('choice')}
                  label={`${m.name}: Share or Do Not Share`}
                  hint={
                    answer.choice === null ? (
                      <Badge tone="warning">Not recorded yet</Badge>
                    ) : undefined
                  }
                  options={CHOICES}
                  value={answer.choice}
                  error={errorFor(target('choice'))}
                  inline
                  onChange={(v) =>
                    set({ choice: v, date: answer.date === '' ? today : answer.date })
                  }
                />
                <TextField
                  id={id('date')}
                  type="date"
                  label={`Date ${m.name} gave it`}
                  max={today}
                  autoComplete="off"
                  value={answer.date}
                  error={errorFor(target('date'))}
                  onChange={(v) => set({ date: v })}
                />
                <RadioGroup
                  id={id('method')}
                  label={`How ${m.name} gave it`}
                  hint="Verbal consent (by phone): have the client sign at the first meeting in person."
                  options={METHODS}
                  value={answer.method}
                  error={errorFor(target('method'))}
                  inline
                  onChange={(v) => set({ method: v })}
                />
              </li>
            );
          })}
      </ul>
    </Section>
  );
}
