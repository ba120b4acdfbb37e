// Side effects of the objection coordination (异议协商) process. Each is idempotent.
import type { Db } from '../db/client.js';
import { saveObjectionChange } from '../db/queries/objection.js';
import type { Logger } from '../lib/logger.js';
import { recorder } from './record.js';
import type { ObjectionChange } from '../workflows/objection/types.js';
import { objectionWork } from '../workflows/objection/rules.js';

export function createObjectionActivities({ db, logger }: { db: Db; logger: Logger }) {
  return {
    /** Writes one transition (read model, audit event, notifications) in one transaction. */
    recordObjection: recorder<ObjectionChange>(db, logger, 'objection', {
      work: (c) => objectionWork(c.view, Date.parse(c.event.at)),
      save: saveObjectionChange,
      fields: (c) => ({ caseId: c.view.id, applicationId: c.view.applicationId, version: c.view.version }),
    }),
  };
}
