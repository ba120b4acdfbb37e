import type { CaseWork } from '../../workflows/common/work.js';
import { and, asc, desc, eq, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../client.js';
import { afterCursor, pageOf, type Cursor } from './page.js';
import {
  agreementTexts,
  credentials,
  openDataDenyList,
  openDataIdentities,
  openDataRequests,
} from '../schema/open-data-request.js';
import { type OpenDataChange, type OpenDataState, type OpenDataView } from '../../workflows/open-data-request/types.js';
import { writeCaseEvent } from './case-events.js';
import { openDataFlags } from '../../workflows/open-data-request/rules.js';

export type OpenDataRow = typeof openDataRequests.$inferSelect;
export type CredentialRow = typeof credentials.$inferSelect;

const at = (iso: string | null | undefined): Date | null => (iso ? new Date(iso) : null);

function rowOf(v: OpenDataView): typeof openDataRequests.$inferInsert {
  return {
    id: v.id,
    workflowId: `open-data-request:${v.id}`,
    resourceId: v.resource.id,
    resourceCode: v.resource.code,
    resourceName: v.resource.name,
    providerAgency: v.resource.providerAgency,
    fields: v.request.fields,
    requesterKind: v.requester.kind,
    requesterName: v.requester.name,
    requesterMasked: v.requester.identifierMasked,
    requesterKey: v.requester.key,
    requesterContact: v.requester.contact,
    requesterUser: v.requester.userId,
    purpose: v.request.purpose,
    scenario: v.request.scenario,
    periodMonths: v.request.periodMonths,
    securityMeasures: v.request.securityMeasures,
    state: v.state,
    overdue: v.overdue,
    formalCheckDueAt: at(v.formalCheckDue?.dueAt),
    formalCheckDueDate: v.formalCheckDue?.dueDate ?? null,
    reviewDueAt: at(v.reviewDue?.dueAt),
    reviewDueDate: v.reviewDue?.dueDate ?? null,
    agreementDueAt: at(v.agreementDue?.dueAt),
    agreementDueDate: v.agreementDue?.dueDate ?? null,
    nextReportDueAt: at(v.nextReportDueAt),
    nextReportDueDate: v.nextReportDueDate,
    graceDueDate: v.graceDue?.dueDate ?? null,
    ...openDataFlags(v),
    returnedReasons: v.returnedReasons,
    decision: v.decision,
    agreementVersion: v.agreementVersion,
    signature: v.signature,
    activatedAt: at(v.activatedAt),
    expiresAt: at(v.expiresAt),
    expiresDate: v.expiresDate,
    reports: v.reports,
    warnings: v.warnings,
    revocation: v.revocation,
    submittedAt: new Date(v.submittedAt),
    updatedAt: new Date(v.updatedAt),
    version: v.version,
  };
}

/** Writes one transition atomically (row if newer, deny-list entry, audit event, notifications); safe to retry. */
export async function saveOpenDataChange(db: Db, change: OpenDataChange, work: CaseWork): Promise<boolean> {
  const v = change.view;
  return db.transaction(async (tx) => {
    const row = rowOf(v);
    await tx
      .insert(openDataRequests)
      .values(row)
      .onConflictDoUpdate({
        target: openDataRequests.id,
        set: { ...row, id: undefined, workflowId: undefined },
        setWhere: lt(openDataRequests.version, v.version),
      });
    if (change.denyList) {
      const { resourceId, requesterKeys, reason } = change.denyList;
      await tx
        .insert(openDataDenyList)
        .values(requesterKeys.map((requesterKey) => ({ resourceId, requesterKey, reason, requestId: v.id })))
        .onConflictDoNothing();
    }
    if (v.state === 'revoked' || v.state === 'expired') {
      await tx
        .update(credentials)
        .set({ revokedAt: new Date(v.updatedAt) })
        .where(and(eq(credentials.caseId, v.id), isNull(credentials.revokedAt)));
    }
    return writeCaseEvent(tx, work, change.event, change.notify);
  });
}

export async function isDenyListed(db: DbOrTx, resourceId: string, requesterKeys: string[]): Promise<boolean> {
  const [row] = await db
    .select({ key: openDataDenyList.requesterKey })
    .from(openDataDenyList)
    .where(and(eq(openDataDenyList.resourceId, resourceId), inArray(openDataDenyList.requesterKey, requesterKeys)))
    .limit(1);
  return !!row;
}

export const DEFAULT_AGREEMENT = {
  title: '公共数据开放利用协议',
  body: '利用主体应当按照申请的用途和场景使用数据，落实数据安全保护措施，不得超范围使用或向第三方提供，每六个月报告数据利用情况和成果；违反约定的，数据提供单位可以终止开放并将其列入该数据的限制名单。',
};

/** The agreement in force: the newest published version (the default text is published once). */
export async function currentAgreement(db: DbOrTx) {
  const [latest] = await db.select().from(agreementTexts).orderBy(desc(agreementTexts.version)).limit(1);
  if (latest) return latest;
  await db
    .insert(agreementTexts)
    .values({ version: 1, ...DEFAULT_AGREEMENT, publishedBy: 'system' })
    .onConflictDoNothing();
  const [first] = await db.select().from(agreementTexts).orderBy(asc(agreementTexts.version)).limit(1);
  return first!;
}

export async function getAgreement(db: DbOrTx, version: number) {
  const [row] = await db.select().from(agreementTexts).where(eq(agreementTexts.version, version)).limit(1);
  return row ?? null;
}

/** Publishes the next version; two publishers at once get consecutive numbers (the loser retries). */
export async function publishAgreement(db: DbOrTx, input: { title: string; body: string; publishedBy: string }) {
  for (let attempt = 0; ; attempt++) {
    const latest = await currentAgreement(db);
    const [row] = await db
      .insert(agreementTexts)
      .values({ ...input, version: latest.version + 1 })
      .onConflictDoNothing()
      .returning();
    if (row) return row;
    if (attempt >= 5) throw new Error('could not number the new agreement version');
  }
}

export async function saveIdentity(db: DbOrTx, input: { requestId: string; kind: string; identifier: string }) {
  await db.insert(openDataIdentities).values(input).onConflictDoNothing();
}

export async function deleteIdentity(db: DbOrTx, requestId: string) {
  await db.delete(openDataIdentities).where(eq(openDataIdentities.requestId, requestId));
}

export async function getOpenDataRequest(db: DbOrTx, id: string): Promise<OpenDataRow | null> {
  const [row] = await db.select().from(openDataRequests).where(eq(openDataRequests.id, id)).limit(1);
  return row ?? null;
}

export interface OpenDataFilter {
  requesterUser?: string;
  providerAgency?: string;
  state?: OpenDataState;
}

/** Newest first, keyset-paginated on (submitted_at, id). */
export async function listOpenDataRequests(db: DbOrTx, filter: OpenDataFilter, limit: number, cursor: Cursor | null) {
  const where: SQL[] = [];
  if (filter.requesterUser) where.push(eq(openDataRequests.requesterUser, filter.requesterUser));
  if (filter.providerAgency) where.push(eq(openDataRequests.providerAgency, filter.providerAgency));
  if (filter.state) where.push(eq(openDataRequests.state, filter.state));
  if (cursor) {
    where.push(afterCursor(openDataRequests.submittedAt, openDataRequests.id, cursor));
  }
  const rows = await db
    .select()
    .from(openDataRequests)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(openDataRequests.submittedAt), desc(openDataRequests.id))
    .limit(limit + 1);
  return pageOf(rows, limit, (r) => r.submittedAt);
}

