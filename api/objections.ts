// Use cases of the objection (不予共享异议协商) API: filing through the share application's
// workflow, acting through the objection's updates, and presenting the read model and dossier.
import type { UpdateDefinition } from '@temporalio/common';
import { z } from 'zod';
import { actorSchema } from './schemas.js';
import { listCaseEvents, type AuditEventRow } from '../db/queries/audit.js';
import { getObjection, type ObjectionRow } from '../db/queries/objection.js';
import type { Actor, Role } from '../workflows/common/actors.js';
import { actOnCase, actOnLoaded, awaitRegistered, loadCase, readBack, roleOn, type CaseKind } from './cases.js';
import { objectionWorkflowId, registeredUpdate } from '../workflows/objection/messages.js';
import { objectionOutcomes, objectionStates, type ObjectionView } from '../workflows/objection/types.js';
import { fileObjectionUpdate } from '../workflows/share-application/messages.js';
import { actingRoleOnObjection, objectionActions } from '../workflows/objection/rules.js';
import { actionsSchema, withActions } from './case-actions.js';
import type { Principal } from './plugins/auth.js';
import { shareCases, timelineDto, timelineEventSchema, type ShareDeps } from './share-applications.js';
import { caseIdForKey } from './idempotency.js';
import { canSeeShareApplication, shareRoles } from '../workflows/share-application/rules.js';

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
  const row = await loadCase(deps.db, objectionCases, p, id);
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
  const application = await loadCase(deps.db, shareCases, p, applicationId);
  roleOn(shareCases, p, application, shareRoles.object);
  const { id: objectionId, earlier } = await caseIdForKey(deps.db, `objection:${p.sub}`, idempotencyKey, {
    applicationId,
    ...body,
  });
  if (earlier) {
    const existing = await getObjection(deps.db, objectionId);
    if (existing) return (await loadVisibleObjection(deps, p, objectionId)).dto;
  }
  // Whether this refusal may still be objected to is checkObjection's (rules.ts), in the update's validator;
  // a refusal whose process has ended is answered INVALID_STATE.
  await actOnLoaded(deps, shareCases, p, application, shareRoles.object, fileObjectionUpdate, (actor) => ({
    actor,
    objectionId,
    statement: body.statement,
    dutyBasis: body.dutyBasis ?? null,
    policy: deps.config.policy.objection,
  }));
  await awaitRegistered(deps, objectionWorkflowId(objectionId), registeredUpdate);
  return readBack(objectionId, 'objection', async () => (await loadVisibleObjection(deps, p, objectionId)).dto);
}

/** P2 cases as the API acts on them: visibility and the acting role are rules.ts's. */
export const objectionCases: CaseKind<ObjectionRow> = {
  noun: 'objection',
  load: getObjection,
  canSee: canSeeShareApplication,
  roleFor: actingRoleOnObjection,
  workflowId: (row) => row.workflowId,
  state: (row) => row.state,
};

/** Acts on an objection (see actOnCase) and answers it as it is now, with the caller's actions. */
export async function actOnObjection<A>(
  deps: ShareDeps,
  p: Principal,
  id: string,
  allowed: readonly Role[],
  update: UpdateDefinition<ObjectionView, [A]>,
  makeArgs: (actor: Actor) => A,
): Promise<ObjectionDto> {
  await actOnCase(deps, objectionCases, p, id, allowed, update, makeArgs);
  return readBack(id, 'objection', async () => (await loadVisibleObjection(deps, p, id)).dto);
}
