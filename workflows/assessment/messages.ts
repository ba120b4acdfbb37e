// The assessment's messages. The API imports this file, never the workflows.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../common/actors.js';
import type { TrackedDeadline } from '../common/deadlines.js';
import type { AgencyAssessmentView, CycleView, PublicationStage, ScoreItem } from './types.js';

export interface AssignAssessorInput {
  actor: Actor;
  assessor: { id: string; name: string | null };
}
export interface SelfAssessmentInput {
  actor: Actor;
  items: ScoreItem[];
}
export interface ReviewInput {
  actor: Actor;
  items: ScoreItem[];
}
export interface AppealInput {
  actor: Actor;
  text: string;
}
export interface AppealAnswerInput {
  actor: Actor;
  text: string;
  revised: ScoreItem[];
}
export interface RectificationInput {
  actor: Actor;
  stage: 'plan' | 'report';
  text: string;
}
export interface RectificationVerificationInput {
  actor: Actor;
  passed: boolean;
  note: string | null;
}
export interface PublicationInput {
  actor: Actor;
  stage: PublicationStage;
}

// The per-agency process (assessment:<year>:<code>).
export const assignAssessorUpdate = defineUpdate<AgencyAssessmentView, [AssignAssessorInput]>('assignAssessor');
export const selfAssessUpdate = defineUpdate<AgencyAssessmentView, [SelfAssessmentInput]>('selfAssess');
export const reviewAgencyUpdate = defineUpdate<AgencyAssessmentView, [ReviewInput]>('review');
export const appealUpdate = defineUpdate<AgencyAssessmentView, [AppealInput]>('appeal');
export const answerAppealUpdate = defineUpdate<AgencyAssessmentView, [AppealAnswerInput]>('answerAppeal');
export const rectifyUpdate = defineUpdate<AgencyAssessmentView, [RectificationInput]>('rectify');
export const verifyRectificationUpdate = defineUpdate<AgencyAssessmentView, [RectificationVerificationInput]>(
  'verifyRectification',
);
/** From the cycle: preliminary results are published and the notice period (公示) runs to `noticeDue`. */
export const preliminaryPublishedSignal = defineSignal<[{ noticeDue: TrackedDeadline }]>('preliminaryPublished');
/** From the cycle: final results are published. */
export const finalPublishedSignal = defineSignal<[]>('finalPublished');
export const agencyViewQuery = defineQuery<AgencyAssessmentView>('view');

// The cycle (assessment:<year>).
/** Answers once the cycle is registered (its row and its agencies are written). */
export const cycleOpenedUpdate = defineUpdate<CycleView>('opened');
export const publishUpdate = defineUpdate<CycleView, [PublicationInput]>('publish');
/** From a per-agency process: something the cycle waits for may have changed. */
export const cycleNudgeSignal = defineSignal<[]>('nudge');
export const cycleViewQuery = defineQuery<CycleView>('view');

export const assessmentCycleWorkflowId = (year: number): string => `assessment:${year}`;
export const agencyAssessmentWorkflowId = (year: number, code: string): string => `assessment:${year}:${code}`;
export const assessmentScheduleId = 'assessment-annual';
export const assessmentScheduledWorkflowType = 'assessmentScheduledWorkflow';
