/**
 * The filter drawer's model: a group of condition rows as a person edits them (text in inputs),
 * and the filter tree the API takes, built from the rows that are complete. Fields, their value
 * types and the operators valid for each come from the domain's filter catalogue.
 */
import type { FilterFieldSpec } from '../../domain/filter/filter-fields';
import { OPERATORS_BY_TYPE, type FilterOperator } from '../../domain/filter/filter-schema';

export interface ConditionDraft {
  key: number;
  field: string;
  operator: FilterOperator;
  /** The value as typed; a comma-separated list for list operators on free-text fields. */
  value: string;
  /** The upper end of `between`. */
  value2: string;
  /** Chosen options, for list operators on fields with known options. */
  values: string[];
}

export interface FilterDraft {
  match: 'and' | 'or';
  conditions: ConditionDraft[];
}

export const EMPTY_DRAFT: FilterDraft = { match: 'and', conditions: [] };

/** A field's known options (enum options, users, channels), as value and label. */
export type FieldOptions = readonly { value: string; label: string }[] | null;

/** How a condition takes its value. */
export type ValueKind = 'none' | 'list' | 'range' | 'duration' | 'single';

const LIST_OPERATORS: readonly FilterOperator[] = ['in', 'notIn', 'hasAny', 'hasAll', 'hasNone'];

export function operatorsFor(spec: FilterFieldSpec): readonly FilterOperator[] {
  return OPERATORS_BY_TYPE[spec.type];
}

export function valueKind(spec: FilterFieldSpec, operator: FilterOperator): ValueKind {
  if (operator === 'exists' || operator === 'notExists') return 'none';
  if (LIST_OPERATORS.includes(operator)) return 'list';
  if (operator === 'between') return 'range';
  if (operator === 'withinLast' || operator === 'moreThan' || spec.type === 'duration') return 'duration';
  return 'single';
}

let nextKey = 1;

export function newCondition(spec: FilterFieldSpec): ConditionDraft {
  return { key: nextKey++, field: spec.field, operator: operatorsFor(spec)[0], value: '', value2: '', values: [] };
}

/** Another field: the operator stays when it fits the new field, values start again. */
export function withField(cond: ConditionDraft, spec: FilterFieldSpec): ConditionDraft {
  const ops = operatorsFor(spec);
  return { ...cond, field: spec.field, operator: ops.includes(cond.operator) ? cond.operator : ops[0], value: '', value2: '', values: [] };
}

/** A typed value as the API takes it; undefined when it is not complete yet. */
function single(spec: FilterFieldSpec, text: string, kind: ValueKind): unknown {
  const t = text.trim();
  if (t === '') return undefined;
  if (kind === 'duration') return t;
  switch (spec.type) {
    case 'number':
      return Number.isFinite(Number(t)) ? Number(t) : t;
    case 'boolean':
      return t === 'true';
    case 'datetime': {
      // A datetime-local input gives local time without a zone; the API takes an instant.
      const d = new Date(t);
      return Number.isNaN(d.getTime()) ? t : d.toISOString();
    }
    default:
      return t;
  }
}

/** The condition as the API takes it, or null while it is not complete. */
export function conditionToApi(cond: ConditionDraft, spec: FilterFieldSpec, options: FieldOptions): Record<string, unknown> | null {
  const kind = valueKind(spec, cond.operator);
  const base = { field: cond.field, operator: cond.operator };
  switch (kind) {
    case 'none':
      return base;
    case 'list': {
      const raw = options ? cond.values : cond.value.split(',').map((v) => v.trim()).filter((v) => v !== '');
      if (raw.length === 0) return null;
      return { ...base, value: raw.map((v) => single(spec, v, 'single')) };
    }
    case 'range': {
      const low = single(spec, cond.value, spec.type === 'duration' ? 'duration' : 'single');
      const high = single(spec, cond.value2, spec.type === 'duration' ? 'duration' : 'single');
      return low === undefined || high === undefined ? null : { ...base, value: [low, high] };
    }
    default: {
      const value = single(spec, cond.value, kind);
      return value === undefined ? null : { ...base, value };
    }
  }
}

/** The filter tree of the complete rows (a group joined by the draft's match), or undefined when none is. */
export function draftToFilter(
  draft: FilterDraft,
  specOf: (field: string) => FilterFieldSpec | undefined,
  optionsOf: (spec: FilterFieldSpec) => FieldOptions,
): Record<string, unknown> | undefined {
  const conditions: Record<string, unknown>[] = [];
  for (const cond of draft.conditions) {
    const spec = specOf(cond.field);
    if (!spec) continue;
    const api = conditionToApi(cond, spec, optionsOf(spec));
    if (api) conditions.push(api);
  }
  if (conditions.length === 0) return undefined;
  return draft.match === 'and' ? { and: conditions } : { or: conditions };
}

/** How many rows are still missing a value (they are left out of the filter until complete). */
export function incompleteCount(
  draft: FilterDraft,
  specOf: (field: string) => FilterFieldSpec | undefined,
  optionsOf: (spec: FilterFieldSpec) => FieldOptions,
): number {
  return draft.conditions.filter((c) => {
    const spec = specOf(c.field);
    return spec !== undefined && conditionToApi(c, spec, optionsOf(spec)) === null;
  }).length;
}
