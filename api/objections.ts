// Use cases of the objection (不予共享异议协商) API: filing through the share application's
// workflow, acting through the objection's updates, and presenting the read model and dossier.
import type { UpdateDefinition } from '@temporalio/common';
import { z } from 'zod';
import { actorSchema } from './schemas.js';
import { listCaseEvents, type AuditEventRow } from '../db/queries/audit.js';
import { getObjection, type ObjectionRow } from '../db/queries/objection.js';
import { getShareApplication } from '../db/queries/share-application.js';
import { AppError } from '../lib/errors.js';
import type { Role } from '../workflows/common/actors.js';
import { objectionWorkflowId, registeredUpdate } from '../workflows/objection/messages.js';
import { objectionOutcomes, objectionStates, type ObjectionView } from '../workflows/objection/types.js';
import { fileObjectionUpdate } from '../workflows/share-application/messages.js';
import { objectionActions } from '../workflows/objection/rules.js';
import { actionsSchema, withActions } from './case-actions.js';
import { actorOf, type Principal } from './plugins/auth.js';
import { actingRole, timelineDto, timelineEventSchema, type ShareDeps } from './share-applications.js';
import { caseIdForKey } from './idempotency.js';
import { temporalCall, updateCase } from './temporal-errors.js';
import { canSeeShareApplication } from '../workflows/share-application/rules.js';

export const objectionSchema = z
  .object({
    id: z.string(),
    applicationId: z.string(),
    state: z.enum(objectionStates),
    overdue: z.boolean(),
    applicantAgency: z.string(),
    providerAgency: z.string(),
    resourceCode: z.string(),
    resourceName: z.string(),
    refusal: z.object({
      reason: z.string().nullable(),
      legalBasis: z.string().nullable(),
      by: actorSchema,
      at: z.string(),
      automatic: z.boolean(),
    }),
    statement: z.string(),
    dutyBasis: z.string().nullable(),
    filedBy: actorSchema,
    filedAt: z.string(),
    coordinator: actorSchema.nullable(),
    negotiationDueAt: z.string().nullable(),
    negotiationDueDate: z.string().nullable(),
    statementDueAt: z.string().nullable(),
    statementDueDate: z.string().nullable(),
    coordinationDueAt: z.string().nullable(),
    coordinationDueDate: z.string().nullable(),
    deadlineProvisional: z.boolean(),
    statements: z.array(
      z.object({
        seq: z.number(),
        by: actorSchema,
        party: z.enum(['applicant', 'provider']),
        text: z.string(),
        at: z.string(),
      }),
    ),
    minutes: z.array(
      z.object({ seq: z.number(), by: actorSchema, text: z.string(), heldAt: z.string(), at: z.string() }),
    ),
    escalation: z.object({ reason: z.string(), by: actorSchema, at: z.string(), automatic: z.boolean() }).nullable(),
    ruling: z
      .object({
        outcome: z.enum(objectionOutcomes),
        reasoning: z.string(),
        conditions: z.string().nullable(),
        by: actorSchema,
        at: z.string(),
        stage: z.enum(['negotiation', 'coordination', 'government']),
        documentRef: z.string().nullable(),
      })
      .nullable(),
    updatedAt: z.string(),
    version: z.number(),
    actions: actionsSchema(objectionActions),
    timeline: z.array(timelineEventSchema).optional(),
  })
  .meta({ id: 'Objection' });
export type ObjectionDto = z.infer<typeof objectionSchema>;

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

export function objectionDto(o: ObjectionRow, timeline?: AuditEventRow[]): Omit<ObjectionDto, 'actions'> {
  return {
    id: o.id,
    applicationId: o.applicationId,
    state: o.state,
    overdue: o.overdue,
    applicantAgency: o.applicantAgency,
    providerAgency: o.providerAgency,
    resourceCode: o.resourceCode,
    resourceName: o.resourceName,
    refusal: o.refusal,
    statement: o.statement,
    dutyBasis: o.dutyBasis,
    filedBy: o.filedBy,
    filedAt: o.filedAt.toISOString(),
    coordinator: o.coordinator ?? null,
    negotiationDueAt: iso(o.negotiationDueAt),
    negotiationDueDate: o.negotiationDueDate,
    statementDueAt: iso(o.statementDueAt),
    statementDueDate: o.statementDueDate,
    coordinationDueAt: iso(o.coordinationDueAt),
    coordinationDueDate: o.coordinationDueDate,
    deadlineProvisional: o.deadlineProvisional,
    statements: o.statements,
    minutes: o.minutes,
    escalation: o.escalation ?? null,
    ruling: o.ruling ?? null,
    updatedAt: o.updatedAt.toISOString(),
    version: o.version,
    ...(timeline ? { timeline: timeline.map(timelineDto) } : {}),
  };
}

