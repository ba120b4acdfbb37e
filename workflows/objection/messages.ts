// The objection's messages. The API imports this file, never workflow.ts.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../common/actors.js';
import type { ObjectionOutcome, ObjectionView } from './types.js';

export interface SettlementInput {
  actor: Actor;
  outcome: 'share' | 'conditional_share';
  conditions?: string | null;
}
export interface AssignmentInput {
  actor: Actor;
  coordinator: Actor;
}
export interface StatementInput {
  actor: Actor;
  text: string;
}
export interface MinutesInput {
  actor: Actor;
  text: string;
  heldAt: string;
}
export interface RulingInput {
  actor: Actor;
  outcome: ObjectionOutcome;
  reasoning: string;
  conditions?: string | null;
}
export interface EscalationInput {
  actor: Actor;
  reason: string;
}
export interface GovernmentDecisionInput {
  actor: Actor;
  outcome: ObjectionOutcome;
  reasoning: string;
  conditions?: string | null;
  documentRef?: string | null;
}

/** Answers once the objection is registered (its first state recorded). */
export const registeredUpdate = defineUpdate<ObjectionView>('registered');
export const settleUpdate = defineUpdate<ObjectionView, [SettlementInput]>('settle');
export const assignUpdate = defineUpdate<ObjectionView, [AssignmentInput]>('assign');
export const addStatementUpdate = defineUpdate<ObjectionView, [StatementInput]>('addStatement');
export const addMinutesUpdate = defineUpdate<ObjectionView, [MinutesInput]>('addMinutes');
export const ruleUpdate = defineUpdate<ObjectionView, [RulingInput]>('rule');
export const escalateUpdate = defineUpdate<ObjectionView, [EscalationInput]>('escalate');
export const governmentDecisionUpdate = defineUpdate<ObjectionView, [GovernmentDecisionInput]>('governmentDecision');
export const objectionViewQuery = defineQuery<ObjectionView>('view');

export const objectionWorkflowId = (id: string): string => `objection:${id}`;
