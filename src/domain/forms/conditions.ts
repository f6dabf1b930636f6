// Evaluating and describing showWhen conditions (see Condition in types.ts).
import type { Answers, Condition, ConditionValue, FormContext } from './types';

/** Empty = not answered: null, absent, a blank string or an empty list. */
export function isEmptyAnswer(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

function isScalar(value: unknown): value is ConditionValue {
  return typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean';
}

/**
 * True when the condition holds for these answers. Comparisons with an empty answer are false
 * (see Condition); an unknown context variable (e.g. no projectType given) compares false too.
 */
export function evaluateCondition(
  condition: Condition,
  answers: Answers,
  context: FormContext = {},
): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, answers, context));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, answers, context));
  if ('not' in condition) return !evaluateCondition(condition.not, answers, context);
  if ('context' in condition) {
    const value = context[condition.context];
    return typeof value === 'number' && condition.in.includes(value);
  }
  const value = Object.hasOwn(answers, condition.field) ? answers[condition.field] : undefined;
  if ('answered' in condition) return isEmptyAnswer(value) !== condition.answered;
  if (isEmptyAnswer(value)) return false;
  if ('includes' in condition) {
    return Array.isArray(value) && (value as readonly unknown[]).includes(condition.includes);
  }
  if ('greaterThan' in condition) return typeof value === 'number' && value > condition.greaterThan;
  if (!isScalar(value)) return false;
  if ('equals' in condition) return value === condition.equals;
  if ('notEquals' in condition) return value !== condition.notEquals;
  if ('in' in condition) return condition.in.includes(value);
  return !condition.notIn.includes(value);
}

/** A condition compiled to a function, for evaluating one rule over many answer sets. */
export type CompiledCondition = (answers: Answers, context: FormContext) => boolean;

/**
 * The condition as a function that gives what evaluateCondition gives for every answers and
 * context: the same tests in the same order, decided once per rule instead of per evaluation.
 * The HMIS export evaluates the forms' rules for every assessment of a county.
 */
export function compileCondition(condition: Condition): CompiledCondition {
  if ('all' in condition) {
    const parts = condition.all.map(compileCondition);
    return (answers, context) => parts.every((c) => c(answers, context));
  }
  if ('any' in condition) {
    const parts = condition.any.map(compileCondition);
    return (answers, context) => parts.some((c) => c(answers, context));
  }
  if ('not' in condition) {
    const inner = compileCondition(condition.not);
    return (answers, context) => !inner(answers, context);
  }
  if ('context' in condition) {
    const { context: variable, in: codes } = condition;
    return (_answers, context) => {
      const value = context[variable];
      return typeof value === 'number' && codes.includes(value);
    };
  }
  const { field } = condition;
  const read = (answers: Answers) => (Object.hasOwn(answers, field) ? answers[field] : undefined);
  if ('answered' in condition) {
    const answered = condition.answered;
    return (answers) => isEmptyAnswer(read(answers)) !== answered;
  }
  /** The test of a non-empty answer (evaluateCondition's steps after its empty check). */
  let test: (value: unknown) => boolean;
  if ('includes' in condition) {
    const wanted = condition.includes;
    test = (value) => Array.isArray(value) && (value as readonly unknown[]).includes(wanted);
  } else if ('greaterThan' in condition) {
    const bound = condition.greaterThan;
    test = (value) => typeof value === 'number' && value > bound;
  } else if ('equals' in condition) {
    const wanted = condition.equals;
    test = (value) => isScalar(value) && value === wanted;
  } else if ('notEquals' in condition) {
    const other = condition.notEquals;
    test = (value) => isScalar(value) && value !== other;
  } else if ('in' in condition) {
    const codes = condition.in;
    test = (value) => isScalar(value) && codes.includes(value);
  } else {
    const codes = condition.notIn;
    test = (value) => isScalar(value) && !codes.includes(value);
  }
  return (answers) => {
    const value = read(answers);
    return !isEmptyAnswer(value) && test(value);
  };
}

/** The answer fields a condition reads. */
export function conditionFields(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(conditionFields);
  if ('any' in condition) return condition.any.flatMap(conditionFields);
  if ('not' in condition) return conditionFields(condition.not);
  if ('context' in condition) return [];
  return [condition.field];
}

/** The values a condition compares a field with (for checking them against the field's list). */
export function conditionValues(condition: Condition): { field: string; value: ConditionValue }[] {
  if ('all' in condition) return condition.all.flatMap(conditionValues);
  if ('any' in condition) return condition.any.flatMap(conditionValues);
  if ('not' in condition) return conditionValues(condition.not);
  if ('context' in condition || 'answered' in condition || 'greaterThan' in condition) return [];
  const { field } = condition;
  if ('equals' in condition) return [{ field, value: condition.equals }];
  if ('notEquals' in condition) return [{ field, value: condition.notEquals }];
  if ('includes' in condition) return [{ field, value: condition.includes }];
  if ('in' in condition) return condition.in.map((value) => ({ field, value }));
  return condition.notIn.map((value) => ({ field, value }));
}

/** Labels for describing a condition in words. */
export interface ConditionWords {
  fieldLabel(fieldId: string): string;
  /** The option label of a value of that field, or undefined to print the value itself. */
  optionLabel(fieldId: string, value: ConditionValue): string | undefined;
  contextValueLabel(variable: string, value: number): string | undefined;
}

function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** A condition in case-manager words, e.g. "Earned income is Yes". */
export function describeCondition(condition: Condition, words: ConditionWords): string {
  if ('all' in condition)
    return condition.all.map((c) => describeCondition(c, words)).join(' and ');
  if ('any' in condition)
    return condition.any.map((c) => describeCondition(c, words)).join(', or ');
  if ('not' in condition)
    return `it is not the case that ${describeCondition(condition.not, words)}`;
  if ('context' in condition) {
    const labels = condition.in.map(
      (v) => words.contextValueLabel(condition.context, v) ?? String(v),
    );
    return `the project type is ${orList(labels)}`;
  }
  const label = words.fieldLabel(condition.field);
  const opt = (v: ConditionValue): string => words.optionLabel(condition.field, v) ?? String(v);
  if ('answered' in condition) {
    return condition.answered ? `${label} is answered` : `${label} is not answered`;
  }
  if ('greaterThan' in condition) return `${label} is more than ${condition.greaterThan}`;
  if ('includes' in condition) return `${label} includes ${opt(condition.includes)}`;
  if ('equals' in condition) return `${label} is ${opt(condition.equals)}`;
  if ('notEquals' in condition)
    return `${label} is answered and is not ${opt(condition.notEquals)}`;
  if ('in' in condition) return `${label} is ${orList(condition.in.map(opt))}`;
  return `${label} is answered and is not ${orList(condition.notIn.map(opt))}`;
}
