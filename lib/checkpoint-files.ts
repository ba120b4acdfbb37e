// The audit chain's checkpoints as files in the directory the city names (AUDIT_CHECKPOINT_DIR), from
// where it copies them somewhere the database's administrators cannot reach.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.js';
import { recordAuditCheckpoint } from '../db/queries/audit.js';

/**
 * Signs and stores a checkpoint of the chain's head now, and writes its file when the city names a
 * directory: the one way to take a checkpoint, for the hourly schedule and for an admin's request alike.
 */
export async function takeAuditCheckpoint(db: Db, dir: string | undefined, at = new Date()) {
  const checkpoint = await recordAuditCheckpoint(db, at);
  if (dir) await writeCheckpointFile(dir, checkpoint);
  return checkpoint;
}

/** One file per checkpoint, named by its last event and time, and latest.json, each written whole or not at all. */
export async function writeCheckpointFile(dir: string, checkpoint: { lastId: number; at: string }): Promise<string> {
  await mkdir(dir, { recursive: true });
  const text = `${JSON.stringify(checkpoint, null, 2)}\n`;
  const name = `audit-checkpoint-${String(checkpoint.lastId).padStart(12, '0')}-${checkpoint.at.replace(/[:.]/g, '')}.json`;
  for (const file of [name, 'latest.json']) {
    const partial = join(dir, `.${file}.${randomUUID()}.partial`);
    await writeFile(partial, text);
    await rename(partial, join(dir, file));
  }
  return join(dir, name);
}
