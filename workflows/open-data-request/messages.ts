// The open-data request's messages. The API imports this file, never workflow.ts.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../common/actors.js';
import type { OpenDataRequestBody, OpenDataView } from './types.js';

export interface FormalCheckInput {
  actor: Actor;
  passed: boolean;
  reasons?: string[] | null;
}
export interface ResubmissionInput {
  actor: Actor;
  changes: Partial<OpenDataRequestBody> & { contact?: string };
}
/** `agreementVersion`: the agreement in force at approval (looked up by the caller, so the handler need not wait). */
/** `legalBasis`: the rule a refusal rests on; the catalog's when the provider names none. */
export interface OpenDecisionInput {
  actor: Actor;
  decision: 'approve' | 'reject';
  reason?: string | null;
  legalBasis?: string | null;
  conditions?: string | null;
  agreementVersion?: number | null;
}
export interface SignInput {
  actor: Actor;
  agreementVersion: number;
}
export interface UsageReportInput {
  actor: Actor;
  period: string;
  summary: string;
  outcomes?: string | null;
}
export interface OpenRevocationInput {
  actor: Actor;
  reason: string;
}

export const openRegisteredUpdate = defineUpdate<OpenDataView>('registered');
export const formalCheckUpdate = defineUpdate<OpenDataView, [FormalCheckInput]>('formalCheck');
export const resubmitUpdate = defineUpdate<OpenDataView, [ResubmissionInput]>('resubmit');
export const openDecideUpdate = defineUpdate<OpenDataView, [OpenDecisionInput]>('decide');
export const signUpdate = defineUpdate<OpenDataView, [SignInput]>('sign');
export const reportUsageUpdate = defineUpdate<OpenDataView, [UsageReportInput]>('reportUsage');
export const openRevokeUpdate = defineUpdate<OpenDataView, [OpenRevocationInput]>('revoke');
export const openViewQuery = defineQuery<OpenDataView>('view');

export const openDataRequestWorkflowId = (id: string): string => `open-data-request:${id}`;
