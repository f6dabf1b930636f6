// Local (Minnesota / Hennepin) picklists as data. Hennepin County has not published its picklists
// (reference §3: "no public field definitions, response options or codes"), so every local list is
// a placeholder that must be replaceable without touching code: the defaults below are plain JSON
// data, and buildPicklistRegistry() layers overrides (e.g. loaded from the server) on top, checked
// with zod.
//
// Local picklists use string codes (stable lowercase slugs), never numbers, so a local answer can
// never be mistaken for a HUD code.
//
// Override rules:
//  - an override replaces a list's options (and optionally its name) wholesale;
//  - it may only name a list that exists in the defaults (forms refer to lists by id);
//  - codes must be unique slugs, labels non-empty, and at least one option must be active;
//  - every default code must still be present: stored answers may use it. To stop offering a
//    code, keep it with `retired: true` (retired codes stay valid for history but are not offered).
import { z } from 'zod';

export interface PicklistOption {
  /** Stable slug, e.g. "working_on_it". Never reuse a code for a different meaning. */
  readonly code: string;
  readonly label: string;
  /** Retired options stay valid for stored answers but are not offered for new data. */
  readonly retired?: boolean;
}

export interface Picklist {
  readonly id: string;
  readonly name: string;
  readonly options: readonly PicklistOption[];
}

/** An override for one list, e.g. from the server: replaces the list's options. */
export interface PicklistOverride {
  readonly id: string;
  readonly name?: string;
  readonly options: readonly PicklistOption[];
}

/** The ids of Fieldnote's local picklists. */
export const PICKLIST_IDS = Object.freeze({
  documentationStatus: 'documentation-status',
  legalInvolvementKind: 'legal-involvement-kind',
  housingType: 'housing-type',
  preferredArea: 'preferred-area',
  accessibilityNeed: 'accessibility-need',
  contactKind: 'contact-kind',
  contactLocation: 'contact-location',
  /** The HMIS Release of Information's choice (W-ROI-1); only the code `share` shares. */
  roiChoice: 'local:roi-choice',
  /** How the HMIS Release of Information was given (W-ROI-1). */
  roiMethod: 'local:roi-method',
} as const);

export type PicklistId = (typeof PICKLIST_IDS)[keyof typeof PICKLIST_IDS];

const option = (code: string, label: string): PicklistOption => ({ code, label });

/**
 * Placeholder defaults (Fieldnote's wording, not Hennepin's): replace them with overrides when ICA
 * Minnesota / Hennepin County publish the ClientTrack picklists.
 */
export const DEFAULT_PICKLISTS: readonly Picklist[] = [
  {
    id: PICKLIST_IDS.documentationStatus,
    name: 'Housing documentation status',
    options: [
      option('has', 'Has it'),
      option('working_on_it', 'Working on it'),
      option('does_not_have', 'Does not have'),
      option('not_needed', 'Not needed'),
    ],
  },
  {
    id: PICKLIST_IDS.legalInvolvementKind,
    name: 'Legal involvement',
    options: [
      option('probation_or_parole', 'Probation or parole'),
      option('pending_charges', 'Pending charges'),
      option('open_warrants', 'Open warrants'),
      option('conviction_affecting_housing', 'A conviction that affects housing'),
      option('eviction_history', 'Eviction history'),
    ],
  },
  {
    id: PICKLIST_IDS.housingType,
    name: 'Housing types',
    options: [
      option('apartment', 'Apartment'),
      option('house_or_townhouse', 'House or townhouse'),
      option('room_or_shared', 'Room or shared housing'),
      option('single_room_occupancy', 'Single room occupancy (SRO)'),
      option('supportive_housing', 'Supportive housing'),
      option('senior_housing', 'Senior housing'),
      option('any', 'Any type'),
    ],
  },
  {
    id: PICKLIST_IDS.preferredArea,
    name: 'Preferred areas',
    options: [
      option('minneapolis_downtown', 'Minneapolis – Downtown'),
      option('minneapolis_north', 'Minneapolis – North'),
      option('minneapolis_northeast', 'Minneapolis – Northeast'),
      option('minneapolis_south', 'Minneapolis – South'),
      option('minneapolis_southwest', 'Minneapolis – Southwest'),
      option('northwest_suburbs', 'Northwest suburbs'),
      option('west_suburbs', 'West suburbs'),
      option('south_suburbs', 'South suburbs'),
      option('anywhere_in_hennepin', 'Anywhere in Hennepin County'),
      option('outside_hennepin', 'Outside Hennepin County'),
    ],
  },
  {
    id: PICKLIST_IDS.accessibilityNeed,
    name: 'Accessibility needs',
    options: [
      option('wheelchair_accessible', 'Wheelchair accessible unit'),
      option('ground_floor_or_elevator', 'Ground floor or elevator'),
      option('accessible_bathroom', 'Roll-in shower or grab bars'),
      option('visual_or_hearing_alerts', 'Visual or hearing alerts'),
      option('near_public_transit', 'Near public transit'),
      option('near_medical_care', 'Near medical care'),
      option('other', 'Other (describe in notes)'),
    ],
  },
  {
    id: PICKLIST_IDS.contactKind,
    name: 'Contact kinds',
    options: [
      option('in_person', 'In person'),
      option('phone', 'Phone call'),
      option('text_message', 'Text message'),
      option('email', 'Email'),
      option('video', 'Video call'),
      option('collateral', 'With another provider on the client’s behalf'),
      option('attempted', 'Attempted, no contact made'),
    ],
  },
  {
    id: PICKLIST_IDS.contactLocation,
    name: 'Contact locations',
    options: [
      option('office', 'Office'),
      option('shelter', 'Shelter'),
      option('street_or_encampment', 'Street or encampment'),
      option('client_home', 'Client’s home'),
      option('hospital_or_treatment', 'Hospital or treatment facility'),
      option('jail', 'Jail'),
      option('community_location', 'Other community location'),
      option('remote', 'Phone or online'),
    ],
  },
  // Minnesota's HMIS Release of Information (W-ROI-1). An override may reword these or add a
  // choice, but the server shares a client's transactional data only for the code `share`: any
  // other code, added or not, is treated as Do Not Share.
  {
    id: PICKLIST_IDS.roiChoice,
    name: 'HMIS Release of Information',
    options: [option('share', 'Share'), option('do_not_share', 'Do Not Share')],
  },
  {
    id: PICKLIST_IDS.roiMethod,
    name: 'How the Release of Information was given',
    options: [option('signed', 'Signed'), option('verbal', 'Verbal (to be signed in person)')],
  },
];

