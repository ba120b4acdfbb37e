// Use cases of the conditional open-data request (有条件开放申请) API: submission with checked
// identifiers kept out of workflows and logs, actions through updates, credentials shown once.
import { createHmac } from 'node:crypto';
import type { UpdateDefinition } from '@temporalio/common';
import { z } from 'zod';
import { listCaseEvents, type AuditEventRow } from '../db/queries/audit.js';
import { getResource } from '../db/queries/catalog.js';
import {
  deleteIdentity,
  getAgreement,
  getOpenDataRequest,
  saveIdentity,
  type OpenDataRow,
} from '../db/queries/open-data-request.js';
import { AppError } from '../lib/errors.js';
import { creditCodeSchema, idNumberSchema, maskIdentifier } from '../lib/identity.js';
import type { Actor, Role } from '../workflows/common/actors.js';
import type { openDataRequestWorkflow } from '../workflows/open-data-request/workflow.js';
import { actOnCase, loadCase, readBack, recordedCase, startCase, type CaseKind } from './cases.js';
import { openDataRequestWorkflowId, openRegisteredUpdate } from '../workflows/open-data-request/messages.js';
import { openDataStates, type OpenDataRequestInput, type OpenDataView } from '../workflows/open-data-request/types.js';
import { actionsSchema, withActions } from './case-actions.js';
import { actorOf, type Principal } from './plugins/auth.js';
import { actorSchema, requestedFieldsSchema, resourceIdSchema, text } from './schemas.js';
import { timelineDto, timelineEventSchema, type ShareDeps } from './share-applications.js';
import { caseIdForKey } from './idempotency.js';
import {
  actingRoleOnOpenData,
  canSeeOpenData,
  MAX_OPEN_PERIOD_MONTHS,
  openDataActions,
  openDataRoles,
} from '../workflows/open-data-request/rules.js';

export const newOpenDataRequestSchema = z.object({
  resourceId: resourceIdSchema,
  fields: requestedFieldsSchema,
  requester: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('person'), name: text(100), idNumber: idNumberSchema, contact: text(200) }),
    z.object({ kind: z.literal('organization'), name: text(200), creditCode: creditCodeSchema, contact: text(200) }),
  ]),
  purpose: text(),
  scenario: text(),
  periodMonths: z.number().int().min(1).max(MAX_OPEN_PERIOD_MONTHS),
  securityMeasures: text(4000),
  commitmentAccepted: z.literal(true, 'the security commitment (公共数据安全承诺书) must be accepted'),
});
export type NewOpenDataRequest = z.infer<typeof newOpenDataRequestSchema>;

export const openDataSchema = z
  .object({
    id: z.string(),
    state: z.enum(openDataStates),
    overdue: z.boolean(),
    resourceId: z.string(),
    resourceCode: z.string(),
    resourceName: z.string(),
    providerAgency: z.string(),
    fields: z.array(z.string()),
    requester: z.object({
      kind: z.string(),
      name: z.string(),
      identifier: z.string().describe('masked'),
      contact: z.string(),
    }),
    purpose: z.string(),
    scenario: z.string(),
    periodMonths: z.number(),
    securityMeasures: z.string(),
    formalCheckDueAt: z.string().nullable(),
    formalCheckDueDate: z.string().nullable(),
    reviewDueAt: z.string().nullable(),
    reviewDueDate: z.string().nullable(),
    agreementDueAt: z.string().nullable(),
    agreementDueDate: z.string().nullable(),
    nextReportDueAt: z.string().nullable(),
    nextReportDueDate: z.string().nullable(),
    graceDueDate: z.string().nullable(),
    returnedReasons: z.array(z.string()).nullable(),
    decision: z
      .object({
        decision: z.string(),
        by: actorSchema,
        at: z.string(),
        reason: z.string().nullable(),
        conditions: z.string().nullable(),
        legalBasis: z.string().nullable().optional(),
      })
      .nullable(),
    agreementVersion: z.number().nullable(),
    agreementText: z.string().optional(),
    signature: z.object({ version: z.number(), by: actorSchema, at: z.string() }).nullable(),
    activatedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
    expiresDate: z.string().nullable(),
    reports: z.array(
      z.object({
        seq: z.number(),
        period: z.string(),
        summary: z.string(),
        outcomes: z.string().nullable(),
        at: z.string(),
        by: actorSchema,
      }),
    ),
    warnings: z.number(),
    revocation: z.object({ by: actorSchema, at: z.string(), reason: z.string() }).nullable(),
    submittedAt: z.string(),
    updatedAt: z.string(),
    version: z.number(),
    credential: z.string().optional().describe('shown once, in the answer to the signed agreement'),
    actions: actionsSchema(openDataActions),
    timeline: z.array(timelineEventSchema).optional(),
  })
  .meta({ id: 'OpenDataRequest' });
