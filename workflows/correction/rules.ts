// Pure decisions of the data correction process (DOMAIN.md P5). Each names its source.
import { refuse, type Actor, type Refusal } from '../common/actors.js';
import { isPast } from '../common/deadlines.js';
import type { ExtensionInput, VerificationInput } from './messages.js';
import { correctionOutcomes, type CorrectionView } from './types.js';

const isBlank = (s: string | null | undefined): boolean => !s || s.trim() === '';
const isVerifier = (v: CorrectionView, a: Actor) => a.role === 'agency_reviewer' && a.agency === v.assignedAgency;

/** DOMAIN P5: one extension to correction.verifyExtendedWd, approved by the provider's head and recorded. */
export function checkExtension(v: CorrectionView, i: ExtensionInput, nowMs: number): Refusal | null {
  if (!isVerifier(v, i.actor)) return refuse('FORBIDDEN', "only the verifying agency's reviewer extends verification");
  if (v.state !== 'verifying') return refuse('INVALID_STATE', `the correction is ${v.state}; only verification can be extended`);
  if (v.extension) return refuse('INVALID_STATE', 'verification was already extended once');
  if (v.verifyDue && isPast(v.verifyDue.dueAt, nowMs)) return refuse('INVALID_STATE', 'the verification deadline has passed');
  const errors = [
    ...(isBlank(i.approvedBy) ? [{ path: 'approvedBy', message: "the provider head's approval is recorded by name" }] : []),
    ...(isBlank(i.reason) ? [{ path: 'reason', message: 'must not be empty' }] : []),
  ];
  return errors.length ? refuse('VALIDATION_FAILED', 'an extension names who approved it and why', errors) : null;
}

/** DOMAIN P5: the verifying agency answers corrected, no_change (with reasons) or transferred to the owner. */
export function checkVerification(v: CorrectionView, i: VerificationInput): Refusal | null {
  if (!isVerifier(v, i.actor)) return refuse('FORBIDDEN', "only the verifying agency's reviewer verifies");
  if (v.state !== 'verifying') return refuse('INVALID_STATE', `the correction is ${v.state}; it awaits no verification`);
  if (!correctionOutcomes.includes(i.outcome)) return refuse('VALIDATION_FAILED', 'unknown outcome', [{ path: 'outcome', message: 'not an allowed outcome' }]);
  if (isBlank(i.note)) return refuse('VALIDATION_FAILED', 'a verification gives its note (the reasons, for no_change)', [{ path: 'note', message: 'must not be empty' }]);
  if (i.outcome === 'transferred') {
    if (isBlank(i.transferTo)) return refuse('VALIDATION_FAILED', 'a transfer names the agency that owns the data', [{ path: 'transferTo', message: 'required for transferred' }]);
    if (i.transferTo === v.assignedAgency) return refuse('VALIDATION_FAILED', 'a transfer goes to another agency', [{ path: 'transferTo', message: 'is the verifying agency itself' }]);
    if (isBlank(i.transferredCorrectionId)) return refuse('VALIDATION_FAILED', 'a transfer needs the id of its new case', [{ path: 'transferredCorrectionId', message: 'required for transferred' }]);
  }
  return null;
}
