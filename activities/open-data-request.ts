// Side effects of the conditional open-data request (有条件开放申请) process. Each is idempotent.
import type { Db } from '../db/client.js';
import { isDenyListed, saveOpenDataChange } from '../db/queries/open-data-request.js';
import type { Logger } from '../lib/logger.js';
import { recorder } from './record.js';
import type { OpenDataChange } from '../workflows/open-data-request/types.js';
import { openDataWork } from '../workflows/open-data-request/rules.js';

export function createOpenDataActivities({ db, logger }: { db: Db; logger: Logger }) {
  return {
    /** Writes one transition (read model, deny-list, audit event, notifications) in one transaction. */
    recordOpenDataRequest: recorder<OpenDataChange>(db, logger, 'open-data request', {
      work: (c) => openDataWork(c.view, Date.parse(c.event.at)),
      save: saveOpenDataChange,
      fields: (c) => ({ caseId: c.view.id, requester: c.view.requester.identifierMasked }),
    }),
    /** processes.md P3 step 1: is the requester on this dataset's deny-list? */
    isDenyListed: (input: { resourceId: string; requesterKeys: string[] }): Promise<boolean> =>
      isDenyListed(db, input.resourceId, input.requesterKeys),
  };
}
