// The share application's messages. The API imports this file, never workflow.ts.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../common/actors.js';
import type { Decision, ShareApplicationView } from './types.js';
import type { Policy } from '../../policy/index.js';

export interface DecisionInput {
  actor: Actor;
  decision: Decision;
  reason?: string | null;
  legalBasis?: string | null;
  conditions?: string | null;
  /** approve: a narrower set of the requested fields. */
  fields?: string[] | null;
  /** approve: a shorter period of use. */
  periodMonths?: number | null;
  /** request_supplement: everything missing, told at once (一次性告知). */
  missing?: string[] | null;
  /** extend: working days to add, at most share.extensionWd. */
  extendWd?: number | null;
}

export interface SupplementInput {
  actor: Actor;
  note: string;
  purpose?: string | null;
  dutyBasis?: string | null;
  usageScope?: string | null;
}

export interface ReasonInput {
  actor: Actor;
  reason?: string | null;
}

export interface RenewalInput {
  actor: Actor;
  periodMonths: number;
  reason: string;
}

export interface FileObjectionInput {
  actor: Actor;
  objectionId: string;
  statement: string;
  dutyBasis?: string | null;
  /** The objection policy in force when it is filed (processes.md P2 day counts). */
  policy: Policy['objection'];
}

export type ObjectionOutcome = 'share' | 'conditional_share' | 'uphold_refusal';

export interface ObjectionResolution {
  objectionId: string;
  outcome: ObjectionOutcome;
  conditions?: string | null;
  reasoning: string;
  decidedBy: Actor;
}

/** Answers once the case is registered and its first state recorded (used with update-with-start). */
export const submittedUpdate = defineUpdate<ShareApplicationView>('submitted');
export const decideUpdate = defineUpdate<ShareApplicationView, [DecisionInput]>('decide');
export const supplementUpdate = defineUpdate<ShareApplicationView, [SupplementInput]>('supplement');
export const withdrawUpdate = defineUpdate<ShareApplicationView, [ReasonInput]>('withdraw');
export const urgeUpdate = defineUpdate<ShareApplicationView, [ReasonInput]>('urge');
export const renewUpdate = defineUpdate<ShareApplicationView, [RenewalInput]>('renew');
export const revokeUpdate = defineUpdate<ShareApplicationView, [ReasonInput]>('revoke');
export const fileObjectionUpdate = defineUpdate<ShareApplicationView, [FileObjectionInput]>('fileObjection');
/** The objection workflow's final outcome (P2 → P1); a signal, since one workflow cannot update another. */
export const objectionResolvedSignal = defineSignal<[ObjectionResolution]>('objectionResolved');
/** The bureau uploaded a calendar year: provisional deadlines are recomputed. */
export const viewQuery = defineQuery<ShareApplicationView>('view');

export const shareApplicationWorkflowId = (id: string): string => `share-application:${id}`;
