// Side effects of the share application (共享申请) process. Each is idempotent.
import { getAgency } from '../db/queries/agency.js';
import { getResource } from '../db/queries/catalog.js';
import { saveShareApplicationChange } from '../db/queries/share-application.js';
import type { Db } from '../db/client.js';
import type { Logger } from '../lib/logger.js';
import { recorder } from './record.js';
import type { PrecheckResult, ShareApplicationChange } from '../workflows/share-application/types.js';
import { precheck, shareApplicationWork } from '../workflows/share-application/rules.js';
import type { Policy } from '../policy/index.js';

export function createShareApplicationActivities({ db, logger, policy }: { db: Db; logger: Logger; policy: Policy }) {
  return {
    /** processes.md P1: the bureau's pre-check, for cases submitted before the API ran it (rules.ts `precheck`). */
    async precheckShareApplication(input: {
      applicantAgency: string;
      resourceId: string;
      fields: string[];
    }): Promise<PrecheckResult> {
      const [applicant, resource] = await Promise.all([
        getAgency(db, input.applicantAgency),
        getResource(db, input.resourceId),
      ]);
      return precheck({
        applicantAgency: input.applicantAgency,
        applicantRegistered: !!applicant,
        fields: input.fields,
        resource: resource ? { shareType: resource.shareType, fields: resource.fields.map((f) => f.name) } : null,
      });
    },

    // The work list is computed at the transition's own time, so a retried activity writes the same tasks.
    recordShareApplication: recorder<ShareApplicationChange>(db, logger, 'share application', {
      work: (c) => shareApplicationWork(c.view, policy.share, Date.parse(c.event.at)),
      save: saveShareApplicationChange,
      fields: (c) => ({ caseId: c.view.id, version: c.view.version }),
    }),
  };
}
