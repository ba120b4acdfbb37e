import type { CaseWork } from '../../workflows/common/work.js';
import { and, desc, eq, gt, inArray, lt, lte, or, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../client.js';
import { afterCursor, pageOf, type Cursor } from './page.js';
import { shareApplications, shareGrants } from '../schema/share-application.js';
import {
  type ShareApplicationChange,
  type ShareApplicationState,
  type ShareApplicationView,
} from '../../workflows/share-application/types.js';
import { writeCaseEvent } from './case-events.js';
import { shareFlags } from '../../workflows/share-application/rules.js';

export type ShareApplicationRow = typeof shareApplications.$inferSelect;
export type ShareGrantRow = typeof shareGrants.$inferSelect;

const at = (iso: string | null | undefined): Date | null => (iso ? new Date(iso) : null);

/** The read-model row of a view, as a transition writes it. */
export function applicationRowOf(v: ShareApplicationView): ShareApplicationRow {
  return {
    id: v.id,
    workflowId: `share-application:${v.id}`,
    applicantAgency: v.applicantAgency,
    providerAgency: v.providerAgency,
    resourceId: v.resource.id,
    resourceCode: v.resource.code,
    resourceName: v.resource.name,
    shareType: v.resource.shareType,
    fields: v.request.fields,
    purpose: v.request.purpose,
    dutyBasis: v.request.dutyBasis,
    usageScope: v.request.usageScope,
    periodMonths: v.request.periodMonths,
    deliveryMethod: v.request.deliveryMethod,
    securityMeasures: v.request.securityMeasures,
    state: v.state,
    ...shareFlags(v),
    reviewDueAt: at(v.reviewDue?.dueAt),
    reviewDueDate: v.reviewDue?.dueDate ?? null,
    supplementDueAt: at(v.supplementDue?.dueAt),
    supplementDueDate: v.supplementDue?.dueDate ?? null,
    objectionDueAt: at(v.objectionDue?.dueAt),
    objectionDueDate: v.objectionDue?.dueDate ?? null,
    missing: v.missing,
    decision: v.decision,
    extension: v.extension,
    supplements: v.supplements,
    renewal: v.renewal,
    urgedCount: v.urgedCount,
    submittedBy: v.submittedBy.id,
    submittedAt: new Date(v.submittedAt),
    updatedAt: new Date(v.updatedAt),
    version: v.version,
  };
}

/** The grant row of a view that has a grant. */
export function grantRowOf(v: ShareApplicationView): Omit<ShareGrantRow, 'credentialHash'> | null {
  const g = v.grant;
  if (!g) return null;
  return {
    id: g.id,
    applicationId: v.id,
    applicantAgency: v.applicantAgency,
    providerAgency: v.providerAgency,
    resourceId: v.resource.id,
    fields: g.fields,
    conditions: g.conditions,
    state: g.state,
    grantedAt: new Date(g.grantedAt),
    expiresAt: new Date(g.expiresAt),
    expiresDate: g.expiresDate,
    revokedAt: at(g.revokedAt),
    revokedReason: g.revokedReason,
    updatedAt: new Date(v.updatedAt),
  };
}

/**
 * Writes one transition atomically: the read-model row (only if newer), the grant, the audit
 * event and the notifications. Safe to retry: the event key makes a repeat a no-op.
 */
export async function saveShareApplicationChange(
  db: Db,
  change: ShareApplicationChange,
  work: CaseWork,
): Promise<boolean> {
  const v = change.view;
  return db.transaction(async (tx) => {
    const row = applicationRowOf(v);
    await tx
      .insert(shareApplications)
      .values(row)
      .onConflictDoUpdate({
        target: shareApplications.id,
        set: { ...row, id: undefined, workflowId: undefined },
        setWhere: lt(shareApplications.version, v.version),
      });
    const grantRow = grantRowOf(v);
    if (grantRow) {
      await tx
        .insert(shareGrants)
        .values(grantRow)
        .onConflictDoUpdate({
          target: shareGrants.applicationId,
          set: { ...grantRow, applicationId: undefined },
          setWhere: lte(shareGrants.updatedAt, grantRow.updatedAt),
        });
    }
    return writeCaseEvent(tx, work, change.event, change.notify);
  });
}

export async function getShareApplication(
  db: DbOrTx,
  id: string,
): Promise<{ application: ShareApplicationRow; grant: ShareGrantRow | null } | null> {
  const [row] = await db
    .select({ application: shareApplications, grant: shareGrants })
    .from(shareApplications)
    .leftJoin(shareGrants, eq(shareGrants.applicationId, shareApplications.id))
    .where(eq(shareApplications.id, id))
    .limit(1);
  return row ? { application: row.application, grant: row.grant ?? null } : null;
}

export interface ShareApplicationFilter {
  /** Agencies whose cases the caller may see as a party; undefined = all (bureau). */
  visibleToAgency?: string;
  state?: ShareApplicationState;
  applicant?: string;
  provider?: string;
  resourceId?: string;
  overdue?: boolean;
}

export type { Cursor } from './page.js';

/** Newest first, keyset-paginated on (submitted_at, id), served from the indexes. */
export async function listShareApplications(
  db: DbOrTx,
  filter: ShareApplicationFilter,
  limit: number,
  cursor: Cursor | null,
) {
  const where: SQL[] = [];
  if (filter.visibleToAgency) {
    where.push(
      or(
        eq(shareApplications.applicantAgency, filter.visibleToAgency),
        eq(shareApplications.providerAgency, filter.visibleToAgency),
      )!,
    );
  }
  if (filter.state) where.push(eq(shareApplications.state, filter.state));
  if (filter.applicant) where.push(eq(shareApplications.applicantAgency, filter.applicant));
  if (filter.provider) where.push(eq(shareApplications.providerAgency, filter.provider));
  if (filter.resourceId) where.push(eq(shareApplications.resourceId, filter.resourceId));
  if (filter.overdue !== undefined) where.push(eq(shareApplications.overdue, filter.overdue));
  if (cursor) {
    where.push(afterCursor(shareApplications.submittedAt, shareApplications.id, cursor));
  }
  const rows = await db
    .select()
    .from(shareApplications)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(shareApplications.submittedAt), desc(shareApplications.id))
    .limit(limit + 1);
  const { items: page, nextCursor } = pageOf(rows, limit, (r) => r.submittedAt);
  const grants = page.length
    ? await db
        .select()
        .from(shareGrants)
        .where(
          inArray(
            shareGrants.applicationId,
            page.map((r) => r.id),
          ),
        )
    : [];
  const byApp = new Map(grants.map((g) => [g.applicationId, g]));
  return { items: page.map((application) => ({ application, grant: byApp.get(application.id) ?? null })), nextCursor };
}

/** Whether `agency` holds an active, unexpired share grant on the resource (P5: who may report an error in it). */
export async function holdsActiveGrant(
  db: DbOrTx,
  agency: string,
  resourceId: string,
  now = new Date(),
): Promise<boolean> {
  const [row] = await db
    .select({ id: shareGrants.id })
    .from(shareGrants)
    .where(
      and(
        eq(shareGrants.applicantAgency, agency),
        eq(shareGrants.resourceId, resourceId),
        eq(shareGrants.state, 'active'),
        gt(shareGrants.expiresAt, now),
      ),
    )
    .limit(1);
  return !!row;
}
