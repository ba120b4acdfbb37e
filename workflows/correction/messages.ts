// The correction's messages. The API imports this file, never workflow.ts.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../common/actors.js';
import type { CorrectionOutcome, CorrectionView } from './types.js';

export interface ExtensionInput { actor: Actor; approvedBy: string; reason: string }
/** `transferredCorrectionId`: the id the API gives the transferred case (so a retry cannot open two). */
export interface VerificationInput { actor: Actor; outcome: CorrectionOutcome; note: string; transferTo?: string | null; transferredCorrectionId?: string | null }

export const correctionRegisteredUpdate = defineUpdate<CorrectionView>('registered');
export const extendVerificationUpdate = defineUpdate<CorrectionView, [ExtensionInput]>('extend');
export const verifyUpdate = defineUpdate<CorrectionView, [VerificationInput]>('verify');
export const correctionViewQuery = defineQuery<CorrectionView>('view');

export const correctionWorkflowId = (id: string): string => `correction:${id}`;
