import type { CaseWork } from '../../workflows/common/work.js';
import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../client.js';
import { afterCursor, pageOf, type Cursor } from './page.js';
import { objections } from '../schema/objection.js';
import type { ObjectionChange, ObjectionState, ObjectionView } from '../../workflows/objection/types.js';
import { writeCaseEvent } from './case-events.js';
import { objectionFlags } from '../../workflows/objection/rules.js';

export type ObjectionRow = typeof objections.$inferSelect;

const at = (iso: string | null | undefined): Date | null => (iso ? new Date(iso) : null);

function rowOf(v: ObjectionView): typeof objections.$inferInsert {
  return {
    id: v.id,
    workflowId: `objection:${v.id}`,
    applicationId: v.applicationId,
    applicantAgency: v.applicantAgency,
    providerAgency: v.providerAgency,
    resourceCode: v.resource.code,
    resourceName: v.resource.name,
    refusal: v.refusal,
    statement: v.statement,
    dutyBasis: v.dutyBasis,
    filedBy: v.filedBy,
    state: v.state,
    overdue: v.overdue,
    coordinator: v.coordinator,
    negotiationDueAt: at(v.negotiationDue?.dueAt),
    negotiationDueDate: v.negotiationDue?.dueDate ?? null,
    statementDueAt: at(v.statementDue?.dueAt),
    statementDueDate: v.statementDue?.dueDate ?? null,
    coordinationDueAt: at(v.coordinationDue?.dueAt),
    coordinationDueDate: v.coordinationDue?.dueDate ?? null,
    ...objectionFlags(v),
    statements: v.statements,
    minutes: v.minutes,
    escalation: v.escalation,
    ruling: v.ruling,
    outcome: v.ruling?.outcome ?? null,
    filedAt: new Date(v.filedAt),
    updatedAt: new Date(v.updatedAt),
    version: v.version,
  };
}

/** Writes one transition atomically (row if newer, audit event, notifications); safe to retry. */
export async function saveObjectionChange(db: Db, change: ObjectionChange, work: CaseWork): Promise<boolean> {
  const v = change.view;
  return db.transaction(async (tx) => {
    const row = rowOf(v);
    await tx
      .insert(objections)
      .values(row)
      .onConflictDoUpdate({
        target: objections.id,
        set: { ...row, id: undefined, workflowId: undefined },
        setWhere: lt(objections.version, v.version),
      });
    return writeCaseEvent(tx, work, change.event, change.notify);
  });
}

export async function getObjection(db: DbOrTx, id: string): Promise<ObjectionRow | null> {
  const [row] = await db.select().from(objections).where(eq(objections.id, id)).limit(1);
  return row ?? null;
}

export interface ObjectionFilter {
  visibleToAgency?: string;
  state?: ObjectionState;
}

/** Newest first, keyset-paginated on (filed_at, id). */
export async function listObjections(db: DbOrTx, filter: ObjectionFilter, limit: number, cursor: Cursor | null) {
  const where: SQL[] = [];
  if (filter.visibleToAgency)
    where.push(
      or(
        eq(objections.applicantAgency, filter.visibleToAgency),
        eq(objections.providerAgency, filter.visibleToAgency),
      )!,
    );
  if (filter.state) where.push(eq(objections.state, filter.state));
  if (cursor) {
    where.push(afterCursor(objections.filedAt, objections.id, cursor));
  }
  const rows = await db
    .select()
    .from(objections)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(objections.filedAt), desc(objections.id))
    .limit(limit + 1);
  return pageOf(rows, limit, (r) => r.filedAt);
}
