// Side effects of the conditional open-data request (有条件开放申请) process. Each is idempotent.
import type { Db } from '../db/client.js';
import { isDenyListed, saveOpenDataChange } from '../db/queries/open-data-request.js';
import type { Logger } from '../lib/logger.js';
import type { OpenDataChange } from '../workflows/open-data-request/types.js';
import { openDataWork } from '../workflows/open-data-request/rules.js';

export function createOpenDataActivities({ db, logger }: { db: Db; logger: Logger }) {
  return {
    /** Writes one transition (read model, deny-list, audit event, notifications) in one transaction. */
    async recordOpenDataRequest(change: OpenDataChange): Promise<void> {
      const written = await saveOpenDataChange(db, change, openDataWork(change.view, Date.parse(change.event.at)));
      logger.debug({ caseId: change.view.id, action: change.event.action, from: change.event.from, to: change.event.to, requester: change.view.requester.identifierMasked, replayed: !written }, 'open-data request recorded');
    },
    /** DOMAIN P3 step 1: is the requester on this dataset's deny-list? */
    isDenyListed: (input: { resourceId: string; requesterKeys: string[] }): Promise<boolean> => isDenyListed(db, input.resourceId, input.requesterKeys),
  };
}