// ---- zod schemas for picklists as data ------------------------------------------------------

const SLUG = /^[a-z0-9]+(?:[_-][a-z0-9]+)*$/;

export const picklistCodeSchema = z
  .string()
  .max(50, 'A picklist code is at most 50 characters')
  .regex(
    SLUG,
    'A picklist code is a lowercase slug such as "working_on_it" (letters, digits, _ or -)',
  );

export const picklistOptionSchema = z.strictObject({
  code: picklistCodeSchema,
  label: z.string().trim().min(1, 'Every option needs a label').max(200),
  retired: z.boolean().optional(),
});

function checkOptions(
  options: readonly PicklistOption[],
  ctx: z.RefinementCtx,
  pathPrefix: readonly (string | number)[] = [],
): void {
  const seen = new Set<string>();
  options.forEach((o, i) => {
    if (seen.has(o.code)) {
      ctx.addIssue({
        code: 'custom',
        message: `The code "${o.code}" appears more than once`,
        path: [...pathPrefix, 'options', i, 'code'],
      });
    }
    seen.add(o.code);
  });
  if (options.length > 0 && options.every((o) => o.retired === true)) {
    ctx.addIssue({
      code: 'custom',
      message: 'At least one option must not be retired',
      path: [...pathPrefix, 'options'],
    });
  }
}

export const picklistSchema = z
  .strictObject({
    id: z.string().min(1),
    name: z.string().trim().min(1),
    options: z.array(picklistOptionSchema).min(1, 'A picklist needs at least one option'),
  })
  .superRefine((list, ctx) => checkOptions(list.options, ctx));

export const picklistOverrideSchema = z
  .strictObject({
    id: z.string().min(1),
    name: z.string().trim().min(1).optional(),
    options: z.array(picklistOptionSchema).min(1, 'An override needs at least one option'),
  })
  .superRefine((list, ctx) => checkOptions(list.options, ctx));

export const picklistOverridesSchema = z.array(picklistOverrideSchema);

// ---- the registry ---------------------------------------------------------------------------

export interface PicklistRegistry {
  /** Every list, defaults with overrides applied, as JSON-serialisable data. */
  readonly lists: readonly Picklist[];
  get(id: string): Picklist | undefined;
  /** The list with this id; throws for an unknown id. */
  require(id: string): Picklist;
  /** True when the list has the code (retired codes included: they stay valid for history). */
  has(id: string, code: string): boolean;
  labelOf(id: string, code: string): string | undefined;
  /** Options to offer for new data (retired ones left out). */
  activeOptions(id: string): readonly PicklistOption[];
}

