// Fills the cases table (the work list's and `actions`' source) for cases recorded before it
// existed: each such case's workflow is asked for its view, and the view is written as a transition
// would write it. Safe to run any number of times; it touches only cases the table lacks.
import type { Client } from '@temporalio/client';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { saveCaseWork } from '../db/queries/case.js';
import type { Logger } from '../lib/logger.js';
import type { Policy } from '../policy/index.js';
import { agencyAssessmentWork, cycleWork } from '../workflows/assessment/rules.js';
import type { AgencyAssessmentView, CycleView } from '../workflows/assessment/types.js';
import type { CaseWork } from '../workflows/common/work.js';
import { correctionWork } from '../workflows/correction/rules.js';
import type { CorrectionView } from '../workflows/correction/types.js';
import { objectionWork } from '../workflows/objection/rules.js';
import type { ObjectionView } from '../workflows/objection/types.js';
import { openDataWork } from '../workflows/open-data-request/rules.js';
import type { OpenDataView } from '../workflows/open-data-request/types.js';
import { shareApplicationWork } from '../workflows/share-application/rules.js';
import type { ShareApplicationView } from '../workflows/share-application/types.js';

interface Source {
  caseType: string;
  missing: ReturnType<typeof sql>;
  work: (view: unknown, nowMs: number) => CaseWork;
}

export async function backfillCases({
  db,
  temporal,
  policy,
  logger,
}: {
  db: Db;
  temporal: Client;
  policy: Policy;
  logger: Logger;
}): Promise<{ written: number; unreachable: number }> {
  // Literal identifiers only, never input: each table's id and workflow id as SQL expressions.
  const missing = (table: string, caseType: string, id: string, workflowId: string, also = 'true') =>
    sql.raw(
      `select ${workflowId} as workflow_id from ${table} t where ${also} and not exists (select 1 from cases c where c.case_type = '${caseType}' and c.case_id = ${id})`,
    );
  const sources: Source[] = [
    {
      caseType: 'share-application',
      missing: missing('share_applications', 'share-application', 't.id::text', 't.workflow_id'),
      work: (v, now) => shareApplicationWork(v as ShareApplicationView, policy.share, now),
    },
    {
      caseType: 'objection',
      missing: missing('objections', 'objection', 't.id::text', 't.workflow_id'),
      work: (v, now) => objectionWork(v as ObjectionView, now),
    },
    {
      caseType: 'open-data-request',
      missing: missing('open_data_requests', 'open-data-request', 't.id::text', 't.workflow_id'),
      work: (v, now) => openDataWork(v as OpenDataView, now),
    },
    {
      caseType: 'correction',
      missing: missing('corrections', 'correction', 't.id::text', 't.workflow_id'),
      work: (v, now) => correctionWork(v as CorrectionView, now),
    },
    {
      caseType: 'assessment-cycle',
      missing: missing('assessment_cycles', 'assessment-cycle', 't.year::text', 't.workflow_id'),
      work: (v, now) => cycleWork(v as CycleView, now),
    },
    {
      caseType: 'assessment',
      missing: missing(
        'assessment_agencies',
        'assessment',
        "t.year::text || ':' || t.agency_code",
        "'assessment:' || t.year || ':' || t.agency_code",
        't.version > 0',
      ),
      work: (v, now) => agencyAssessmentWork(v as AgencyAssessmentView, now),
    },
  ];
  let written = 0;
  let unreachable = 0;
  for (const source of sources) {
    const result = (await db.execute(source.missing)) as unknown as
      { rows?: { workflow_id: string }[] } | { workflow_id: string }[];
    const rows = Array.isArray(result) ? result : (result.rows ?? []);
    for (const { workflow_id: workflowId } of rows) {
      try {
        const view = await temporal.workflow.getHandle(workflowId).query<unknown>('view');
        await saveCaseWork(db, source.work(view, Date.now()));
        written += 1;
      } catch (error) {
        // A workflow past its retention (or not started yet) has no view to give; its next transition writes it.
        unreachable += 1;
        logger.warn({ workflowId, err: (error as Error).message }, 'case not indexed: its workflow did not answer');
      }
    }
  }
  if (written || unreachable) logger.info({ written, unreachable }, 'cases indexed for the work list');
  return { written, unreachable };
}
