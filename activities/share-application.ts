// Side effects of the share application (共享申请) process. Each is idempotent.
import { getAgency } from '../db/queries/agency.js';
import { getResource } from '../db/queries/catalog.js';
import { saveShareApplicationChange } from '../db/queries/share-application.js';
import type { Db } from '../db/client.js';
import type { Logger } from '../lib/logger.js';
import type { PrecheckResult, ShareApplicationChange } from '../workflows/share-application/types.js';
import { shareApplicationWork } from '../workflows/share-application/rules.js';
import type { Policy } from '../policy/index.js';

export function createShareApplicationActivities({ db, logger, policy }: { db: Db; logger: Logger; policy: Policy }) {
  return {
    /** DOMAIN P1: the bureau's automatic compliance pre-check of an unconditional request. */
    async precheckShareApplication(input: { applicantAgency: string; resourceId: string; fields: string[] }): Promise<PrecheckResult> {
      const problems: string[] = [];
      if (!(await getAgency(db, input.applicantAgency))) problems.push(`applicant agency ${input.applicantAgency} is not registered`);
      const resource = await getResource(db, input.resourceId);
      if (!resource) problems.push('the resource is not in the catalog');
      else {
        if (resource.shareType !== 'unconditional') problems.push(`the resource is ${resource.shareType}, not unconditional`);
        const known = new Set(resource.fields.map((f) => f.name));
        const unknown = input.fields.filter((f) => !known.has(f));
        if (unknown.length) problems.push(`fields not in the resource: ${unknown.join(', ')}`);
      }
      return { passed: problems.length === 0, problems };
    },

    /** Writes one transition (read model, grant, audit event, notifications) in one transaction. */
    async recordShareApplication(change: ShareApplicationChange): Promise<void> {
      // The work list is computed at the transition's own time, so a retried activity writes the same tasks.
      const written = await saveShareApplicationChange(db, change, shareApplicationWork(change.view, policy.share, Date.parse(change.event.at)));
      logger.debug(
        { caseId: change.view.id, action: change.event.action, from: change.event.from, to: change.event.to, version: change.view.version, replayed: !written },
        'share application recorded',
      );
    },
  };
}
