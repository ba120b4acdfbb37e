// Names the API and the start-up code use for the audit chain's checkpoints (never import workflow.ts
// outside the bundle).
export const auditCheckpointScheduleId = 'audit-checkpoint-hourly';
export const auditCheckpointWorkflowType = 'auditCheckpointWorkflow';
