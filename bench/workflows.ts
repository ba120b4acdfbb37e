// The baselines of the share-application benchmark, measured on the same server in the same run:
// a workflow that answers its update-with-start at once, and a workflow that runs one activity.
import { proxyActivities, setHandler, defineUpdate, condition, allHandlersFinished } from '@temporalio/workflow';

export const bareUpdate = defineUpdate<string>('bare');

/** Answers the update that started it, then ends. */
export async function bareUpdateWorkflow(): Promise<void> {
  let answered = false;
  setHandler(bareUpdate, () => {
    answered = true;
    return 'ok';
  });
  await condition(() => answered && allHandlersFinished());
}

const { touch } = proxyActivities<{ touch(): Promise<void> }>({ startToCloseTimeout: '30 seconds' });

/** One activity, then the end. */
export async function oneActivityWorkflow(): Promise<void> {
  await touch();
}
