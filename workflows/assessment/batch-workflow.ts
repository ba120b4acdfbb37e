// One batch of a year's assessment fan-out (年度评估), docs/processes.md P4: started by the cycle for
// `batchSize` agencies, it computes their metrics at once and opens each agency's process.
import { ParentClosePolicy, patched, proxyActivities, startChild } from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { Activities } from '../../activities/index.js';
import { caseActivityOptions } from '../common/case.js';
import { assessmentAgencyWorkflow } from './agency-workflow.js';
import { agencyAssessmentWorkflowId } from './messages.js';
import { openedAgency } from './rules.js';
import type { AgencyAssessmentChange, AgencyAssessmentInput } from './types.js';

/**
 * Cycles and batches started since this patch hand each agency's process its calendar and its metrics
 * (computed for the whole batch in one step), so an agency starts with one recording and no other
 * activity; older ones replay as they ran.
 */
export const ASSESSMENT_BATCH_INPUTS_PATCH = 'assessment-batch-inputs';

/**
 * Batches started since this patch open their agencies in one step (`openAgencyAssessments`): it
 * starts each agency's process as an `assessmentAgencyOpenedWorkflow` already in self_assessment,
 * with no step of its own to take, and records every agency's first transition (its metrics
 * collected, the self-assessment asked for) in one transaction. The agencies are not the batch's
 * children: each start costs the server no event in the batch's history and no workflow task of it.
 * Older batches started every agency as a child and replay as they ran.
 */
export const ASSESSMENT_BATCH_OPENINGS_PATCH = 'assessment-batch-openings';

// A batch's steps take a second or so and heartbeat as they go: a dead worker is noticed within 10 s.
const batchActs = proxyActivities<Activities>({
  ...caseActivityOptions,
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: '10 seconds',
});

/**
 * One batch of the fan-out: computes its agencies' metrics at once and opens them (an older batch
 * started a child per agency and stayed open until they ended, so their starts and ends landed in
 * this small history and never in the cycle's).
 */
export async function assessmentBatchWorkflow(input: {
  agencies: { code: string; name: string }[];
  template: Omit<AgencyAssessmentInput, 'agency'>;
}): Promise<{ agencies: number }> {
  const { year, calendar } = input.template;
  const metrics = patched(ASSESSMENT_BATCH_INPUTS_PATCH)
    ? await batchActs.computeAssessmentMetricsBatch({ year, agencies: input.agencies.map((a) => a.code) })
    : null;
  // Since ASSESSMENT_BATCH_OPENINGS_PATCH the batch opens its agencies in one step; an agency whose
  // metrics are missing (and every agency of an older batch) is started as a child and opens itself.
  const openings: Record<string, AgencyAssessmentChange> = {};
  if (metrics && calendar && patched(ASSESSMENT_BATCH_OPENINGS_PATCH)) {
    for (const agency of input.agencies) {
      const m = metrics[agency.code];
      if (m) openings[agency.code] = openedAgency({ ...input.template, agency }, m, calendar, Date.now());
    }
    const opened = Object.values(openings);
    if (opened.length)
      await batchActs.openAgencyAssessments({ template: { ...input.template, calendar }, openings: opened });
  }
  await Promise.all(
    input.agencies
      .filter((agency) => !openings[agency.code])
      .map(async (agency) => {
        try {
          const child = await startChild(assessmentAgencyWorkflow, {
            workflowId: agencyAssessmentWorkflowId(year, agency.code),
            args: [{ ...input.template, agency, ...(metrics?.[agency.code] ? { metrics: metrics[agency.code] } : {}) }],
            parentClosePolicy: ParentClosePolicy.ABANDON,
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
          });
          await child.result();
        } catch (error) {
          // Already running (a retried batch): that process goes on without this one watching it.
          if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
        }
      }),
  );
  return { agencies: input.agencies.length };
}
