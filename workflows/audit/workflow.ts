// The audit chain's checkpoint (审计链检查点), started every hour by a Temporal Schedule: one activity
// signs the chain's head (count, hash, time), stores it and copies it to the city's directory.
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { caseActivityOptions } from '../common/case.js';

const acts = proxyActivities<Activities>(caseActivityOptions);

export async function auditCheckpointWorkflow(): Promise<{ lastId: number; at: string }> {
  const { lastId, at } = await acts.writeAuditCheckpoint();
  return { lastId, at };
}
