// The correction's messages. The API imports this file, never workflow.ts.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../common/actors.js';
import type { CorrectionOutcome, CorrectionView } from './types.js';

export interface ExtensionInput {
  actor: Actor;
  approvedBy: string;
  reason: string;
}
/** `transferredCorrectionId`: the id the API gives the transferred case (so a retry cannot open two). */
export interface VerificationInput {
  actor: Actor;
  outcome: CorrectionOutcome;
  note: string;
  transferTo?: string | null;
  transferredCorrectionId?: string | null;
}

/**
 * The verifying agency returns a report that is not its data, not knowing whose it is: the bureau routes it
 * by hand.
 */
export interface ReturnInput {
  actor: Actor;
  reason: string;
}
/** The bureau's coordinator routes a returned report by hand to the agency that verifies it. */
export interface ForwardInput {
  actor: Actor;
  agency: string;
  note?: string | null;
}

export const correctionRegisteredUpdate = defineUpdate<CorrectionView>('registered');
export const extendVerificationUpdate = defineUpdate<CorrectionView, [ExtensionInput]>('extend');
export const verifyUpdate = defineUpdate<CorrectionView, [VerificationInput]>('verify');
export const returnCorrectionUpdate = defineUpdate<CorrectionView, [ReturnInput]>('return');
export const forwardCorrectionUpdate = defineUpdate<CorrectionView, [ForwardInput]>('forward');
export const correctionViewQuery = defineQuery<CorrectionView>('view');

export const correctionWorkflowId = (id: string): string => `correction:${id}`;
