// All activities, built from their dependencies so tests can swap any part.
import type { Client } from '@temporalio/client';
import type { Db } from '../db/client.js';
import type { Logger } from '../lib/logger.js';
import { defaultPolicy, type Policy } from '../policy/index.js';
import { createAssessmentActivities } from './assessment.js';
import { createCalendarActivities } from './calendar.js';
import { createCorrectionActivities } from './correction.js';
import { createFreshnessActivities } from './freshness.js';
import { createObjectionActivities } from './objection.js';
import { createOpenDataActivities } from './open-data-request.js';
import { createShareApplicationActivities } from './share-application.js';
import { classifyAll } from './failures.js';
import { createAuditActivities } from './audit.js';

export interface ActivityDeps {
  db: Db;
  logger: Logger;
  /** The deployment's policy, for work no case carries (the freshness sweep). */
  policy?: Policy;
  /** For activities that message other workflows (the assessment's broadcasts). */
  temporal?: Client;
  /** Where the audit chain's checkpoints are copied (AUDIT_CHECKPOINT_DIR). */
  auditCheckpointDir?: string;
}

/** Every activity, its failures classified (failures.ts): a data error fails for good, the rest is retried. */
export function createActivities(deps: ActivityDeps) {
  return classifyAll({
    ...createCalendarActivities(deps),
    ...createShareApplicationActivities({ ...deps, policy: deps.policy ?? defaultPolicy }),
    ...createObjectionActivities(deps),
    ...createOpenDataActivities(deps),
    ...createCorrectionActivities(deps),
    ...createAssessmentActivities(deps),
    ...createFreshnessActivities({ ...deps, policy: deps.policy ?? defaultPolicy }),
    ...createAuditActivities(deps),
  });
}

export type Activities = ReturnType<typeof createActivities>;
