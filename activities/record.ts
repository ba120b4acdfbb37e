// The record activity every case process has: writes transitions of one case (read model, audit
// event, notices, work list). Idempotent: a transition already written is not written again.
import type { Db } from '../db/client.js';
import { writeCaseEvent } from '../db/queries/case-events.js';
import type { Logger } from '../lib/logger.js';
import type { CaseEvent, NotificationSpec } from '../workflows/common/events.js';
import type { CaseWork } from '../workflows/common/work.js';

/** What a change carries besides these only moves its case: its read model follows from the view. */
const plain = new Set(['view', 'event', 'notify', 'indicators']);

/**
 * A record activity over `save` (one transition, its read model and side tables, in one
 * transaction). Transitions queued together (a submission and its automatic decision) arrive as a
 * list and are written in one transaction: each one's audit event and notices, and the read model
 * and work list once, from the last — unless an earlier one carries more than its view (a deny-list
 * entry), which is then saved in full.
 */
export function recorder<C extends { view: unknown; event: CaseEvent; notify: NotificationSpec[] }>(
  db: Db,
  logger: Logger,
  what: string,
  p: {
    work: (change: C) => CaseWork;
    save: (db: Db, change: C, work: CaseWork) => Promise<boolean>;
    fields: (change: C) => Record<string, unknown>;
  },
): (changes: C | C[]) => Promise<void> {
  const fields = p.fields;
  return async (changes) => {
    const list = Array.isArray(changes) ? changes : [changes];
    const written =
      list.length === 1
        ? [await p.save(db, list[0]!, p.work(list[0]!))]
        : await db.transaction(async (tx) => {
            const out: boolean[] = [];
            for (const [i, change] of list.entries()) {
              const last = i === list.length - 1;
              const moveOnly = Object.keys(change).every((k) => plain.has(k));
              out.push(
                last || !moveOnly
                  ? await p.save(tx as unknown as Db, change, p.work(change))
                  : await writeCaseEvent(tx, p.work(change), change.event, change.notify, { workList: false }),
              );
            }
            return out;
          });
    list.forEach((change, i) =>
      logger.debug(
        {
          ...fields(change),
          action: change.event.action,
          from: change.event.from,
          to: change.event.to,
          replayed: !written[i],
        },
        `${what} recorded`,
      ),
    );
  };
}
