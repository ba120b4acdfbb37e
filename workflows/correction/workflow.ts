// The data correction process (数据纠错/异议核实), docs/processes.md P5: routed at once to the verifying
// agency, verified under a working-day deadline (one approved extension), the resource marked
// disputed meanwhile, the reporter told the result. A transfer opens a new case for the owner.
import { ApplicationFailure, condition, ParentClosePolicy, startChild } from '@temporalio/workflow';
import { systemActor } from '../common/actors.js';
import { dueMs, nowIso, today } from '../common/case.js';
import { recomputeOpen } from '../common/deadlines.js';
import { openCase } from '../common/kernel.js';
import { correctionOutcomeLabels } from '../common/glossary.js';
import type { NotificationSpec } from '../common/events.js';
import {
  correctionRegisteredUpdate,
  correctionViewQuery,
  correctionWorkflowId,
  extendVerificationUpdate,
  forwardCorrectionUpdate,
  returnCorrectionUpdate,
  verifyUpdate,
} from './messages.js';
import { checkExtension, checkForwarding, checkReturn, checkVerification } from './rules.js';
import { terminalCorrectionStates, type CorrectionInput, type CorrectionState, type CorrectionView } from './types.js';

export async function correctionWorkflow(input: CorrectionInput): Promise<CorrectionView> {
  const policy = input.policy;
  const v: CorrectionView = {
    id: input.id,
    state: 'forwarding',
    overdue: false,
    version: 0,
    resource: input.resource,
    assignedAgency: input.assignedAgency,
    report: input.report,
    reporter: input.reporter,
    transferredFrom: input.transferredFrom,
    verifyDue: null,
    extension: null,
    outcome: null,
    submittedAt: nowIso(),
    updatedAt: nowIso(),
  };
  const kase = openCase<CorrectionView, CorrectionState>({
    process: 'correction',
    view: () => v,
    logFields: () => ({ caseId: v.id }),
    record: (acts) => acts.recordCorrection,
    registering: 'the correction is still being registered',
    closed: () => terminalCorrectionStates.includes(v.state),
    busy: () => (settling ? 'a verification of this correction is being recorded' : null),
  });
  // True while a transfer's new case is being started: other decisions wait for its outcome.
  let settling = false;
  const { transition, track } = kase;
  const toReporter = (kind: string, title: string): NotificationSpec => ({
    audience: 'user',
    recipient: v.reporter.id,
    kind,
    title,
  });
  const toAgency = (agency: string, kind: string, title: string): NotificationSpec => ({
    audience: 'agency',
    recipient: agency,
    kind,
    title,
  });
  const toBureau = (kind: string, title: string): NotificationSpec => ({
    audience: 'bureau',
    recipient: null,
    kind,
    title,
  });
  const label = () => `${v.resource.name} (${v.resource.code}) 记录 ${v.report.recordRef}`;
  const named = (code: string) => input.agencyNames?.[code] ?? code;

  kase.viewQuery(correctionViewQuery);
  kase.registeredUpdate(correctionRegisteredUpdate);

  kase.action(
    extendVerificationUpdate,
    (i) => checkExtension(v, i, Date.now()),
    async (i) => {
      v.extension = { approvedBy: i.approvedBy, reason: i.reason, by: i.actor, at: nowIso() };
      // processes.md P5: extendable to correction.verifyExtendedWd in all, counted from forwarding.
      v.verifyDue = track(v.verifyDue!.from, policy.verifyExtendedWd);
      await transition('extend', 'verifying', i.actor, {
        reason: i.reason,
        data: { approvedBy: i.approvedBy, verifyDueDate: v.verifyDue.dueDate },
        notify: [toReporter('verification_extended', `数据纠错核实已延期至 ${v.verifyDue.dueDate}：${label()}`)],
      });
      return v;
    },
  );

  kase.action(
    verifyUpdate,
    (i) => checkVerification(v, i),
    async (i) => {
      v.outcome = {
        outcome: i.outcome,
        note: i.note,
        transferTo: i.transferTo ?? null,
        transferredCorrectionId: i.transferredCorrectionId ?? null,
        by: i.actor,
        at: nowIso(),
      };
      if (i.outcome === 'transferred') {
        // The owning agency verifies in a case of its own, with its own clock.
        settling = true;
        try {
          await startChild('correctionWorkflow', {
            workflowId: correctionWorkflowId(i.transferredCorrectionId!),
            args: [
              {
                ...input,
                id: i.transferredCorrectionId!,
                assignedAgency: i.transferTo!,
                transferredFrom: { correctionId: v.id, agency: v.assignedAgency },
              },
            ],
            parentClosePolicy: ParentClosePolicy.ABANDON,
          });
        } catch (error) {
          v.outcome = null;
          throw ApplicationFailure.create({
            type: 'UNAVAILABLE',
            message: `the transfer could not be started; retry: ${String(error)}`,
            nonRetryable: true,
            details: [{ state: v.state, errors: [] }],
          });
        } finally {
          settling = false;
        }
      }
      const notify = [
        toReporter('correction_result', `您报告的数据错误已处理：${correctionOutcomeLabels[i.outcome]}：${label()}`),
      ];
      if (i.outcome === 'transferred')
        notify.push(toAgency(i.transferTo!, 'correction_transferred', `一件数据纠错已转交贵单位核实：${label()}`));
      await transition('verify', i.outcome, i.actor, {
        reason: i.note,
        data: {
          outcome: i.outcome,
          transferTo: i.transferTo ?? null,
          transferredCorrectionId: i.transferredCorrectionId ?? null,
        },
        notify,
      });
      return v;
    },
  );

  kase.action(
    returnCorrectionUpdate,
    (i) => checkReturn(v, i),
    async (i) => {
      // processes.md P5: not this agency's data, owner unknown — the bureau routes it by hand within
      // correction.forwardWd.
      v.returned = { agency: v.assignedAgency, reason: i.reason, by: i.actor, at: nowIso() };
      v.forwardDue = track(today(), policy.forwardWd);
      v.overdue = false;
      await transition('return', 'forwarding', i.actor, {
        reason: i.reason,
        data: { returnedBy: v.assignedAgency, forwardDueDate: v.forwardDue.dueDate },
        notify: [
          toBureau(
            'correction_to_forward',
            `请于 ${v.forwardDue.dueDate} 前转交核实单位：${named(v.assignedAgency)}退回的数据纠错，${label()}`,
          ),
        ],
      });
      return v;
    },
  );

  kase.action(
    forwardCorrectionUpdate,
    (i) => checkForwarding(v, i),
    async (i) => {
      // processes.md P5: the verification clock starts again on forwarding, with an extension of its own.
      v.assignedAgency = i.agency;
      v.verifyDue = track(today(), policy.verifyWd);
      v.extension = null;
      v.overdue = false;
      await transition('forward', 'verifying', i.actor, {
        reason: i.note ?? null,
        data: { assignedAgency: v.assignedAgency, verifyDueDate: v.verifyDue.dueDate },
        notify: [
          toAgency(
            v.assignedAgency,
            'correction_to_verify',
            `请于 ${v.verifyDue.dueDate} 前核实报告的数据错误：${label()}`,
          ),
        ],
      });
      return v;
    },
  );

  kase.onCalendar((calendar) => {
    if (terminalCorrectionStates.includes(v.state)) return null;
    if (v.state === 'forwarding' && v.forwardDue) {
      const before = v.forwardDue.dueAt;
      v.forwardDue = recomputeOpen(v.forwardDue, calendar, Date.now());
      return v.forwardDue.dueAt === before ? null : { data: { forwardDueDate: v.forwardDue.dueDate } };
    }
    if (!v.verifyDue) return null;
    const before = v.verifyDue.dueAt;
    // Cases older than the local-steps patch recompute a passed deadline too, as they did when they ran.
    v.verifyDue = kase.localSteps
      ? recomputeOpen(v.verifyDue, calendar, Date.now())
      : track(v.verifyDue.from, v.verifyDue.days);
    return v.verifyDue.dueAt === before ? null : { data: { verifyDueDate: v.verifyDue.dueDate } };
  });

  // ---- registration: reported, then routed at once to the verifying agency ----------------------
  await kase.loadCalendar();
  void transition('report', 'forwarding', input.reporter, {
    reason: input.report.description,
    data: { recordRef: input.report.recordRef, field: input.report.field },
  });
  // processes.md P5: the verification clock starts on forwarding.
  v.verifyDue = track(today(), policy.verifyWd);
  void transition('route', 'verifying', systemActor('routing'), {
    data: { assignedAgency: v.assignedAgency, verifyDueDate: v.verifyDue.dueDate, transferredFrom: v.transferredFrom },
    notify: [
      toAgency(
        v.assignedAgency,
        'correction_to_verify',
        `请于 ${v.verifyDue.dueDate} 前核实报告的数据错误：${label()}`,
      ),
    ],
  });
  await kase.recording();
  kase.markRegistered();

  let flaggedDueAt: string | null = null;
  while (!terminalCorrectionStates.includes(v.state)) {
    // Verifying: the agency's verification deadline; returned to the bureau: its forwarding deadline.
    const due = v.state === 'forwarding' ? (v.forwardDue ?? null) : v.verifyDue;
    if (await kase.changedBefore(due && due.dueAt !== flaggedDueAt ? dueMs(due) : null)) continue;
    if (settling) {
      // A transfer is being recorded; its outcome decides whether the deadline still matters.
      await condition(() => !settling);
      continue;
    }
    if (v.state === 'forwarding') {
      // processes.md P5: the bureau missed its own forwarding deadline; its coordinators are told.
      flaggedDueAt = due!.dueAt;
      v.overdue = true;
      await transition('overdue', 'forwarding', systemActor('deadline'), {
        reason: `转交期限 ${due!.dueDate} 已过`,
        notify: [toBureau('overdue', `数据纠错转交超期，请尽快转交核实单位：${label()}`)],
      });
      continue;
    }
    if (v.state !== 'verifying') continue;
    // processes.md P5, as P1: a missed verification deadline flags the case overdue and tells provider and bureau.
    flaggedDueAt = due!.dueAt;
    v.overdue = true;
    await transition('overdue', 'verifying', systemActor('deadline'), {
      reason: `核实期限 ${due!.dueDate} 已过`,
      notify: [
        toAgency(v.assignedAgency, 'overdue', `数据纠错核实超期，请尽快办理：${label()}`),
        toBureau('overdue', `数据纠错核实超期（督办）：${named(v.assignedAgency)}，${label()}`),
      ],
    });
  }
  await kase.settle();
  return v;
}
