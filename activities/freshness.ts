// The freshness sweep's side effects: recompute, store changes, tell the provider at overdue and
// the bureau at delinquent. Safe to repeat: a notification's key names the resource, state and cycle.
import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { insertNotifications } from '../db/queries/notification.js';
import { catalogResources } from '../db/schema/catalog.js';
import type { Logger } from '../lib/logger.js';
import { freshnessOf, nextExpected } from '../workflows/freshness/rules.js';
import { localDate } from '../workflows/common/working-days.js';
import type { Policy } from '../policy/index.js';
import { currentCalendar } from './calendar.js';

export function createFreshnessActivities({ db, logger, policy }: { db: Db; logger: Logger; policy: Policy }) {
  return {
    async sweepFreshness({ today }: { today: string }): Promise<{ date: string; checked: number; changed: number }> {
      const calendar = await currentCalendar(db);
      let checked = 0;
      let changed = 0;
      for (let after = ''; ;) {
        const page = await db
          .select()
          .from(catalogResources)
          .where(gt(catalogResources.id, after || '00000000-0000-0000-0000-000000000000'))
          .orderBy(asc(catalogResources.id))
          .limit(500);
        for (const r of page) {
          checked += 1;
          const last = localDate((r.lastDataUpdateAt ?? r.createdAt).getTime());
          const state = freshnessOf(r.updateCycle, last, today, calendar, policy.freshness);
          if (state === r.freshness) continue;
          await db.transaction(async (tx) => {
            // Only if no data update arrived since the page was read: that one made it fresh.
            const sameUpdate = r.lastDataUpdateAt
              ? eq(catalogResources.lastDataUpdateAt, r.lastDataUpdateAt)
              : isNull(catalogResources.lastDataUpdateAt);
            const updated = await tx
              .update(catalogResources)
              .set({ freshness: state, updatedAt: new Date() })
              .where(and(eq(catalogResources.id, r.id), sameUpdate))
              .returning({ id: catalogResources.id });
            if (!updated.length) return;
            changed += 1;
            const expected = nextExpected(last, r.updateCycle);
            const label = `${r.name} (${r.code})`;
            // The provider is told at overdue, also when a resource passes straight to delinquent (short cycles).
            if (state === 'overdue' || state === 'delinquent') {
              await insertNotifications(tx, `freshness:${r.id}:overdue:${expected}`, 'freshness', r.id, [
                {
                  audience: 'agency',
                  recipient: r.providerAgency,
                  kind: 'freshness_overdue',
                  title: `数据更新超期：${label}，应于 ${expected} 前更新`,
                },
              ]);
            }
            if (state === 'delinquent') {
              await insertNotifications(tx, `freshness:${r.id}:delinquent:${expected}`, 'freshness', r.id, [
                {
                  audience: 'bureau',
                  recipient: null,
                  kind: 'freshness_delinquent',
                  title: `连续两个更新周期未更新（督办）：${r.providerAgency}，${label}`,
                },
              ]);
            }
          });
        }
        if (page.length < 500) break;
        after = page[page.length - 1]!.id;
      }
      logger.info({ date: today, checked, changed }, 'freshness sweep');
      return { date: today, checked, changed };
    },
  };
}
