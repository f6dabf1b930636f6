// W-START-5: a member's universal data elements on their step. A quick-created member is asked
// the ones HUD asks of them beyond name and DOB (SSN or why it is missing, race and ethnicity,
// sex, and veteran status of adults); an existing client's are read from their record. Either
// way the step says "Complete" only when nothing is missing, and lists what is.
import type { MemberStepView } from '../../domain/workflow/project-start-view';
import type { IssueTarget, NewMemberDetails } from '../../domain/workflow/project-start';
import { isAdultOn } from '../../domain/workflow/form-context';
import { hudOptions } from '../../shared/forms';
import { Alert, CheckboxGroup, Section, SelectField, TextField } from '../../shared/ui';
import { memberElementId } from './MemberPicker';

const SSN_DQ = hudOptions('3.02.2');
const RACE = hudOptions('3.04');
const RACE_NONE = hudOptions('1.6');
const SEX = hudOptions('4.21');
const VETERAN = hudOptions('1.8');

export function MemberUdeSection(props: {
  step: MemberStepView;
  projectStartDate: string;
  errorFor(target: IssueTarget): string | null;
  onNewDetails(patch: Partial<NewMemberDetails>): void;
}) {
  const { member: m, udeGaps } = props.step;
  const details = m.newClient;
  const target = (field: 'ssn' | 'ssnDataQuality' | 'race' | 'sex' | 'veteranStatus') =>
    props.errorFor({ kind: 'member', memberKey: m.key, field });
  const id = (field: 'ssn' | 'ssnDataQuality' | 'race' | 'sex' | 'veteranStatus') =>
    memberElementId(m.key, field);
  const race = details?.race ?? [];
  return (
    <Section title={`About ${m.name}`}>
      <div id={`ps-ude-${m.key}`}>
        {udeGaps === null ? (
          <p className="muted">
            Universal data elements: {m.name}&apos;s record is not on this device yet, so they
            cannot be checked here.
          </p>
        ) : udeGaps.length === 0 ? (
          <p>
            <strong>Complete:</strong> every universal data element HUD asks of {m.name} is
            recorded.
          </p>
        ) : (
          <Alert tone="warning" title={`Incomplete: ${m.name}`}>
            <p>Still missing: {udeGaps.map((g) => `${g.label} (${g.element})`).join(', ')}.</p>
            {details ? null : <p>Complete them on the client profile.</p>}
          </Alert>
        )}
      </div>
      {details ? (
        <>
          <TextField
            id={id('ssn')}
            label={`Social Security Number (${m.name})`}
            hint="9 digits; x for a digit not known. Leave empty and choose why if there is none."
            inputMode="text"
            autoComplete="off"
            maxLength={11}
            value={details.ssn ?? ''}
            error={target('ssn')}
            onChange={(ssn) => props.onNewDetails({ ssn })}
          />
          <SelectField
            id={id('ssnDataQuality')}
            label={`SSN data quality (${m.name})`}
            value={details.ssnDataQuality ?? null}
            options={SSN_DQ}
            error={target('ssnDataQuality')}
            onChange={(ssnDataQuality) => props.onNewDetails({ ssnDataQuality })}
          />
          <div className="ps-two-columns">
            <CheckboxGroup
              id={id('race')}
              label={`Race and ethnicity (${m.name})`}
              values={race}
              options={RACE}
              error={target('race')}
              onChange={(values) =>
                props.onNewDetails({
                  race: values,
                  raceNone: values.length ? null : details.raceNone,
                })
              }
            />
          </div>
          {race.length === 0 ? (
            <SelectField
              id={`${id('race')}-none`}
              label={`If no race or ethnicity is given (${m.name})`}
              value={details.raceNone ?? null}
              options={RACE_NONE}
              onChange={(raceNone) => props.onNewDetails({ raceNone })}
            />
          ) : null}
          <SelectField
            id={id('sex')}
            label={`Sex (${m.name})`}
            value={details.sex ?? null}
            options={SEX}
            error={target('sex')}
            onChange={(sex) => props.onNewDetails({ sex })}
          />
          {isAdultOn(details.dob.trim() || null, props.projectStartDate) ? (
            <SelectField
              id={id('veteranStatus')}
              label={`Veteran status (${m.name})`}
              value={details.veteranStatus ?? null}
              options={VETERAN}
              error={target('veteranStatus')}
              onChange={(veteranStatus) => props.onNewDetails({ veteranStatus })}
            />
          ) : null}
        </>
      ) : null}
    </Section>
  );
}
