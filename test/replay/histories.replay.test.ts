// Every committed history must replay on today's workflow code: a change that would break a
// running case fails here and needs patched().
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { workflowBundle } from '../../lib/worker.js';
import { AGENCY_BATCH_INPUTS_PATCH } from '../../workflows/assessment/agency-workflow.js';
import {
  ASSESSMENT_BATCH_INPUTS_PATCH,
  ASSESSMENT_BATCH_OPENINGS_PATCH,
} from '../../workflows/assessment/batch-workflow.js';
import { LOCAL_STEPS_PATCH, REOPENED_PATCH } from '../../workflows/common/kernel.js';

const dir = fileURLToPath(new URL('../histories/', import.meta.url));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();

/** The patch ids a history's markers record (each marker's payload is `{"id": …}` in base64). */
function patchesIn(file: string): string[] {
  const { history } = JSON.parse(readFileSync(dir + file, 'utf8'));
  return history.events
    .filter((e: any) => e.markerRecordedEventAttributes?.markerName === 'core_patch')
    .flatMap((e: any) => e.markerRecordedEventAttributes.details['patch-data'].payloads)
    .map((p: any) => JSON.parse(Buffer.from(p.data, 'base64').toString('utf8')).id as string);
}

describe('replaying committed histories', () => {
  it('has histories for every path of P1, P2, P3, P4 and P5', () => {
    expect(files.filter((f) => f.startsWith('share-application-')).length).toBeGreaterThanOrEqual(7);
    expect(files.filter((f) => f.startsWith('objection-')).length).toBeGreaterThanOrEqual(4);
    expect(files.filter((f) => f.startsWith('open-data-request-')).length).toBeGreaterThanOrEqual(3);
    expect(files.filter((f) => f.startsWith('correction-')).length).toBeGreaterThanOrEqual(3);
    expect(files.filter((f) => f.startsWith('assessment-')).length).toBeGreaterThanOrEqual(5);
  });

  it('keeps the histories of every case path recorded before the local-steps patch and after it', () => {
    const after = files.filter((f) => f.endsWith('-local-steps.json'));
    const before = files.filter((f) => !f.endsWith('-local-steps.json'));
    // Every path of P1, P2, P3 and P5 on both sides of the patch, and the paths built since, which only
    // ever ran patched. An assessment's agencies took local steps later, with their batch's inputs.
    const builtSince = ['correction-returned-forwarded-local-steps.json'];
    expect(after.length).toBe(17 + builtSince.length);
    expect(after.filter((f) => f.startsWith('assessment-'))).toEqual([]);
    for (const f of after) {
      if (!builtSince.includes(f)) expect(before).toContain(f.replace('-local-steps', ''));
      expect(patchesIn(f)).toContain(LOCAL_STEPS_PATCH);
    }
    for (const f of before.filter((x) => after.includes(x.replace('.json', '-local-steps.json')))) {
      expect(patchesIn(f)).not.toContain(LOCAL_STEPS_PATCH);
    }
  });

  it('keeps a history of a step the database refused, put back under the reopened patch', () => {
    const f = 'correction-refused-return-corrected-reopened.json';
    expect(files).toContain(f);
    expect(patchesIn(f)).toContain(REOPENED_PATCH);
    expect(patchesIn(f)).toContain(LOCAL_STEPS_PATCH);
  });

  /** How many times each activity was scheduled in a history. */
  function activitiesIn(file: string): Record<string, number> {
    const { history } = JSON.parse(readFileSync(dir + file, 'utf8'));
    const counts: Record<string, number> = {};
    for (const e of history.events) {
      const name = e.activityTaskScheduledEventAttributes?.activityType?.name;
      if (name) counts[name] = (counts[name] ?? 0) + 1;
    }
    return counts;
  }

  it('keeps the assessment histories from before the batch-inputs patch and after it', () => {
    const after = files.filter((f) => f.startsWith('assessment-') && f.endsWith('-batch-inputs.json'));
    expect(after).toEqual([
      'assessment-agency-appealed-rectified-reopened-batch-inputs.json',
      'assessment-agency-closed-at-final-batch-inputs.json',
      'assessment-batch-batch-inputs.json',
      'assessment-cycle-closed-batch-inputs.json',
    ]);
    for (const f of after) expect(files).toContain(f.replace('-batch-inputs', ''));
    // The cycle and its batches take the patch; an agency's process then runs no step but its
    // recordings, and those as local activities.
    expect(patchesIn('assessment-cycle-closed-batch-inputs.json')).toContain(ASSESSMENT_BATCH_INPUTS_PATCH);
    expect(patchesIn('assessment-batch-batch-inputs.json')).toContain(ASSESSMENT_BATCH_INPUTS_PATCH);
    expect(activitiesIn('assessment-batch-batch-inputs.json')).toEqual({ computeAssessmentMetricsBatch: 1 });
    expect(activitiesIn('assessment-agency-closed-at-final-batch-inputs.json')).toEqual({});
    expect(patchesIn('assessment-agency-closed-at-final-batch-inputs.json')).toEqual(
      expect.arrayContaining([AGENCY_BATCH_INPUTS_PATCH, LOCAL_STEPS_PATCH]),
    );
    // Before it, each agency loaded the calendar and computed its own metrics.
    expect(patchesIn('assessment-cycle-closed.json')).not.toContain(ASSESSMENT_BATCH_INPUTS_PATCH);
    expect(activitiesIn('assessment-agency-closed-at-final.json')).toMatchObject({
      loadCalendar: 1,
      computeAssessmentMetrics: 1,
    });
  });

  const workflowTypeOf = (file: string): string =>
    JSON.parse(readFileSync(dir + file, 'utf8')).history.events[0].workflowExecutionStartedEventAttributes.workflowType
      .name;

  it('keeps the assessment histories from before the batch-openings patch and after it', () => {
    const after = files.filter((f) => f.startsWith('assessment-') && f.endsWith('-openings.json'));
    expect(after).toEqual([
      'assessment-agency-appealed-rectified-reopened-openings.json',
      'assessment-agency-closed-at-final-openings.json',
      'assessment-batch-openings.json',
      'assessment-cycle-closed-openings.json',
    ]);
    for (const f of after) expect(files).toContain(f.replace('-openings', '-batch-inputs'));
    // The batch opens its agencies in one step: starts them opened, records their first transitions.
    expect(patchesIn('assessment-batch-openings.json')).toEqual(
      expect.arrayContaining([ASSESSMENT_BATCH_INPUTS_PATCH, ASSESSMENT_BATCH_OPENINGS_PATCH]),
    );
    expect(activitiesIn('assessment-batch-openings.json')).toEqual({
      computeAssessmentMetricsBatch: 1,
      openAgencyAssessments: 1,
    });
    expect(patchesIn('assessment-batch-batch-inputs.json')).not.toContain(ASSESSMENT_BATCH_OPENINGS_PATCH);
    // An opened agency is a workflow type of its own: it takes no patch and no step before it is acted on.
    for (const f of [
      'assessment-agency-closed-at-final-openings.json',
      'assessment-agency-appealed-rectified-reopened-openings.json',
    ]) {
      expect(workflowTypeOf(f)).toBe('assessmentAgencyOpenedWorkflow');
      expect(patchesIn(f)).toEqual([]);
      expect(activitiesIn(f)).toEqual({});
    }
    expect(workflowTypeOf('assessment-agency-closed-at-final-batch-inputs.json')).toBe('assessmentAgencyWorkflow');
  });

  it.each(files)('replays %s without nondeterminism', async (file) => {
    const { workflowId, history } = JSON.parse(readFileSync(dir + file, 'utf8'));
    expect(history.events.length).toBeGreaterThan(3);
    await Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, historyFromJSON(history), workflowId);
  });
});
