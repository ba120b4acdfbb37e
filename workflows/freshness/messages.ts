// Names the API and the start-up code use for the freshness sweep (never import workflow.ts outside the bundle).
export const freshnessScheduleId = 'freshness-daily';
export const freshnessWorkflowType = 'freshnessWorkflow';
