// The audit chain's checkpoints: the chain's head signed with the audit key, stored (append-only) and
// written as a file to the directory the city names (AUDIT_CHECKPOINT_DIR), from where it copies them
// to a place the database's administrators cannot reach. Verification against one detects a cut tail.
import type { Db } from '../db/client.js';
import { takeAuditCheckpoint } from '../lib/checkpoint-files.js';
import type { Logger } from '../lib/logger.js';

export function createAuditActivities({
  db,
  logger,
  auditCheckpointDir,
}: {
  db: Db;
  logger: Logger;
  auditCheckpointDir?: string;
}) {
  return {
    async writeAuditCheckpoint() {
      const checkpoint = await takeAuditCheckpoint(db, auditCheckpointDir);
      logger.info({ lastId: checkpoint.lastId, dir: auditCheckpointDir ?? null }, 'audit checkpoint written');
      return checkpoint;
    },
  };
}