/** Thrown by buildPicklistRegistry for bad defaults or overrides; `problems` lists each one. */
export class PicklistError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Invalid picklists:\n- ${problems.join('\n- ')}`);
    this.name = 'PicklistError';
    this.problems = problems;
  }
}

function describeZodIssues(error: z.ZodError, what: string, items: unknown): string[] {
  return error.issues.map((issue) => {
    const [index, ...rest] = issue.path;
    let where = what;
    if (typeof index === 'number') {
      const item = Array.isArray(items) ? (items[index] as unknown) : undefined;
      const id =
        item !== null && typeof item === 'object' && 'id' in item && typeof item.id === 'string'
          ? `"${item.id}"`
          : `#${index + 1}`;
      where = `${what} ${id}`;
    }
    const field = rest.length > 0 ? ` (${rest.join('.')})` : '';
    return `${where}${field}: ${issue.message}`;
  });
}

export type PicklistRegistryResult =
  | { readonly ok: true; readonly registry: PicklistRegistry }
  | { readonly ok: false; readonly problems: readonly string[] };

/**
 * Builds the registry from defaults plus overrides, without throwing. `overrides` is untrusted
 * data (e.g. JSON from the server) and is checked with zod.
 */
export function safeBuildPicklistRegistry(
  overrides: unknown = [],
  defaults: readonly Picklist[] = DEFAULT_PICKLISTS,
): PicklistRegistryResult {
  const problems: string[] = [];

  const parsedDefaults = z.array(picklistSchema).safeParse(defaults);
  if (!parsedDefaults.success) {
    return {
      ok: false,
      problems: describeZodIssues(parsedDefaults.error, 'Default picklist', defaults),
    };
  }
  const byId = new Map<string, Picklist>();
  for (const list of parsedDefaults.data) {
    if (byId.has(list.id)) problems.push(`Default picklist "${list.id}" is defined twice`);
    byId.set(list.id, list);
  }

  const parsedOverrides = picklistOverridesSchema.safeParse(overrides);
  if (!parsedOverrides.success) {
    return {
      ok: false,
      problems: [...problems, ...describeZodIssues(parsedOverrides.error, 'Override', overrides)],
    };
  }

  const overridden = new Set<string>();
  for (const override of parsedOverrides.data) {
    const base = byId.get(override.id);
    if (base === undefined) {
      problems.push(
        `Override "${override.id}": there is no picklist with this id. Known picklists: ${[...byId.keys()].join(', ')}`,
      );
      continue;
    }
    if (overridden.has(override.id)) {
      problems.push(`Override "${override.id}": the list is overridden more than once`);
      continue;
    }
    overridden.add(override.id);
    const codes = new Set(override.options.map((o) => o.code));
    for (const old of base.options) {
      if (!codes.has(old.code)) {
        problems.push(
          `Override "${override.id}": the code "${old.code}" (${old.label}) is missing. Stored answers may use it: keep it and mark it "retired": true instead`,
        );
      }
    }
    byId.set(override.id, {
      id: override.id,
      name: override.name ?? base.name,
      options: override.options,
    });
  }

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, registry: makeRegistry([...byId.values()]) };
}

/** Builds the registry from defaults plus overrides; throws a PicklistError naming every problem. */
export function buildPicklistRegistry(
  overrides: unknown = [],
  defaults: readonly Picklist[] = DEFAULT_PICKLISTS,
): PicklistRegistry {
  const result = safeBuildPicklistRegistry(overrides, defaults);
  if (!result.ok) throw new PicklistError(result.problems);
  return result.registry;
}

function makeRegistry(lists: readonly Picklist[]): PicklistRegistry {
  const frozen = Object.freeze(
    lists.map((l) =>
      Object.freeze({
        id: l.id,
        name: l.name,
        options: Object.freeze(l.options.map((o) => Object.freeze({ ...o }))),
      }),
    ),
  );
  const byId = new Map<string, Picklist>(frozen.map((l) => [l.id, l]));
  const registry: PicklistRegistry = {
    lists: frozen,
    get: (id) => byId.get(id),
    require(id) {
      const list = byId.get(id);
      if (list === undefined) {
        throw new Error(
          `Unknown picklist "${id}". Known picklists: ${[...byId.keys()].join(', ')}`,
        );
      }
      return list;
    },
    has: (id, code) => byId.get(id)?.options.some((o) => o.code === code) === true,
    labelOf: (id, code) => byId.get(id)?.options.find((o) => o.code === code)?.label,
    activeOptions: (id) => registry.require(id).options.filter((o) => o.retired !== true),
  };
  return Object.freeze(registry);
}

/** The registry with Fieldnote's defaults and no overrides. */
export const DEFAULT_PICKLIST_REGISTRY: PicklistRegistry = buildPicklistRegistry();
