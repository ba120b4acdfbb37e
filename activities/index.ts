// All activities, built from their dependencies so tests can swap any part.
import type { Db } from '../db/client.js';
import type { Logger } from '../lib/logger.js';
import { createCalendarActivities } from './calendar.js';
import { createObjectionActivities } from './objection.js';
import { createOpenDataActivities } from './open-data-request.js';
import { createShareApplicationActivities } from './share-application.js';

export interface ActivityDeps {
  db: Db;
  logger: Logger;
}

export function createActivities(deps: ActivityDeps) {
  return {
    ...createCalendarActivities(deps),
    ...createShareApplicationActivities(deps),
    ...createObjectionActivities(deps),
    ...createOpenDataActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