export type OpenDataDto = z.infer<typeof openDataSchema>;

const iso = (x: Date | null): string | null => x?.toISOString() ?? null;

export function openDataDto(
  r: OpenDataRow,
  extra: { timeline?: AuditEventRow[]; agreementText?: string; credential?: string } = {},
): Omit<OpenDataDto, 'actions'> {
  return {
    id: r.id,
    state: r.state,
    overdue: r.overdue,
    resourceId: r.resourceId,
    resourceCode: r.resourceCode,
    resourceName: r.resourceName,
    providerAgency: r.providerAgency,
    fields: r.fields,
    requester: {
      kind: r.requesterKind,
      name: r.requesterName,
      identifier: r.requesterMasked,
      contact: r.requesterContact,
    },
    purpose: r.purpose,
    scenario: r.scenario,
    periodMonths: r.periodMonths,
    securityMeasures: r.securityMeasures,
    formalCheckDueAt: iso(r.formalCheckDueAt),
    formalCheckDueDate: r.formalCheckDueDate,
    reviewDueAt: iso(r.reviewDueAt),
    reviewDueDate: r.reviewDueDate,
    agreementDueAt: iso(r.agreementDueAt),
    agreementDueDate: r.agreementDueDate,
    nextReportDueAt: iso(r.nextReportDueAt),
    nextReportDueDate: r.nextReportDueDate,
    graceDueDate: r.graceDueDate,
    returnedReasons: r.returnedReasons ?? null,
    decision: r.decision ?? null,
    agreementVersion: r.agreementVersion,
    signature: r.signature ?? null,
    activatedAt: iso(r.activatedAt),
    expiresAt: iso(r.expiresAt),
    expiresDate: r.expiresDate,
    reports: r.reports,
    warnings: r.warnings,
    revocation: r.revocation ?? null,
    submittedAt: r.submittedAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
    ...(extra.agreementText ? { agreementText: extra.agreementText } : {}),
    ...(extra.credential ? { credential: extra.credential } : {}),
    ...(extra.timeline ? { timeline: extra.timeline.map(timelineDto) } : {}),
  };
}

export async function loadVisibleOpenData(
  deps: ShareDeps,
  p: Principal,
  id: string,
  credential?: string,
): Promise<OpenDataDto> {
  const row = await loadCase(deps.db, openDataCases, p, id);
  const agreement =
    row.state === 'awaiting_agreement' && row.agreementVersion
      ? await getAgreement(deps.db, row.agreementVersion)
      : null;
  return (
    await openDataWithActions(deps, p, [
      openDataDto(row, {
        timeline: await listCaseEvents(deps.db, id),
        ...(agreement ? { agreementText: `${agreement.title}\n\n${agreement.body}` } : {}),
        ...(credential ? { credential } : {}),
      }),
    ])
  )[0]!;
}

/** Adds the caller's actions to open-data request answers. */
export function openDataWithActions(
  deps: ShareDeps,
  p: Principal,
  dtos: Omit<OpenDataDto, 'actions'>[],
): Promise<OpenDataDto[]> {
  return withActions<Omit<OpenDataDto, 'actions'>, OpenDataDto['actions'][number]>(
    deps.db,
    'open-data-request',
    p,
    deps.config.policy,
    dtos,
    (r) => r.id,
  );
}

/** A keyed hash of the identifier: matches deny-lists, reveals nothing. */
export const requesterKey = (identityKey: string, identifier: string): string =>
  createHmac('sha256', identityKey).update(identifier).digest('hex');

