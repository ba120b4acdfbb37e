// Use cases of the share application (共享申请) API: submit with idempotency, act through workflow
// updates, and present the read model. Routes stay thin; the process rules live in the workflow.
import type { Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { getAgency } from '../db/queries/agency.js';
import { listCaseEvents, type AuditEventRow } from '../db/queries/audit.js';
import { getResource } from '../db/queries/catalog.js';
import {
  applicationRowOf,
  getShareApplication,
  grantRowOf,
  type ShareApplicationRow,
  type ShareGrantRow,
} from '../db/queries/share-application.js';
import { AppError } from '../lib/errors.js';
import type { Config } from '../lib/config.js';
import type { Actor, Role } from '../workflows/common/actors.js';
import type { shareApplicationWorkflow } from '../workflows/share-application/workflow.js';
import { actOnCase, readBack, recordedCase, startCase, type CaseKind } from './cases.js';
import { shareApplicationWorkflowId, submittedUpdate } from '../workflows/share-application/messages.js';
import {
  shareApplicationStates,
  deliveryMethods,
  grantStates,
  type ShareApplicationInput,
  type ShareApplicationView,
} from '../workflows/share-application/types.js';
import { actionsOn, actionsSchema, withActions } from './case-actions.js';
import { actorOf, type Principal } from './plugins/auth.js';
import { caseIdForKey } from './idempotency.js';
import { calendarFrom, calendarIn } from '../activities/calendar.js';
import { localDate } from '../workflows/common/working-days.js';
import { actorSchema, requestedFieldsSchema, resourceIdSchema, text } from './schemas.js';
import {
  actingRoleOn,
  canSeeShareApplication,
  MAX_PERIOD_MONTHS,
  precheck,
  shareActions,
  shareRoles,
} from '../workflows/share-application/rules.js';

export interface ShareDeps {
  db: Db;
  temporal: Client;
  config: Config;
}

export const newShareApplicationSchema = z.object({
  resourceId: resourceIdSchema,
  fields: requestedFieldsSchema,
  purpose: text(),
  dutyBasis: text(),
  usageScope: text(),
  periodMonths: z.number().int().min(1).max(MAX_PERIOD_MONTHS),
  deliveryMethod: z.enum(deliveryMethods),
  securityMeasures: text().optional(),
});
export type NewShareApplication = z.infer<typeof newShareApplicationSchema>;

const decisionSchema = z.object({
  decision: z.string(),
  by: actorSchema,
  at: z.string(),
  reason: z.string().nullable(),
  legalBasis: z.string().nullable(),
  conditions: z.string().nullable(),
  automatic: z.boolean().optional(),
  final: z.boolean().optional(),
});
const extensionSchema = z.object({ by: actorSchema, at: z.string(), reason: z.string(), extendWd: z.number() });

export const timelineEventSchema = z
  .object({
    id: z.number(),
    action: z.string(),
    fromState: z.string().nullable(),
    toState: z.string().nullable(),
    actorId: z.string(),
    actorName: z.string().nullable(),
    actorRole: z.string(),
    actorAgency: z.string().nullable(),
    at: z.string(),
    reason: z.string().nullable(),
    legalBasis: z.string().nullable(),
    data: z.record(z.string(), z.unknown()).nullable(),
    hash: z.string(),
    prevHash: z.string(),
  })
  .meta({ id: 'AuditEvent' });

export const applicationSchema = z
  .object({
    id: z.string(),
    state: z.enum(shareApplicationStates),
    overdue: z.boolean(),
    applicantAgency: z.string(),
    providerAgency: z.string(),
    resourceId: z.string(),
    resourceCode: z.string(),
    resourceName: z.string(),
    shareType: z.string(),
    fields: z.array(z.string()),
    purpose: z.string(),
    dutyBasis: z.string(),
    usageScope: z.string(),
    periodMonths: z.number(),
    deliveryMethod: z.enum(deliveryMethods),
    securityMeasures: z.string().nullable(),
    reviewDueAt: z.string().nullable(),
    reviewDueDate: z.string().nullable(),
    supplementDueAt: z.string().nullable(),
    supplementDueDate: z.string().nullable(),
    objectionDueAt: z.string().nullable(),
    objectionDueDate: z.string().nullable(),
    deadlineProvisional: z.boolean(),
    missing: z.array(z.string()).nullable(),
    decision: decisionSchema.nullable(),
    extension: extensionSchema.nullable(),
    supplements: z.array(
      z.object({
        by: actorSchema,
        at: z.string(),
        note: z.string(),
        missing: z.array(z.string()),
        changes: z.record(z.string(), z.string()),
      }),
    ),
    renewal: z
      .object({
        state: z.string(),
        periodMonths: z.number(),
        reason: z.string(),
        requestedBy: actorSchema,
        requestedAt: z.string(),
        reviewDueAt: z.string().nullable(),
        reviewDueDate: z.string().nullable(),
        overdue: z.boolean(),
        decision: decisionSchema.nullable(),
        extension: extensionSchema.nullable(),
      })
      .nullable(),
    urgedCount: z.number(),
    grant: z
      .object({
        id: z.string(),
        state: z.enum(grantStates),
        fields: z.array(z.string()),
        conditions: z.string().nullable(),
        grantedAt: z.string(),
        expiresAt: z.string(),
        expiresDate: z.string(),
        revokedAt: z.string().nullable(),
        revokedReason: z.string().nullable(),
      })
      .nullable(),
    submittedBy: z.string(),
    submittedAt: z.string(),
    updatedAt: z.string(),
    version: z.number(),
    actions: actionsSchema(shareActions),
    timeline: z.array(timelineEventSchema).optional(),
  })
  .meta({ id: 'ShareApplication' });
export type ApplicationDto = z.infer<typeof applicationSchema>;

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

export function timelineDto(e: AuditEventRow) {
  return { ...e, at: e.at.toISOString(), data: e.data ?? null };
}

export function applicationDto(
  a: ShareApplicationRow,
  g: Omit<ShareGrantRow, 'credentialHash'> | null,
  timeline?: AuditEventRow[],
): Omit<ApplicationDto, 'actions'> {
  const r = a.renewal;
  return {
    id: a.id,
    state: a.state,
    overdue: a.overdue,
    applicantAgency: a.applicantAgency,
    providerAgency: a.providerAgency,
    resourceId: a.resourceId,
    resourceCode: a.resourceCode,
    resourceName: a.resourceName,
    shareType: a.shareType,
    fields: a.fields,
    purpose: a.purpose,
    dutyBasis: a.dutyBasis,
    usageScope: a.usageScope,
    periodMonths: a.periodMonths,
    deliveryMethod: a.deliveryMethod,
    securityMeasures: a.securityMeasures,
    reviewDueAt: iso(a.reviewDueAt),
    reviewDueDate: a.reviewDueDate,
    supplementDueAt: iso(a.supplementDueAt),
    supplementDueDate: a.supplementDueDate,
    objectionDueAt: iso(a.objectionDueAt),
    objectionDueDate: a.objectionDueDate,
    deadlineProvisional: a.deadlineProvisional,
    missing: a.missing ?? null,
    decision: a.decision ?? null,
    extension: a.extension ?? null,
    supplements: a.supplements.map((s) => ({ ...s, changes: s.changes as Record<string, string> })),
    renewal: r
      ? {
          state: r.state,
          periodMonths: r.periodMonths,
          reason: r.reason,
          requestedBy: r.requestedBy,
          requestedAt: r.requestedAt,
          reviewDueAt: r.reviewDue?.dueAt ?? null,
          reviewDueDate: r.reviewDue?.dueDate ?? null,
          overdue: r.overdue,
          decision: r.decision,
          extension: r.extension,
        }
      : null,
    urgedCount: a.urgedCount,
    grant: g
      ? {
          id: g.id,
          state: g.state,
          fields: g.fields,
          conditions: g.conditions,
          grantedAt: g.grantedAt.toISOString(),
          expiresAt: g.expiresAt.toISOString(),
          expiresDate: g.expiresDate,
          revokedAt: iso(g.revokedAt),
          revokedReason: g.revokedReason,
        }
      : null,
    submittedBy: a.submittedBy,
    submittedAt: a.submittedAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    version: a.version,
    ...(timeline ? { timeline: timeline.map(timelineDto) } : {}),
  };
}

/**
 * The case with its timeline and the caller's actions, or 404 when it does not exist or the caller may not
 * know it does.
 */
export async function loadVisible(
  deps: Pick<ShareDeps, 'db' | 'config'>,
  p: Principal,
  id: string,
): Promise<ApplicationDto> {
  const [found, timeline] = await Promise.all([getShareApplication(deps.db, id), listCaseEvents(deps.db, id)]);
  if (!found || !canSeeShareApplication(p, found.application))
    throw new AppError('NOT_FOUND', 'no such share application');
  return withApplicationActions(deps, p, applicationDto(found.application, found.grant, timeline));
}

/** Adds the caller's actions to an application answer. */
export async function withApplicationActions(
  deps: Pick<ShareDeps, 'db' | 'config'>,
  p: Principal,
  dto: Omit<ApplicationDto, 'actions'>,
): Promise<ApplicationDto> {
  const [withIt] = await withActions<Omit<ApplicationDto, 'actions'>, ApplicationDto['actions'][number]>(
    deps.db,
    'share-application',
    p,
    deps.config.policy,
    [dto],
    (a) => a.id,
  );
  return withIt!;
}

/** Submits an application: validates it against the catalog, then starts its workflow exactly once. */
export async function submitShareApplication(
  deps: ShareDeps,
  p: Principal,
  body: NewShareApplication,
  idempotencyKey: string | undefined,
): Promise<ApplicationDto> {
  const { db } = deps;
  const applicantAgency = p.agency!;
  const [resource, applicant, calendar] = await Promise.all([
    getResource(db, body.resourceId),
    getAgency(db, applicantAgency),
    calendarIn(db),
  ]);
  if (!resource)
    throw new AppError('VALIDATION_FAILED', 'the resource is not in the catalog', {
      errors: [{ path: 'resourceId', message: 'no such resource' }],
    });
  if (resource.providerAgency === applicantAgency) {
    throw new AppError('VALIDATION_FAILED', "an agency does not apply for its own agency's data", {
      errors: [{ path: 'resourceId', message: 'provided by your own agency' }],
    });
  }
  if (!applicant) throw new AppError('FORBIDDEN', `your agency ${applicantAgency} is not registered with the bureau`);
  const provider = await getAgency(db, resource.providerAgency);
  const known = new Set(resource.fields.map((f) => f.name));
  const fields = body.fields ?? resource.fields.map((f) => f.name);
  const unknown = fields.filter((f) => !known.has(f));
  if (unknown.length) {
    throw new AppError('VALIDATION_FAILED', `fields not in the resource: ${unknown.join(', ')}`, {
      errors: [{ path: 'fields', message: `not in the resource: ${unknown.join(', ')}` }],
    });
  }

  const { id, earlier } = await caseIdForKey(db, `share-application:${p.sub}`, idempotencyKey, body);
  if (earlier) {
    const existing = await getShareApplication(db, id);
    if (existing) return loadVisible(deps, p, id);
  }

  const input: ShareApplicationInput = {
    id,
    applicantAgency,
    submittedBy: actorOf(p, shareRoles.apply[0]),
    resource: {
      id: resource.id,
      code: resource.code,
      name: resource.name,
      providerAgency: resource.providerAgency,
      shareType: resource.shareType,
      legalBasis: resource.legalBasis,
      fields: resource.fields.map((f) => f.name),
    },
    request: {
      fields,
      purpose: body.purpose,
      dutyBasis: body.dutyBasis,
      usageScope: body.usageScope,
      periodMonths: body.periodMonths,
      deliveryMethod: body.deliveryMethod,
      securityMeasures: body.securityMeasures ?? null,
    },
    policy: deps.config.policy.share,
    agencyNames: { [applicant.code]: applicant.name, ...(provider ? { [provider.code]: provider.name } : {}) },
    // The calendar in force, so the case computes its deadlines without reading it again.
    calendar: calendarFrom(calendar, Number(localDate(Date.now()).slice(0, 4))),
    // The bureau's pre-check, on the catalog entry this request was just validated against.
    ...(resource.shareType === 'unconditional'
      ? {
          precheck: precheck({
            applicantAgency,
            applicantRegistered: true,
            fields,
            resource: { shareType: resource.shareType, fields: [...known] },
          }),
        }
      : {}),
  };
  const view = await startCase<typeof shareApplicationWorkflow, ShareApplicationView>(
    { temporal: deps.temporal, taskQueue: deps.config.temporal.taskQueue },
    { type: 'shareApplicationWorkflow', id: shareApplicationWorkflowId(id), args: [input] },
    submittedUpdate,
  );
  if (view) {
    // Registered and recorded: the answer is the workflow's own view, with the audit events written.
    const events = await readBack(id, 'application', () => listCaseEvents(db, id));
    const dto = applicationDto(applicationRowOf(view), grantRowOf(view), events);
    return {
      ...dto,
      actions: actionsOn('share-application', view, p, deps.config.policy) as ApplicationDto['actions'],
    };
  }
  recordedCase(await readBack(id, 'application', () => getShareApplication(db, id)), 'application');
  return readBack(id, 'application', () => loadVisible(deps, p, id));
}

/** P1 cases as the API acts on them: visibility and the acting role are rules.ts's. */
export const shareCases: CaseKind<ShareApplicationRow> = {
  noun: 'share application',
  load: async (db, id) => (await getShareApplication(db, id))?.application ?? null,
  canSee: canSeeShareApplication,
  roleFor: actingRoleOn,
  workflowId: (row) => row.workflowId,
  state: (row) => row.state,
};

/** Acts on a share application (see actOnCase) and answers it as it is now, with the caller's actions. */
export async function actOnShareApplication<A>(
  deps: ShareDeps,
  p: Principal,
  id: string,
  allowed: readonly Role[],
  update: UpdateDefinition<ShareApplicationView, [A]>,
  makeArgs: (actor: Actor) => A,
): Promise<ApplicationDto> {
  await actOnCase(deps, shareCases, p, id, allowed, update, makeArgs);
  // The action is durable now: a database that fails this instant must not make it look refused.
  return readBack(id, 'application', () => loadVisible(deps, p, id));
}
