// Side effects of the data correction (数据纠错) process. Each is idempotent.
import type { Db } from '../db/client.js';
import { saveCorrectionChange } from '../db/queries/correction.js';
import type { Logger } from '../lib/logger.js';
import type { CorrectionChange } from '../workflows/correction/types.js';
import { correctionWork } from '../workflows/correction/rules.js';

export function createCorrectionActivities({ db, logger }: { db: Db; logger: Logger }) {
  return {
    /** Writes one transition (read model, disputed mark, audit event, notifications) in one transaction. */
    async recordCorrection(change: CorrectionChange): Promise<void> {
      const written = await saveCorrectionChange(db, change, correctionWork(change.view, Date.parse(change.event.at)));
      logger.debug({ caseId: change.view.id, action: change.event.action, from: change.event.from, to: change.event.to, replayed: !written }, 'correction recorded');
    },
  };
}
