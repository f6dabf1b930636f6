// Project descriptor checks (Eva's "pdde" rows that read what Fieldnote writes): Organization,
// Project, Funder, ProjectCoC, HMISParticipation and CEParticipation rows, and the project
// checks that need the whole export (35, 81, 128, 131).
import { addDays, dateOf, NO_END } from './dates';
import { fundingRequires, RRH, TENANT_SCATTERED_SITE, WITH_BEDS } from './hud';
import { num, type DqState, type Get, type Period, type ProjectInfo } from './state';

const PROJECT = 'Project.csv';

export function organizationRow(state: DqState, get: Get): void {
  if (get('VictimServiceProvider') === '1') state.vspOrganizations.add(get('OrganizationID'));
}

export function projectRow(state: DqState, get: Get, line: number): void {
  const id = get('ProjectID');
  const type = num(get('ProjectType'));
  const rrhSubType = num(get('RRHSubType'));
  const project: ProjectInfo = {
    id,
    line,
    type,
    continuum: get('ContinuumProject') === '1',
    operatingStart: dateOf(get('OperatingStartDate')),
    operatingEnd: dateOf(get('OperatingEndDate')),
    vsp: state.vspOrganizations.has(get('OrganizationID')),
    housingType: num(get('HousingType')),
    hasCoC: false,
    requiresIncome: false,
    requiresBenefits: false,
    requiresInsurance: false,
    participation: [],
    ce: [],
    vspReported: false,
  };
  state.projects.set(id, project);
  const at = { file: PROJECT, line };
  if (type === RRH && rrhSubType === null) {
    state.emit('110', at, `Project ${id} is Rapid Re-Housing without an RRH subtype (2.02.A).`);
  }
  if (
    type !== null &&
    WITH_BEDS.has(type) &&
    (type !== RRH || rrhSubType === 2) &&
    project.housingType === null
  ) {
    state.emit('36', at, `Project ${id} is residential but has no Housing Type (2.02.D).`);
  }
}

/** A funder active in the export period makes 4.02–4.04 required per Eva's funder table. */
export function funderRow(state: DqState, get: Get): void {
  const project = state.projects.get(get('ProjectID'));
  const funder = num(get('Funder'));
  if (project === undefined || funder === null || project.type === null) return;
  const end = dateOf(get('EndDate'));
  if (end !== null && state.exportStart !== null && end <= state.exportStart) return;
  const required = fundingRequires(funder, project.type);
  project.requiresIncome ||= required.inc;
  project.requiresBenefits ||= required.ncb;
  project.requiresInsurance ||= required.hi;
}

const ZIP = /^[0-9]{5}(-[0-9]{4})?$/;

export function projectCoCRow(state: DqState, get: Get, line: number): void {
  const project = state.projects.get(get('ProjectID'));
  if (project !== undefined) project.hasCoC = true;
  const at = { file: 'ProjectCoC.csv', line };
  const id = get('ProjectID');
  const geography = [
    ['Geocode', get('Geocode')],
    ['GeographyType', get('GeographyType')],
    ['CoCCode', get('CoCCode')],
  ].filter(([, v]) => v === '');
  if (geography.length > 0) {
    state.emit(
      '5',
      at,
      `Project ${id}'s Continuum of Care record lacks ${geography.map(([c]) => c).join(', ')}.`,
    );
  }
  const lacks: string[] = [];
  if (!ZIP.test(get('ZIP'))) lacks.push('a valid ZIP');
  const exempt = project?.vsp === true || project?.housingType === TENANT_SCATTERED_SITE;
  if (!exempt) {
    for (const column of ['Address1', 'City', 'State']) if (get(column) === '') lacks.push(column);
  }
  if (lacks.length > 0) {
    state.emit('42', at, `Project ${id}'s Continuum of Care record lacks ${lacks.join(', ')}.`);
  }
}

export function participationRow(state: DqState, get: Get, line: number, ce: boolean): void {
  const project = state.projects.get(get('ProjectID'));
  if (project === undefined) return;
  const prefix = ce ? 'CEParticipationStatus' : 'HMISParticipationStatus';
  const period: Period = {
    id: get(ce ? 'CEParticipationID' : 'HMISParticipationID'),
    type: ce ? '' : get('HMISParticipationType'),
    start: dateOf(get(`${prefix}StartDate`)) ?? '',
    end: dateOf(get(`${prefix}EndDate`)) ?? NO_END,
    line,
  };
  if (period.start === '') return;
  (ce ? project.ce : project.participation).push(period);
  if (!ce && period.type === '1' && project.vsp) {
    state.emit(
      '133',
      { file: 'HMISParticipation.csv', line },
      `Project ${project.id} belongs to a Victim Service Provider but is HMIS Participating; a VSP may not enter data in HMIS (VAWA).`,
    );
  }
}

/** 128 and 131: participation records of one project that cover the same days. */
function overlaps(state: DqState, project: ProjectInfo, ce: boolean): void {
  const periods = [...(ce ? project.ce : project.participation)].sort((a, b) =>
    a.start < b.start ? -1 : a.start > b.start ? 1 : 0,
  );
  for (let i = 1; i < periods.length; i++) {
    const prev = periods[i - 1]!;
    const next = periods[i]!;
    if (next.start <= prev.end && prev.start <= next.end) {
      const file = ce ? 'CEParticipation.csv' : 'HMISParticipation.csv';
      const to = (p: Period) => (p.end === NO_END ? 'no end' : p.end);
      state.emit(
        ce ? '128' : '131',
        { file, line: next.line },
        `Project ${project.id}: participation ${next.id} (${next.start} to ${to(next)}) overlaps ${prev.id} (${prev.start} to ${to(prev)}); end the record that no longer applies.`,
      );
    }
  }
}

export function finishProjects(state: DqState): void {
  const open = new Map<string, { open: number; lastExit: string; count: number }>();
  for (const e of state.enrollments.values()) {
    const p = open.get(e.projectId) ?? { open: 0, lastExit: '', count: 0 };
    p.count += 1;
    if (e.exit === null) p.open += 1;
    else if (e.exit > p.lastExit) p.lastExit = e.exit;
    open.set(e.projectId, p);
  }
  for (const project of state.projects.values()) {
    const at = { file: PROJECT, line: project.line };
    if (project.continuum && !project.hasCoC) {
      state.emit(
        '35',
        at,
        `Project ${project.id} is a Continuum project but has no row in ProjectCoC.csv (CoC code, Geocode, address).`,
      );
    }
    const stats = open.get(project.id);
    if (
      stats !== undefined &&
      stats.open === 0 &&
      state.exportDate !== null &&
      stats.lastExit < addDays(state.exportDate, -30) &&
      project.operatingEnd === null
    ) {
      state.emit(
        '81',
        at,
        `Project ${project.id} has no open enrollments and its last exit was ${stats.lastExit}; if it has stopped operating, record its Operating End Date.`,
      );
    }
    overlaps(state, project, false);
    overlaps(state, project, true);
  }
}
