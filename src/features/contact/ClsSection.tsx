// "Current Living Situation": the first row (the contacted member, with "Same as last time") and
// one row per other member HUD asks 4.12 of (W-CT1), "Same as <first name>" until unticked (W-CT2).
import {
  chooseLivingSituation,
  isSameAsFirst,
  memberClsAnswers,
  previousClsOf,
  sameAsLastTime,
  setSameAsFirst,
  updateMemberCls,
  type ClsAnswers,
  type ClsField,
  type ContactForm,
  type ContactMember,
  type PreviousCls,
} from '../../domain/workflow/contact';
import { livingSituationOptionGroups } from '../../domain/workflow/living-situations';
import { Section } from '../../shared/ui';
import { ClsFollowUps } from './ClsFollowUps';
import { CONTROL_IDS, errorsUnder, memberControlId } from './control-ids';
import { memberWord } from './household';
import { LivingSituationPicker } from './LivingSituationPicker';

const CLS_GROUPS = livingSituationOptionGroups('current');

function previousChoice(previous: PreviousCls | null) {
  return previous === null
    ? null
    : {
        code: previous.currentLivingSituation,
        label:
          CLS_GROUPS.flatMap((g) => g.options).find(
            (o) => o.code === previous.currentLivingSituation,
          )?.label ?? String(previous.currentLivingSituation),
        date: previous.informationDate,
      };
}

type Set = (change: (form: ContactForm) => ContactForm) => void;

export function ClsSection(props: {
  form: ContactForm;
  projectType: number | null;
  previousCls: PreviousCls | null;
  /** The other members asked 4.12, and each one's position in the household. */
  others: readonly ContactMember[];
  positions: ReadonlyMap<string, number>;
  /** The contacted member's first name ("Same as Ana"). */
  firstName: string;
  fieldErrors: Readonly<Record<string, string>>;
  set: Set;
}) {
  const { form, projectType, previousCls, fieldErrors, set } = props;
  return (
    <Section title="Current Living Situation">
      <LivingSituationPicker
        id={CONTROL_IDS.currentLivingSituation}
        value={form.currentLivingSituation}
        groups={CLS_GROUPS}
        previous={previousChoice(previousCls)}
        error={fieldErrors.currentLivingSituation}
        onChange={(code) => set((f) => chooseLivingSituation(f, code, projectType))}
        onSameAsLastTime={() =>
          set((f) => (previousCls === null ? f : sameAsLastTime(f, previousCls, projectType)))
        }
      />
      <ClsFollowUps
        answers={form}
        projectType={projectType}
        idOf={(field) => CONTROL_IDS[field]}
        errors={fieldErrors}
        who="the client"
        onChange={(change) => set((f) => ({ ...f, ...change(f) }))}
      />
      {props.others.map((member) => (
        <MemberCls
          key={member.enrollment.id}
          member={member}
          index={props.positions.get(member.enrollment.id) ?? 0}
          form={form}
          projectType={projectType}
          firstName={props.firstName}
          errors={errorsUnder(fieldErrors, `member.${member.enrollment.id}.`)}
          set={set}
        />
      ))}
    </Section>
  );
}

function MemberCls(props: {
  member: ContactMember;
  index: number;
  form: ContactForm;
  projectType: number | null;
  firstName: string;
  errors: Partial<Record<ClsField, string>>;
  set: Set;
}) {
  const { member, index, form, projectType, errors, set } = props;
  const id = member.enrollment.id;
  const who = memberWord(member);
  const same = isSameAsFirst(form, id);
  const answers: ClsAnswers = memberClsAnswers(form, id);
  const previous = previousClsOf(member.currentLivingSituations ?? []);
  return (
    <fieldset className="contact-member">
      <legend className="contact-member-name">{who}</legend>
      <label className="choice">
        <input
          autoComplete="off"
          type="checkbox"
          id={memberControlId(index, 'currentLivingSituation') + '-same'}
          checked={same}
          onChange={(e) => set((f) => setSameAsFirst(f, id, e.target.checked))}
        />
        <span>Same as {props.firstName}</span>
      </label>
      {same ? null : (
        <>
          <LivingSituationPicker
            id={memberControlId(index, 'currentLivingSituation')}
            value={answers.currentLivingSituation}
            groups={CLS_GROUPS}
            previous={previousChoice(previous)}
            legend={`Where is ${who} staying now?`}
            changeLabel={`Change the Current Living Situation of ${who}`}
            error={errors.currentLivingSituation}
            onChange={(code) =>
              set((f) => updateMemberCls(f, id, (a) => chooseLivingSituation(a, code, projectType)))
            }
            onSameAsLastTime={() =>
              set((f) =>
                previous === null
                  ? f
                  : updateMemberCls(f, id, (a) => sameAsLastTime(a, previous, projectType)),
              )
            }
          />
          <ClsFollowUps
            answers={answers}
            projectType={projectType}
            idOf={(field) => memberControlId(index, field)}
            errors={errors}
            who={who}
            onChange={(change) => set((f) => updateMemberCls(f, id, change))}
          />
        </>
      )}
    </fieldset>
  );
}
