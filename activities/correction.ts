// Side effects of the data correction (数据纠错) process. Each is idempotent.
import type { Db } from '../db/client.js';
import { saveCorrectionChange } from '../db/queries/correction.js';
import type { Logger } from '../lib/logger.js';
import { recorder } from './record.js';
import type { CorrectionChange } from '../workflows/correction/types.js';
import { correctionWork } from '../workflows/correction/rules.js';

export function createCorrectionActivities({ db, logger }: { db: Db; logger: Logger }) {
  return {
    /** Writes one transition (read model, disputed mark, audit event, notifications) in one transaction. */
    recordCorrection: recorder<CorrectionChange>(db, logger, 'correction', {
      work: (c) => correctionWork(c.view, Date.parse(c.event.at)),
      save: saveCorrectionChange,
      fields: (c) => ({ caseId: c.view.id }),
    }),
  };
}