/** Parties and the bureau see an objection; to anyone else it does not exist. */
export async function loadVisibleObjection(
  deps: ShareDeps,
  p: Principal,
  id: string,
): Promise<{ row: ObjectionRow; dto: ObjectionDto }> {
  const row = await getObjection(deps.db, id);
  if (!row || !canSeeShareApplication(p, row)) throw new AppError('NOT_FOUND', 'no such objection');
  return {
    row,
    dto: (await objectionsWithActions(deps, p, [objectionDto(row, await listCaseEvents(deps.db, id))]))[0]!,
  };
}

/** Adds the caller's actions to objection answers. */
export function objectionsWithActions(
  deps: ShareDeps,
  p: Principal,
  dtos: Omit<ObjectionDto, 'actions'>[],
): Promise<ObjectionDto[]> {
  return withActions<Omit<ObjectionDto, 'actions'>, ObjectionDto['actions'][number]>(
    deps.db,
    'objection',
    p,
    deps.config.policy,
    dtos,
    (o) => o.id,
  );
}

/** Files an objection: the application's workflow checks the window and starts the objection. */
export async function fileObjection(
  deps: ShareDeps,
  p: Principal,
  applicationId: string,
  body: { statement: string; dutyBasis?: string | undefined },
  idempotencyKey?: string,
): Promise<ObjectionDto> {
  const found = await getShareApplication(deps.db, applicationId);
  if (!found || !canSeeShareApplication(p, found.application))
    throw new AppError('NOT_FOUND', 'no such share application');
  const role = actingRole(p, found.application, ['agency_staff']);
  const { id: objectionId, earlier } = await caseIdForKey(deps.db, `objection:${p.sub}`, idempotencyKey, {
    applicationId,
    ...body,
  });
  if (earlier) {
    const existing = await getObjection(deps.db, objectionId);
    if (existing) return (await loadVisibleObjection(deps, p, objectionId)).dto;
  }
  if (
    found.application.state === 'in_objection' ||
    (found.application.state === 'rejected' && found.application.decision?.final)
  ) {
    throw new AppError('INVALID_STATE', 'this refusal was already objected to', { state: found.application.state });
  }
  await updateCase(
    deps.temporal.workflow.getHandle(found.application.workflowId),
    fileObjectionUpdate,
    [
      {
        actor: actorOf(p, role),
        objectionId,
        statement: body.statement,
        dutyBasis: body.dutyBasis ?? null,
        policy: deps.config.policy.objection,
      },
    ],
    { noun: 'application', state: found.application.state },
  );
  await temporalCall(() =>
    deps.temporal.workflow.getHandle(objectionWorkflowId(objectionId)).executeUpdate(registeredUpdate),
  );
  return (await loadVisibleObjection(deps, p, objectionId)).dto;
}

/**
 * Acts on an objection: 404 unless the caller can see it, 403 unless they hold a role that may act,
 * then the workflow's validator decides (409 wrong state, 403 wrong person, 400 missing reasoning).
 */
export async function actOnObjection<A>(
  deps: ShareDeps,
  p: Principal,
  id: string,
  allowed: readonly Role[],
  update: UpdateDefinition<ObjectionView, [A]>,
  makeArgs: (actor: ReturnType<typeof actorOf>) => A,
): Promise<ObjectionDto> {
  const { row } = await loadVisibleObjection(deps, p, id);
  const held = allowed.filter((r) => p.roles.includes(r));
  // Either party may speak; a reviewer acts for the provider, staff for the applicant or provider.
  const role = held.find((r) =>
    r === 'agency_staff' || r === 'agency_reviewer'
      ? p.agency === row.applicantAgency || p.agency === row.providerAgency
      : true,
  );
  if (!role) throw new AppError('FORBIDDEN', `this needs one of the roles: ${allowed.join(', ')}`);
  await updateCase(deps.temporal.workflow.getHandle(row.workflowId), update, [makeArgs(actorOf(p, role))], {
    noun: 'objection',
    state: row.state,
  });
  return (await loadVisibleObjection(deps, p, id)).dto;
}
