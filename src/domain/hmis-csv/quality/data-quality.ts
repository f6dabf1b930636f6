// The incremental data-quality checker: routes each row of the files it knows to its checks,
// keeping only the compact indexes of ./state.ts. Rows with a DateDeleted are left out, as Eva
// leaves deleted records out of its analysis. Empty lines are skipped (the structure checks
// report them).
import { dateOf } from './dates';
import { clientRow, enrollmentRow } from './enrollments';
import { currentLivingRow, exitRow, incomeRow } from './exits';
import { finishEnrollments } from './finish';
import {
  finishProjects,
  funderRow,
  organizationRow,
  participationRow,
  projectCoCRow,
  projectRow,
} from './projects';
import type { DqState, Get } from './state';
import type { Emit } from './types';

type Handler = (state: DqState, get: Get, line: number) => void;

const HANDLERS: Readonly<Record<string, Handler>> = {
  'Export.csv': (state, get) => {
    state.exportDate ??= dateOf(get('ExportDate'));
    state.exportStart ??= dateOf(get('ExportStartDate'));
  },
  'Organization.csv': organizationRow,
  'Project.csv': projectRow,
  'Funder.csv': funderRow,
  'ProjectCoC.csv': projectCoCRow,
  'HMISParticipation.csv': (state, get, line) => participationRow(state, get, line, false),
  'CEParticipation.csv': (state, get, line) => participationRow(state, get, line, true),
  'Client.csv': clientRow,
  'Enrollment.csv': enrollmentRow,
  'Exit.csv': exitRow,
  'IncomeBenefits.csv': incomeRow,
  'CurrentLivingSituation.csv': currentLivingRow,
};

export interface DataQualityChecker {
  file(name: string, header: readonly string[]): void;
  row(name: string, fields: readonly string[]): void;
  finish(): void;
}

export function createDataQualityChecker(emit: Emit): DataQualityChecker {
  const state: DqState = {
    emit,
    exportDate: null,
    exportStart: null,
    vspOrganizations: new Set(),
    projects: new Map(),
    clients: new Map(),
    enrollments: new Map(),
    households: new Map(),
    entries: new Map(),
  };
  let current: { name: string; handler: Handler | undefined; index: Map<string, number> } | null =
    null;
  let line = 1;
  let finished = false;
  return {
    file(name, header) {
      const base = name.split(/[/\\]/).pop() ?? name;
      const index = new Map<string, number>();
      header.forEach((column, i) => {
        if (!index.has(column)) index.set(column, i);
      });
      current = { name, handler: HANDLERS[base], index };
      line = 1;
    },
    row(name, fields) {
      if (current === null || current.name !== name) {
        throw new Error(`A row of ${name} arrived while ${current?.name ?? 'no file'} was open.`);
      }
      line += 1;
      const { handler, index } = current;
      if (handler === undefined || (fields.length === 1 && fields[0] === '')) return;
      const get: Get = (column) => {
        const at = index.get(column);
        return at === undefined ? '' : (fields[at] ?? '');
      };
      if (get('DateDeleted') !== '') return;
      handler(state, get, line);
    },
    finish() {
      if (finished) return;
      finished = true;
      finishProjects(state);
      finishEnrollments(state);
    },
  };
}
