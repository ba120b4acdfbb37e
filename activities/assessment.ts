// Side effects of the annual assessment (年度评估). Each is idempotent; the broadcast resumes from
// its last heartbeat, so a worker that dies mid-way does not signal the first agencies twice.
import { Context } from '@temporalio/activity';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../db/client.js';
import {
  claimCycle,
  computeAgencyMetrics,
  cycleProgress,
  ensureDefaultIndicatorSet,
  getIndicatorSet,
  listCycleAgencies,
  rankCycle,
  saveAgencyAssessmentChange,
  saveAgencyAssessmentOpenings,
  saveCycleChange,
  type CycleProgress,
} from '../db/queries/assessment.js';
import type { Logger } from '../lib/logger.js';
import { recorder } from './record.js';
import { agencyAssessmentWorkflowId } from '../workflows/assessment/messages.js';
import type { assessmentAgencyOpenedWorkflow } from '../workflows/assessment/agency-workflow.js';
import type {
  AgencyAssessmentChange,
  CycleChange,
  IndicatorSet,
  Metrics,
  OpenedAgencyInput,
} from '../workflows/assessment/types.js';
import { agencyAssessmentWork, cycleWork } from '../workflows/assessment/rules.js';

/** Signals the cycle sends to every agency's process. */
export type AgencyBroadcast =
  | { signal: 'preliminaryPublished'; args: [unknown] }
  | { signal: 'finalPublished'; args: [] }
  | { signal: 'calendarUpdated'; args: [unknown] };

export function createAssessmentActivities({ db, logger, temporal }: { db: Db; logger: Logger; temporal?: Client }) {
  return {
    /** The framework a cycle uses (the default one when `version` is null), seeding the default once. */
    async loadIndicatorSet({ version }: { version: string | null }): Promise<IndicatorSet> {
      await ensureDefaultIndicatorSet(db);
      const set = await getIndicatorSet(db, version);
      if (!set) throw ApplicationFailure.nonRetryable(`no indicator framework version ${version}`, 'NOT_FOUND');
      return set;
    },

    /** Claims the year for this run and lists its agencies; 'taken' when another run has it. */
    async claimAssessmentCycle({
      change,
    }: {
      change: CycleChange;
    }): Promise<{ outcome: 'claimed' | 'taken'; agencyCount: number }> {
      const run = Context.current().info.workflowExecution;
      const claim = await claimCycle(
        db,
        change,
        cycleWork(change.view, Date.parse(change.event.at)),
        run?.workflowId ?? '',
        run?.runId ?? '',
      );
      logger.info({ caseId: `assessment:${change.view.year}`, ...claim }, 'assessment cycle claimed');
      return claim;
    },

    recordAssessmentCycle: recorder<CycleChange>(db, logger, 'assessment cycle', {
      work: (c) => cycleWork(c.view, Date.parse(c.event.at)),
      save: saveCycleChange,
      fields: (c) => ({ caseId: `assessment:${c.view.year}` }),
    }),

    listCycleAgencies: ({ year, afterCode, limit }: { year: number; afterCode: string | null; limit: number }) =>
      listCycleAgencies(db, year, afterCode, limit),

    cycleProgress: ({ year }: { year: number }): Promise<CycleProgress> => cycleProgress(db, year),

    rankCycle: ({ year }: { year: number }): Promise<void> => rankCycle(db, year),

    /** Signals every agency of the year, a page at a time, heartbeating the last code done. */
    async broadcastToAgencies({
      year,
      message,
    }: {
      year: number;
      message: AgencyBroadcast;
    }): Promise<{ signalled: number }> {
      if (!temporal)
        throw ApplicationFailure.nonRetryable('this worker has no Temporal client for broadcasts', 'MISCONFIGURED');
      const ctx = Context.current();
      let after = (ctx.info.heartbeatDetails as string | undefined) ?? null;
      let signalled = 0;
      for (;;) {
        const page = await listCycleAgencies(db, year, after, 200);
        if (!page.length) break;
        await Promise.all(
          page.map(async ({ code }) => {
            try {
              await temporal.workflow
                .getHandle(agencyAssessmentWorkflowId(year, code))
                .signal(message.signal, ...message.args);
              signalled += 1;
            } catch (error) {
              // A process that has ended needs no news.
              if (!(error instanceof WorkflowNotFoundError)) throw error;
            }
          }),
        );
        after = page[page.length - 1]!.code;
        ctx.heartbeat(after);
      }
      logger.info({ caseId: `assessment:${year}`, signal: message.signal, signalled }, 'assessment broadcast');
      return { signalled };
    },

    computeAssessmentMetrics: ({ year, agency }: { year: number; agency: string }): Promise<Metrics> =>
      computeAgencyMetrics(db, year, agency),

    /** A batch's agencies' metrics in one step, one agency after another (a few milliseconds each). */
    computeAssessmentMetricsBatch: async ({
      year,
      agencies,
    }: {
      year: number;
      agencies: string[];
    }): Promise<Record<string, Metrics>> => {
      const metrics: Record<string, Metrics> = {};
      for (const agency of agencies) {
        metrics[agency] = await computeAgencyMetrics(db, year, agency);
        Context.current().heartbeat();
      }
      return metrics;
    },

    /**
     * A batch's agencies opened: starts each one's process already in self_assessment, then records
     * every first transition in one transaction (after the starts: the cycle counts an agency as
     * started by that record). A retry starts and writes only what is missing.
     */
    async openAgencyAssessments({
      template,
      openings,
    }: {
      template: Omit<OpenedAgencyInput, 'agency' | 'opened'>;
      openings: AgencyAssessmentChange[];
    }): Promise<{ started: number; written: number }> {
      if (!temporal)
        throw ApplicationFailure.nonRetryable('this worker has no Temporal client to start agencies', 'MISCONFIGURED');
      const ctx = Context.current();
      let started = 0;
      for (let i = 0; i < openings.length; i += 25) {
        await Promise.all(
          openings.slice(i, i + 25).map(async ({ view }) => {
            try {
              await temporal.workflow.start<typeof assessmentAgencyOpenedWorkflow>('assessmentAgencyOpenedWorkflow', {
                workflowId: agencyAssessmentWorkflowId(view.year, view.agencyCode),
                taskQueue: ctx.info.taskQueue,
                args: [{ ...template, agency: { code: view.agencyCode, name: view.agencyName }, opened: view }],
                workflowIdReusePolicy: 'REJECT_DUPLICATE',
              });
              started += 1;
            } catch (error) {
              // Started by an earlier attempt of this step.
              if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
            }
          }),
        );
        ctx.heartbeat();
      }
      const written = (
        await saveAgencyAssessmentOpenings(
          db,
          openings.map((change) => ({ change, work: agencyAssessmentWork(change.view, Date.parse(change.event.at)) })),
        )
      ).filter(Boolean).length;
      logger.info(
        { caseId: `assessment:${template.year}`, agencies: openings.length, started, written },
        'agency assessments opened',
      );
      return { started, written };
    },

    recordAgencyAssessment: recorder<AgencyAssessmentChange>(db, logger, 'agency assessment', {
      work: (c) => agencyAssessmentWork(c.view, Date.parse(c.event.at)),
      save: saveAgencyAssessmentChange,
      fields: (c) => ({ caseId: `assessment:${c.view.year}:${c.view.agencyCode}` }),
    }),
  };
}
