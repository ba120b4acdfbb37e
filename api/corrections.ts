// Data corrections (数据纠错), docs/api.md "P5 Corrections", as the API serves them: the answer's shape,
// the case the routes act on, and the report's use case — who may report on which resource (rules.ts
// checkReporterAccess) and the claimed value of an identifier field checked as on a form.
import { randomUUID } from 'node:crypto';
import type { UpdateDefinition } from '@temporalio/common';
import { z } from 'zod';
import { getAgency } from '../db/queries/agency.js';
import { listCaseEvents, type AuditEventRow } from '../db/queries/audit.js';
import { getResource } from '../db/queries/catalog.js';
import { getCorrection, type CorrectionRow } from '../db/queries/correction.js';
import { holdsActiveAgreement } from '../db/queries/open-data-request.js';
import { holdsActiveGrant } from '../db/queries/share-application.js';
import { AppError } from '../lib/errors.js';
import { identifierKindOf, validateIdentifierValue } from '../lib/identifiers.js';
import { agencyOfViewer, type Actor, type Role } from '../workflows/common/actors.js';
import { correctionRegisteredUpdate, correctionWorkflowId } from '../workflows/correction/messages.js';
import {
  actingRoleOnCorrection,
  canSeeCorrection,
  checkReporterAccess,
  correctionActions,
  reportingRole,
} from '../workflows/correction/rules.js';
import {
  correctionOutcomes,
  correctionStates,
  type CorrectionInput,
  type CorrectionView,
} from '../workflows/correction/types.js';
import type { correctionWorkflow } from '../workflows/correction/workflow.js';
import { actionsSchema, withActions } from './case-actions.js';
import { actOnCase, readBack, recordedCase, refusalError, startCase, type CaseKind } from './cases.js';
import { caseIdForKey } from './idempotency.js';
import { actorOf, type Principal } from './plugins/auth.js';
import { actorSchema } from './schemas.js';
import { timelineDto, timelineEventSchema, type ShareDeps } from './share-applications.js';

export const correctionSchema = z
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

const correctionDto = (r: CorrectionRow, timeline?: AuditEventRow[]) => ({
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

/** Correction answers with the caller's actions. */
export function correctionAnswers(deps: ShareDeps, p: Principal, rows: CorrectionRow[], timeline?: AuditEventRow[]) {
  return withActions<ReturnType<typeof correctionDto>, (typeof correctionActions)[number]>(
    deps.db,
    'correction',
    p,
    deps.config.policy,
    rows.map((r) => correctionDto(r, timeline)),
    (r) => r.id,
  );
}

/** One correction with its timeline and the caller's actions. */
export const correctionAnswer = async (deps: ShareDeps, p: Principal, row: CorrectionRow) =>
  (await correctionAnswers(deps, p, [row], await listCaseEvents(deps.db, row.id)))[0]!;

/** The agency's name for the texts people read, when it is registered. */
async function agencyNamed(deps: ShareDeps, code: string) {
  const agency = await getAgency(deps.db, code);
  return agency ? { agencyNames: { [code]: agency.name } } : {};
}

/** An agency the body names must be registered (checked after visibility and role: an outsider learns nothing). */
export async function registeredAgency(deps: ShareDeps, code: string, path: string): Promise<string> {
  if (!(await getAgency(deps.db, code)))
    throw new AppError('VALIDATION_FAILED', `agency ${code} is not registered`, {
      errors: [{ path, message: 'unknown agency' }],
    });
  return code;
}

export interface CorrectionReport {
  resourceId: string;
  recordRef: string;
  field?: string | undefined;
  currentValue?: string | undefined;
  claimedValue?: string | undefined;
  description: string;
  evidence?: string | undefined;
}

/**
 * processes.md P5: reports an error in a resource the reporter has access to; routed at once to the
 * provider. A retry with the same Idempotency-Key answers the same correction.
 */
export async function reportCorrection(
  deps: ShareDeps,
  p: Principal,
  b: CorrectionReport,
  idempotencyKey: string | undefined,
) {
  const { id, earlier } = await caseIdForKey(deps.db, `correction:${p.sub}`, idempotencyKey, b);
  const existing = earlier ? await getCorrection(deps.db, id) : null;
  if (existing) return correctionAnswer(deps, p, existing);
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
    reporter: actorOf(p, reportingRole(p.roles)),
    transferredFrom: null,
    policy: deps.config.policy.correction,
    ...(await agencyNamed(deps, resource.providerAgency)),
  };
  await startCase<typeof correctionWorkflow, CorrectionView>(
    { temporal: deps.temporal, taskQueue: deps.config.temporal.taskQueue },
    { type: 'correctionWorkflow', id: correctionWorkflowId(id), args: [input] },
    correctionRegisteredUpdate,
  );
  const row = recordedCase(await readBack(id, 'correction', () => getCorrection(deps.db, id)), 'correction');
  return readBack(id, 'correction', () => correctionAnswer(deps, p, row));
}

/** Acts on a correction (see actOnCase) and answers it as it is now. */
export async function actOnCorrection<A>(
  deps: ShareDeps,
  p: Principal,
  id: string,
  allowed: readonly Role[],
  update: UpdateDefinition<CorrectionView, [A]>,
  args: (actor: Actor) => A | Promise<A>,
) {
  await actOnCase(deps, correctionCases, p, id, allowed, update, args);
  return readBack(id, 'correction', async () => correctionAnswer(deps, p, (await getCorrection(deps.db, id))!));
}

/** A transferred report's new case id: drawn by the API, which starts nothing itself; the workflow starts that case. */
export const transferCaseId = (): string => randomUUID();
