// The workflow bundle's entry point: every workflow the worker runs.
export { shareApplicationWorkflow } from './share-application/workflow.js';
export { objectionWorkflow } from './objection/workflow.js';
export { openDataRequestWorkflow } from './open-data-request/workflow.js';
export { freshnessWorkflow } from './freshness/workflow.js';
export { correctionWorkflow } from './correction/workflow.js';
export { assessmentCycleWorkflow, assessmentScheduledWorkflow } from './assessment/cycle-workflow.js';
export { assessmentBatchWorkflow } from './assessment/batch-workflow.js';
export { assessmentAgencyOpenedWorkflow, assessmentAgencyWorkflow } from './assessment/agency-workflow.js';
export { calendarPublicationWorkflow } from './calendar/workflow.js';
export { auditCheckpointWorkflow } from './audit/workflow.js';
