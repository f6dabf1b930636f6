// A part of the contact asked per household member behind a "… changed" toggle: 4.02/4.03/4.04
// (W-CT3), 4.11 (W-CT6) and 4.05–4.10 (W-CT7). Closed, it shows nothing (its toggle is in
// "Something changed?");
// open, one group per member HUD asks it of, headed by the member's name, pre-filled with what is
// on record (the domain decides the members, the forms and the answers).
import type { AnswerValue, Answers, FormContext, FormDefinition } from '../../domain/forms';
import type { ContactMember, MemberPart } from '../../domain/workflow/contact';
import { FormRenderer } from '../../shared/forms';
import { Button, Section } from '../../shared/ui';
import { errorsUnder, partPrefix } from './control-ids';

export interface MemberPartRows {
  readonly members: readonly ContactMember[];
  /** Each member's position in the household (element ids), by enrollment id. */
  readonly positions: ReadonlyMap<string, number>;
  legendOf(member: ContactMember): string;
  answersOf(member: ContactMember): Answers;
  contextOf(member: ContactMember): FormContext;
  onChange(member: ContactMember, fieldId: string, value: AnswerValue): void;
}

export function MemberPartSection(props: {
  part: MemberPart;
  title: string;
  /** The toggle's words when closed ("… changed") and when open ("Hide …"). */
  openLabel: string;
  hideLabel: string;
  intro: string;
  open: boolean;
  onToggle(): void;
  forms: readonly FormDefinition[];
  rows: MemberPartRows;
  fieldErrors: Readonly<Record<string, string>>;
}) {
  const { part, open, rows } = props;
  const regionId = `contact-${part}`;
  // Closed, the part is only its toggle in "Something changed?" (InterimSection).
  if (!open) return null;
  return (
    <Section title={props.title}>
      <Button aria-expanded={open} aria-controls={regionId} onClick={props.onToggle}>
        {props.hideLabel}
      </Button>
      <div id={regionId}>
        <p className="muted">{props.intro}</p>
        {rows.members.map((member) => {
          const id = member.enrollment.id;
          return (
            <fieldset className="contact-member" key={id}>
              <legend className="contact-member-name">{rows.legendOf(member)}</legend>
              <FormRenderer
                forms={props.forms}
                stage={2}
                answers={rows.answersOf(member)}
                onChange={(fieldId, value) => rows.onChange(member, fieldId, value)}
                context={rows.contextOf(member)}
                errors={errorsUnder(props.fieldErrors, `${part}.${id}.`)}
                idPrefix={partPrefix(part, rows.positions.get(id) ?? 0)}
                headingLevel={3}
              />
            </fieldset>
          );
        })}
      </div>
    </Section>
  );
}
