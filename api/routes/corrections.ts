// Data corrections (数据纠错): anyone with access reports an error; the verifying agency answers.
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getAgency } from '../../db/queries/agency.js';
import { listCaseEvents, type AuditEventRow } from '../../db/queries/audit.js';
import { getResource } from '../../db/queries/catalog.js';
import { getCorrection, listCorrections, type CorrectionRow } from '../../db/queries/correction.js';
import { holdsActiveAgreement } from '../../db/queries/open-data-request.js';
import { holdsActiveGrant } from '../../db/queries/share-application.js';
import { AppError } from '../../lib/errors.js';
import { identifierKindOf, validateIdentifierValue } from '../../lib/identifiers.js';
import {
  correctionRegisteredUpdate,
  correctionWorkflowId,
  extendVerificationUpdate,
  forwardCorrectionUpdate,
  returnCorrectionUpdate,
  verifyUpdate,
} from '../../workflows/correction/messages.js';
import {
  correctionOutcomes,
  correctionStates,
  type CorrectionInput,
  type CorrectionView,
} from '../../workflows/correction/types.js';
import type { UpdateDefinition } from '@temporalio/common';
import {
  actingRoleOnCorrection,
  canSeeCorrection,
  checkReporterAccess,
  correctionActions,
  correctionListScope,
} from '../../workflows/correction/rules.js';
import type { correctionWorkflow } from '../../workflows/correction/workflow.js';
import type { Actor, Role } from '../../workflows/common/actors.js';
import { actOnCase, loadCase, recordedCase, refusalError, startCase, type CaseKind } from '../cases.js';
import { actionsSchema, withActions } from '../case-actions.js';
import { actorOf, caller, type Principal } from '../plugins/auth.js';
import { timelineDto, timelineEventSchema, type ShareDeps } from '../share-applications.js';
import { caseIdForKey } from '../idempotency.js';
import {
  actorSchema,
  agencyCodeSchema,
  decodeCursor,
  encodeCursor,
  idempotencyHeaders,
  page,
  paginationQuery,
  problems,
  text,
  timeCursorSchema,
  uuidParam,
} from '../schemas.js';
import { agencyOfViewer } from '../../workflows/common/actors.js';

const tags = ['corrections (P5)'];
const correctionSchema = z
  .object({
    id: z.string(),
    state: z.enum(correctionStates),
    overdue: z.boolean(),
    resourceId: z.string(),
    resourceCode: z.string(),
    resourceName: z.string(),
    providerAgency: z.string(),
    assignedAgency: z.string(),
    recordRef: z.string(),
    field: z.string().nullable(),
    currentValue: z.string().nullable(),
    claimedValue: z.string().nullable(),
    description: z.string(),
    evidence: z.string().nullable(),
    reporterId: z.string(),
    reporterAgency: z.string().nullable(),
    verifyDueAt: z.string().nullable(),
    verifyDueDate: z.string().nullable(),
    forwardDueAt: z
      .string()
      .nullable()
      .describe("the bureau's deadline to route a returned report by hand (correction.forwardWd)"),
    forwardDueDate: z.string().nullable(),
    returned: z
      .object({ agency: z.string(), reason: z.string(), by: actorSchema, at: z.string() })
      .nullable()
      .describe('the last return to the bureau by a verifying agency that found the data not its own'),
    extension: z.object({ approvedBy: z.string(), reason: z.string(), by: actorSchema, at: z.string() }).nullable(),
    outcome: z
      .object({
        outcome: z.enum(correctionOutcomes),
        note: z.string(),
        transferTo: z.string().nullable(),
        transferredCorrectionId: z.string().nullable(),
        by: actorSchema,
        at: z.string(),
      })
      .nullable(),
    transferredFrom: z.string().nullable(),
    submittedAt: z.string(),
    updatedAt: z.string(),
    version: z.number(),
    actions: actionsSchema(correctionActions),
    timeline: z.array(timelineEventSchema).optional(),
  })
  .meta({ id: 'Correction' });

const dto = (r: CorrectionRow, timeline?: AuditEventRow[]) => ({
  ...r,
  verifyDueAt: r.verifyDueAt?.toISOString() ?? null,
  forwardDueAt: r.forwardDueAt?.toISOString() ?? null,
  returned: r.returned ?? null,
  extension: r.extension ?? null,
  outcome: r.outcome ?? null,
  submittedAt: r.submittedAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  ...(timeline ? { timeline: timeline.map(timelineDto) } : {}),
});

