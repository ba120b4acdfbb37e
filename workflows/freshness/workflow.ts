// The daily freshness sweep (更新周期), started by a Temporal Schedule: one activity recomputes every
// resource's freshness for the local date of the workflow clock.
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { caseActivityOptions, today } from '../common/case.js';

const acts = proxyActivities<Activities>({ ...caseActivityOptions, startToCloseTimeout: '10 minutes' });

export interface FreshnessSweepResult {
  date: string;
  checked: number;
  changed: number;
}

export async function freshnessWorkflow(): Promise<FreshnessSweepResult> {
  return acts.sweepFreshness({ today: today() });
}