export async function submitOpenDataRequest(
  deps: ShareDeps,
  p: Principal,
  body: NewOpenDataRequest,
  idempotencyKey?: string,
): Promise<OpenDataDto> {
  const resource = await getResource(deps.db, body.resourceId);
  if (!resource)
    throw new AppError('VALIDATION_FAILED', 'the dataset is not in the catalog', {
      errors: [{ path: 'resourceId', message: 'no such resource' }],
    });
  if (resource.openType !== 'conditional') {
    throw new AppError(
      'VALIDATION_FAILED',
      `the dataset is ${resource.openType}; only conditionally-open data is requested here`,
      { errors: [{ path: 'resourceId', message: `open type is ${resource.openType}` }] },
    );
  }
  const known = resource.fields.map((f) => f.name);
  const fields = body.fields ?? known;
  const unknown = fields.filter((f) => !known.includes(f));
  if (unknown.length)
    throw new AppError('VALIDATION_FAILED', `fields not in the dataset: ${unknown.join(', ')}`, {
      errors: [{ path: 'fields', message: 'not in the dataset' }],
    });
  const identifier = body.requester.kind === 'person' ? body.requester.idNumber : body.requester.creditCode;
  const { id, earlier } = await caseIdForKey(deps.db, `open-data-request:${p.sub}`, idempotencyKey, body);
  if (earlier && (await getOpenDataRequest(deps.db, id))) return loadVisibleOpenData(deps, p, id);
  try {
    await saveIdentity(deps.db, { requestId: id, kind: body.requester.kind, identifier });
  } catch {
    // The driver's error would carry the identifier in its text: it is neither logged nor returned.
    throw new AppError('UNAVAILABLE', 'the request could not be stored; retry');
  }
  const input: OpenDataRequestInput = {
    id,
    resource: {
      id: resource.id,
      code: resource.code,
      name: resource.name,
      providerAgency: resource.providerAgency,
      fields: known,
      legalBasis: resource.legalBasis,
    },
    requester: {
      kind: body.requester.kind,
      name: body.requester.name,
      identifierMasked: maskIdentifier(identifier),
      key: requesterKey(deps.config.identityKey, identifier),
      contact: body.requester.contact,
      userId: p.sub,
    },
    request: {
      fields,
      purpose: body.purpose,
      scenario: body.scenario,
      periodMonths: body.periodMonths,
      securityMeasures: body.securityMeasures,
    },
    submittedBy: actorOf(p, openDataRoles.request[0]),
    policy: deps.config.policy.open,
  };
  try {
    await startCase<typeof openDataRequestWorkflow, OpenDataView>(
      { temporal: deps.temporal, taskQueue: deps.config.temporal.taskQueue },
      { type: 'openDataRequestWorkflow', id: openDataRequestWorkflowId(id), args: [input] },
      openRegisteredUpdate,
    );
  } catch (error) {
    // No case, no identifier: a failed start leaves nothing personal behind.
    if (!(await getOpenDataRequest(deps.db, id))) await deleteIdentity(deps.db, id).catch(() => {});
    throw error;
  }
  recordedCase(await readBack(id, 'open-data request', () => getOpenDataRequest(deps.db, id)), 'open-data request');
  return readBack(id, 'open-data request', () => loadVisibleOpenData(deps, p, id));
}

/** P3 cases as the API acts on them: visibility and the acting role are rules.ts's. */
export const openDataCases: CaseKind<OpenDataRow> = {
  noun: 'open-data request',
  load: getOpenDataRequest,
  canSee: canSeeOpenData,
  roleFor: actingRoleOnOpenData,
  workflowId: (row) => row.workflowId,
  state: (row) => row.state,
};

/** Acts on an open-data request (see actOnCase); answers the row acted on. */
export const actOnOpenData = <A>(
  deps: ShareDeps,
  p: Principal,
  id: string,
  allowed: readonly Role[],
  update: UpdateDefinition<OpenDataView, [A]>,
  makeArgs: (actor: Actor) => A,
): Promise<OpenDataRow> => actOnCase(deps, openDataCases, p, id, allowed, update, makeArgs);