/** P5 cases as the API acts on them: visibility and the acting role are rules.ts's. */
export const correctionCases: CaseKind<CorrectionRow> = {
  noun: 'correction',
  load: getCorrection,
  canSee: canSeeCorrection,
  roleFor: actingRoleOnCorrection,
  workflowId: (row) => row.workflowId,
  state: (row) => row.state,
};

export const correctionRoutes: FastifyPluginAsyncZod<ShareDeps> = async (app, deps) => {
  /** The agency's name for the texts people read, when it is registered. */
  const agencyNamed = async (code: string) => {
    const agency = await getAgency(deps.db, code);
    return agency ? { agencyNames: { [code]: agency.name } } : {};
  };
  /** Correction answers with the caller's actions. */
  const answers = (p: Principal, rows: CorrectionRow[], timeline?: AuditEventRow[]) =>
    withActions<ReturnType<typeof dto>, (typeof correctionActions)[number]>(
      deps.db,
      'correction',
      p,
      deps.config.policy,
      rows.map((r) => dto(r, timeline)),
      (r) => r.id,
    );
  const answer = async (p: Principal, row: CorrectionRow) =>
    (await answers(p, [row], await listCaseEvents(deps.db, row.id)))[0]!;

  app.post(
    '/api/v1/corrections',
    {
      schema: {
        operationId: 'reportCorrection',
        tags,
        summary: 'Report an error in published data (数据纠错)',
        body: z.object({
          resourceId: z.uuid('must be the id of a catalog resource'),
          recordRef: text(200),
          field: text(100).optional(),
          currentValue: text(2000).optional(),
          claimedValue: text(2000).optional(),
          description: text(4000),
          evidence: text(8000).optional(),
        }),
        headers: idempotencyHeaders,
        response: { 201: correctionSchema, ...problems(400, 401, 403, 409, 503) },
      },
    },
    async (request, reply) => {
      const p = caller(request);
      const b = request.body;
      const { id, earlier } = await caseIdForKey(deps.db, `correction:${p.sub}`, request.headers['idempotency-key'], b);
      const existing = earlier ? await getCorrection(deps.db, id) : null;
      if (existing) return reply.code(201).send(await answer(p, existing));
      const resource = await getResource(deps.db, b.resourceId);
      if (!resource)
        throw new AppError('VALIDATION_FAILED', 'the resource is not in the catalog', {
          errors: [{ path: 'resourceId', message: 'no such resource' }],
        });
      const reporterAgency = agencyOfViewer(p);
      const [agencyGrant, openAgreement] = await Promise.all([
        reporterAgency ? holdsActiveGrant(deps.db, reporterAgency, resource.id) : false,
        holdsActiveAgreement(deps.db, p.sub, resource.id),
      ]);
      const refusal = checkReporterAccess({ roles: p.roles, agency: reporterAgency }, resource, {
        agencyGrant,
        openAgreement,
      });
      if (refusal) throw refusalError(refusal);
      const field = b.field ? resource.fields.find((f) => f.name === b.field) : undefined;
      if (b.field && !field)
        throw new AppError('VALIDATION_FAILED', `the resource has no field ${b.field}`, {
          errors: [{ path: 'field', message: 'not a field of the resource' }],
        });
      // The value claimed for an identifier field is checked as it would be on a form (the current one may be
      // the error).
      const kind = field ? identifierKindOf(field) : null;
      let claimedValue = b.claimedValue ?? null;
      if (kind && claimedValue !== null) {
        const checked = validateIdentifierValue(kind, claimedValue);
        if (!checked.ok) {
          const what = kind === 'id_number' ? '身份证号' : '统一社会信用代码';
          throw new AppError('VALIDATION_FAILED', `the claimed value is not a valid ${what}: ${checked.reason}`, {
            errors: [{ path: 'claimedValue', message: checked.reason }],
          });
        }
        claimedValue = checked.normalized;
      }
      const input: CorrectionInput = {
        id,
        resource: {
          id: resource.id,
          code: resource.code,
          name: resource.name,
          providerAgency: resource.providerAgency,
        },
        assignedAgency: resource.providerAgency,
        report: {
          recordRef: b.recordRef,
          field: b.field ?? null,
          currentValue: b.currentValue ?? null,
          claimedValue,
          description: b.description,
          evidence: b.evidence ?? null,
        },
        reporter: actorOf(p, p.roles[0]!),
        transferredFrom: null,
        policy: deps.config.policy.correction,
        ...(await agencyNamed(resource.providerAgency)),
      };
      await startCase<typeof correctionWorkflow, CorrectionView>(
        { temporal: deps.temporal, taskQueue: deps.config.temporal.taskQueue },
        { type: 'correctionWorkflow', id: correctionWorkflowId(id), args: [input] },
        correctionRegisteredUpdate,
      );
      return reply.code(201).send(await answer(p, recordedCase(await getCorrection(deps.db, id), 'correction')));
    },
  );

  app.get(
    '/api/v1/corrections',
    {
      schema: {
        operationId: 'listCorrections',
        tags,
        querystring: z.object(paginationQuery),
        response: { 200: page(correctionSchema), ...problems(400, 401) },
      },
    },
    async (request) => {
      const p = caller(request);
      const scope = correctionListScope(p);
      const result = await listCorrections(
        deps.db,
        scope,
        request.query.limit,
        decodeCursor(request.query.cursor, timeCursorSchema),
      );
      return {
        items: await answers(p, result.items),
        nextCursor: result.nextCursor ? encodeCursor(result.nextCursor) : null,
      };
    },
  );

  app.get(
    '/api/v1/corrections/:id',
    {
      schema: {
        operationId: 'getCorrection',
        tags,
        params: uuidParam,
        response: { 200: correctionSchema, ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      const p = caller(request);
      return answer(p, await loadCase(deps.db, correctionCases, p, request.params.id));
    },
  );

  /** Acts on a correction (see actOnCase) and answers it as it is now. */
  async function act<A>(
    p: Principal,
    id: string,
    allowed: readonly Role[],
    update: UpdateDefinition<CorrectionView, [A]>,
    args: (actor: Actor) => A | Promise<A>,
  ) {
    await actOnCase(deps, correctionCases, p, id, allowed, update, args);
    return answer(p, (await getCorrection(deps.db, id))!);
  }

  app.post(
    '/api/v1/corrections/:id/return',
    {
      schema: {
        operationId: 'returnCorrection',
        tags,
        params: uuidParam,
        summary: 'Return a report that is not your data, owner unknown, to the bureau to route by hand (退回大数据局)',
        body: z.object({ reason: text(2000) }),
        response: { 200: correctionSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      act(caller(request), request.params.id, ['agency_reviewer'], returnCorrectionUpdate, (actor) => ({
        actor,
        reason: request.body.reason,
      })),
  );

  app.post(
    '/api/v1/corrections/:id/forwarding',
    {
      schema: {
        operationId: 'forwardCorrection',
        tags,
        params: uuidParam,
        summary:
          'Route a returned report by hand to the agency that verifies it, within correction.forwardWd (bureau coordinator)',
        body: z.object({ agency: agencyCodeSchema, note: text(2000).optional() }),
        response: { 200: correctionSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const p = caller(request);
      const { agency, note } = request.body;
      return act(p, request.params.id, ['bureau_coordinator'], forwardCorrectionUpdate, async (actor) => {
        if (!(await getAgency(deps.db, agency)))
          throw new AppError('VALIDATION_FAILED', `agency ${agency} is not registered`, {
            errors: [{ path: 'agency', message: 'unknown agency' }],
          });
        return { actor, agency, note: note ?? null };
      });
    },
  );

  app.post(
    '/api/v1/corrections/:id/extension',
    {
      schema: {
        operationId: 'extendCorrection',
        tags,
        params: uuidParam,
        body: z.object({ approvedBy: text(200), reason: text() }),
        response: { 200: correctionSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      act(caller(request), request.params.id, ['agency_reviewer'], extendVerificationUpdate, (actor) => ({
        actor,
        ...request.body,
      })),
  );

  app.post(
    '/api/v1/corrections/:id/verification',
    {
      schema: {
        operationId: 'verifyCorrection',
        tags,
        params: uuidParam,
        body: z
          .object({
            outcome: z.enum(correctionOutcomes),
            note: text(4000),
            transferTo: agencyCodeSchema.optional(),
          })
          .describe(
            'A transfer names the agency that owns the data: checkVerification (rules.ts) answers 400 without it',
          ),
        response: { 200: correctionSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const p = caller(request);
      const { outcome, note } = request.body;
      const transferTo = outcome === 'transferred' ? (request.body.transferTo ?? null) : null;
      return act(p, request.params.id, ['agency_reviewer'], verifyUpdate, async (actor) => {
        // After the visibility and role checks: an outsider learns nothing about agencies here.
        if (transferTo && !(await getAgency(deps.db, transferTo)))
          throw new AppError('VALIDATION_FAILED', `agency ${transferTo} is not registered`, {
            errors: [{ path: 'transferTo', message: 'unknown agency' }],
          });
        return { actor, outcome, note, transferTo, transferredCorrectionId: transferTo ? randomUUID() : null };
      });
    },
  );
};
