// Side effects of the objection coordination (异议协商) process. Each is idempotent.
import type { Db } from '../db/client.js';
import { saveObjectionChange } from '../db/queries/objection.js';
import type { Logger } from '../lib/logger.js';
import type { ObjectionChange } from '../workflows/objection/types.js';
import { objectionWork } from '../workflows/objection/rules.js';

export function createObjectionActivities({ db, logger }: { db: Db; logger: Logger }) {
  return {
    /** Writes one transition (read model, audit event, notifications) in one transaction. */
    async recordObjection(change: ObjectionChange): Promise<void> {
      const written = await saveObjectionChange(db, change, objectionWork(change.view, Date.parse(change.event.at)));
      logger.debug(
        { caseId: change.view.id, applicationId: change.view.applicationId, action: change.event.action, from: change.event.from, to: change.event.to, version: change.view.version, replayed: !written },
        'objection recorded',
      );
    },
  };
}