/** Issues a credential for a case, revoking any earlier one (so at most one is live). */
export async function issueCredential(
  db: Db,
  input: { id: string; hash: string; kind: 'open_data' | 'share'; caseId: string; holder: string },
) {
  return db.transaction(async (tx) => {
    // Rotations of one case are serialised, so at most one credential is ever live.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${input.caseId}))`);
    await tx
      .update(credentials)
      .set({ revokedAt: new Date() })
      .where(and(eq(credentials.caseId, input.caseId), isNull(credentials.revokedAt)));
    const [row] = await tx.insert(credentials).values(input).returning();
    return row!;
  });
}

export async function findCredential(db: DbOrTx, hash: string): Promise<CredentialRow | null> {
  const [row] = await db.select().from(credentials).where(eq(credentials.hash, hash)).limit(1);
  return row ?? null;
}

/** Whether the user holds an active conditional-open agreement on the resource (P5: who may report an error in it). */
export async function holdsActiveAgreement(db: DbOrTx, user: string, resourceId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: openDataRequests.id })
    .from(openDataRequests)
    .where(
      and(
        eq(openDataRequests.requesterUser, user),
        eq(openDataRequests.resourceId, resourceId),
        eq(openDataRequests.state, 'active'),
      ),
    )
    .limit(1);
  return !!row;
}
