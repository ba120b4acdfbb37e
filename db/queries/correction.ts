import type { CaseWork } from '../../workflows/common/work.js';
import { and, desc, eq, inArray, lt, or, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../client.js';
import { afterCursor, pageOf, type Cursor } from './page.js';
import { catalogResources } from '../schema/catalog.js';
import { corrections } from '../schema/correction.js';
import type { CorrectionChange, CorrectionView } from '../../workflows/correction/types.js';
import { writeCaseEvent } from './case-events.js';

export type CorrectionRow = typeof corrections.$inferSelect;

function rowOf(v: CorrectionView): typeof corrections.$inferInsert {
  return {
    id: v.id,
    workflowId: `correction:${v.id}`,
    resourceId: v.resource.id,
    resourceCode: v.resource.code,
    resourceName: v.resource.name,
    providerAgency: v.resource.providerAgency,
    assignedAgency: v.assignedAgency,
    ...v.report,
    reporterId: v.reporter.id,
    reporterAgency: v.reporter.agency ?? null,
    state: v.state,
    overdue: v.overdue,
    verifyDueAt: v.verifyDue ? new Date(v.verifyDue.dueAt) : null,
    verifyDueDate: v.verifyDue?.dueDate ?? null,
    forwardDueAt: v.forwardDue ? new Date(v.forwardDue.dueAt) : null,
    forwardDueDate: v.forwardDue?.dueDate ?? null,
    returned: v.returned ?? null,
    extension: v.extension,
    outcome: v.outcome,
    transferredFrom: v.transferredFrom?.correctionId ?? null,
    submittedAt: new Date(v.submittedAt),
    updatedAt: new Date(v.updatedAt),
    version: v.version,
  };
}

/**
 * Writes one transition atomically: the row (if newer), the resource's disputed mark (true while any
 * correction of it is open), the audit event and notifications. Safe to retry.
 */
export async function saveCorrectionChange(db: Db, change: CorrectionChange, work: CaseWork): Promise<boolean> {
  const v = change.view;
  return db.transaction(async (tx) => {
    // One writer per resource at a time, so two reports opening and closing at once agree on the mark.
    await tx
      .select({ id: catalogResources.id })
      .from(catalogResources)
      .where(eq(catalogResources.id, v.resource.id))
      .for('update');
    const row = rowOf(v);
    await tx
      .insert(corrections)
      .values(row)
      .onConflictDoUpdate({
        target: corrections.id,
        set: { ...row, id: undefined, workflowId: undefined },
        setWhere: lt(corrections.version, v.version),
      });
    const [open] = await tx
      .select({ id: corrections.id })
      .from(corrections)
      .where(and(eq(corrections.resourceId, v.resource.id), inArray(corrections.state, ['forwarding', 'verifying'])))
      .limit(1);
    await tx.update(catalogResources).set({ disputed: !!open }).where(eq(catalogResources.id, v.resource.id));
    return writeCaseEvent(tx, work, change.event, change.notify);
  });
}

export async function getCorrection(db: DbOrTx, id: string): Promise<CorrectionRow | null> {
  const [row] = await db.select().from(corrections).where(eq(corrections.id, id)).limit(1);
  return row ?? null;
}

export interface CorrectionScope {
  reporterId?: string;
  agency?: string;
}

/** Newest first, keyset-paginated on (submitted_at, id); scoped to the reporter or an agency's cases. */
export async function listCorrections(db: DbOrTx, scope: CorrectionScope, limit: number, cursor: Cursor | null) {
  const where: SQL[] = [];
  const visible: SQL[] = [];
  if (scope.reporterId) visible.push(eq(corrections.reporterId, scope.reporterId));
  if (scope.agency)
    visible.push(eq(corrections.assignedAgency, scope.agency), eq(corrections.providerAgency, scope.agency));
  if (visible.length) where.push(or(...visible)!);
  if (cursor) {
    where.push(afterCursor(corrections.submittedAt, corrections.id, cursor));
  }
  const rows = await db
    .select()
    .from(corrections)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(corrections.submittedAt), desc(corrections.id))
    .limit(limit + 1);
  return pageOf(rows, limit, (r) => r.submittedAt);
}
