// All code lists, and the registry that lets other modules (assessment forms, validation, the CSV
// export) refer to a list by its HUD number, e.g. getList('3.917.1').
import { DATA_COLLECTION_STAGE_LIST } from './data-collection-stage';
import {
  DOB_DATA_QUALITY_LIST,
  NAME_DATA_QUALITY_LIST,
  SSN_DATA_QUALITY_LIST,
} from './data-quality';
import { DISABILITY_TYPE_LIST, SUBSTANCE_USE_RESPONSE_LIST } from './disability';
import { WHEN_DV_OCCURRED_LIST } from './domestic-violence';
import {
  EXPORT_DIRECTIVE_LIST,
  EXPORT_PERIOD_TYPE_LIST,
  HASH_STATUS_LIST,
  SOURCE_TYPE_LIST,
} from './export-lists';
import {
  HEALTH_INSURANCE_LIST,
  INCOME_SOURCE_LIST,
  NON_CASH_BENEFIT_LIST,
  REASON_NOT_INSURED_LIST,
} from './income';
import {
  CURRENT_LIVING_SITUATION_LIST,
  DESTINATION_LIST,
  LIVING_SITUATION_LIST,
  PRIOR_LIVING_SITUATION_LIST,
  RENTAL_SUBSIDY_TYPE_LIST,
} from './living-situation';
import {
  LENGTH_OF_STAY_LIST,
  MONTHS_HOMELESS_PAST_THREE_YEARS_LIST,
  TIMES_HOMELESS_PAST_THREE_YEARS_LIST,
} from './prior-living-situation';
import {
  FUNDING_SOURCE_LIST,
  GEOGRAPHY_TYPE_LIST,
  HMIS_PARTICIPATION_TYPE_LIST,
  TARGET_POPULATION_LIST,
} from './project-descriptors';
import { FUNDER_KIND_LIST, PROJECT_TYPE_LIST, RRH_SUBTYPE_LIST } from './project-type';
import { RACE_ETHNICITY_LIST } from './race-ethnicity';
import { RELATIONSHIP_TO_HOH_LIST } from './relationship';
import {
  NO_YES_LIST,
  NO_YES_MISSING,
  NO_YES_REASONS_FOR_MISSING,
  RACE_NONE,
} from './response-lists';
import { SEX_LIST } from './sex';
import type { HudList } from './types';
import { DISCHARGE_STATUS_LIST, MILITARY_BRANCH_LIST, VETERAN_STATUS_LIST } from './veteran';

export * from './types';
export * from './response-lists';
export * from './living-situation';
export * from './data-collection-stage';
export * from './relationship';
export * from './income';
export * from './data-quality';
export * from './race-ethnicity';
export * from './sex';
export * from './veteran';
export * from './prior-living-situation';
export * from './disability';
export * from './domestic-violence';
export * from './project-type';
export * from './project-descriptors';
export * from './export-lists';

const ALL_LISTS: readonly HudList[] = [
  RACE_NONE,
  NO_YES_MISSING,
  NO_YES_REASONS_FOR_MISSING,
  NO_YES_LIST,
  NAME_DATA_QUALITY_LIST,
  SSN_DATA_QUALITY_LIST,
  DOB_DATA_QUALITY_LIST,
  RACE_ETHNICITY_LIST,
  VETERAN_STATUS_LIST,
  LIVING_SITUATION_LIST,
  PRIOR_LIVING_SITUATION_LIST,
  CURRENT_LIVING_SITUATION_LIST,
  DESTINATION_LIST,
  RENTAL_SUBSIDY_TYPE_LIST,
  RELATIONSHIP_TO_HOH_LIST,
  LENGTH_OF_STAY_LIST,
  TIMES_HOMELESS_PAST_THREE_YEARS_LIST,
  MONTHS_HOMELESS_PAST_THREE_YEARS_LIST,
  INCOME_SOURCE_LIST,
  NON_CASH_BENEFIT_LIST,
  HEALTH_INSURANCE_LIST,
  REASON_NOT_INSURED_LIST,
  SUBSTANCE_USE_RESPONSE_LIST,
  WHEN_DV_OCCURRED_LIST,
  SEX_LIST,
  DATA_COLLECTION_STAGE_LIST,
  PROJECT_TYPE_LIST,
  RRH_SUBTYPE_LIST,
  DISABILITY_TYPE_LIST,
  MILITARY_BRANCH_LIST,
  DISCHARGE_STATUS_LIST,
  EXPORT_PERIOD_TYPE_LIST,
  EXPORT_DIRECTIVE_LIST,
  HASH_STATUS_LIST,
  SOURCE_TYPE_LIST,
  FUNDER_KIND_LIST,
  FUNDING_SOURCE_LIST,
  GEOGRAPHY_TYPE_LIST,
  HMIS_PARTICIPATION_TYPE_LIST,
  TARGET_POPULATION_LIST,
];

function buildRegistry(lists: readonly HudList[]): Readonly<Record<string, HudList>> {
  const registry: Record<string, HudList> = {};
  for (const list of lists) {
    if (list.id in registry) throw new Error(`Two code lists share the id ${list.id}`);
    registry[list.id] = list;
  }
  return Object.freeze(registry);
}

/** Every code list, keyed by its HUD list number ("local:" prefix for Fieldnote's own lists). */
export const HUD_LISTS: Readonly<Record<string, HudList>> = buildRegistry(ALL_LISTS);

/** The list with this id; throws for an unknown id (a typo in a form definition, say). */
export function getList(id: string): HudList {
  const list = Object.hasOwn(HUD_LISTS, id) ? HUD_LISTS[id] : undefined;
  if (list === undefined) {
    throw new Error(`Unknown code list "${id}". Known lists: ${Object.keys(HUD_LISTS).join(', ')}`);
  }
  return list;
}
