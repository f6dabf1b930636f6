// Enter Data As (EDA) scoping: which provider a record belongs to. Enrollments belong to their
// provider; assessments, Current Living Situations, contacts and case manager assignments to their
// enrollment's provider; clients are shared records that enter a provider's scope when the provider
// creates them or starts an enrollment for them.
import type { Mutation } from '../../../src/domain/protocol';
import type { RecordState } from '../../../src/domain/merge';

/** The record whose scope decides who may change this one: itself, or its enrollment. */
export function scopeOwner(
  recordType: Mutation['recordType'],
  fields: Record<string, unknown>,
): { type: 'enrollment'; id: string } | null {
  if (recordType === 'client' || recordType === 'enrollment') return null;
  const enrollmentId = fields.enrollmentId;
  return typeof enrollmentId === 'string' ? { type: 'enrollment', id: enrollmentId } : null;
}

export function enrollmentProvider(enrollment: RecordState | null | undefined): string | null {
  const providerId = enrollment?.fields.providerId;
  return typeof providerId === 'string' ? providerId : null;
}
