// The share application (共享申请) process, docs/processes.md P1, as one durable workflow per application.
// Handlers change the case synchronously (so a concurrent second decision is refused by its
// validator) and record every transition, in order, through one activity.
import {
  ApplicationFailure,
  setHandler,
  type ChildWorkflowHandle,
  type Workflow,
  condition,
  log,
  ParentClosePolicy,
  startChild,
  uuid4,
} from '@temporalio/workflow';
import { objectionWorkflowId } from '../objection/messages.js';
import type { ObjectionInput } from '../objection/types.js';
import { systemActor } from '../common/actors.js';
import { dueMs, nowIso, today } from '../common/case.js';
import { recomputeOpen, type TrackedDeadline } from '../common/deadlines.js';
import { openCase } from '../common/kernel.js';
import {
  decideUpdate,
  fileObjectionUpdate,
  objectionResolvedSignal,
  renewUpdate,
  revokeUpdate,
  submittedUpdate,
  supplementUpdate,
  urgeUpdate,
  viewQuery,
  withdrawUpdate,
  type DecisionInput,
  type ObjectionResolution,
} from './messages.js';
import {
  awaitingDecision,
  checkDecision,
  checkObjection,
  checkRenewal,
  checkRevocation,
  checkSupplement,
  checkUrge,
  checkWithdrawal,
  grantExpiry,
  initialRoute,
  isTerminal,
  openShareDeadlines,
  reminderAtMs,
  renewedExpiry,
} from './rules.js';
import type { DecisionRecord, ShareApplicationInput, ShareApplicationState, ShareApplicationView } from './types.js';
import type { NotificationSpec } from '../common/events.js';

export async function shareApplicationWorkflow(input: ShareApplicationInput): Promise<ShareApplicationView> {
  const policy = input.policy;

  const v: ShareApplicationView = {
    id: input.id,
    state: 'pending_review',
    overdue: false,
    version: 0,
    applicantAgency: input.applicantAgency,
    providerAgency: input.resource.providerAgency,
    resource: input.resource,
    request: input.request,
    reviewDue: null,
    supplementDue: null,
    objectionDue: null,
    missing: null,
    decision: null,
    extension: null,
    supplements: [],
    renewal: null,
    urgedCount: 0,
    objectionId: null,
    grant: null,
    submittedBy: input.submittedBy,
    submittedAt: nowIso(),
    updatedAt: nowIso(),
  };

  const provider: NotificationSpec['audience'] = 'agency';
  const toProvider = (kind: string, title: string): NotificationSpec => ({
    audience: provider,
    recipient: v.providerAgency,
    kind,
    title,
  });
  const toApplicant = (kind: string, title: string): NotificationSpec => ({
    audience: 'agency',
    recipient: v.applicantAgency,
    kind,
    title,
  });
  const toBureau = (kind: string, title: string): NotificationSpec => ({
    audience: 'bureau',
    recipient: null,
    kind,
    title,
  });
  const label = () => `${v.resource.name} (${v.resource.code})`;
  const agencyNames = input.agencyNames;
  const named = (code: string) => agencyNames?.[code] ?? code;

  const kase = openCase<ShareApplicationView, ShareApplicationState>({
    process: 'share application',
    view: () => v,
    logFields: () => ({ caseId: v.id }),
    record: (acts) => acts.recordShareApplication,
    registering: 'the application is still being registered',
    ...(input.calendar ? { calendar: input.calendar } : {}),
  });
  const { transition, track } = kase;

  // Kept in an object: it is set inside an update handler, which narrowing cannot see.
  const objectionProcess: { handle: ChildWorkflowHandle<Workflow> | null } = { handle: null };

  function grant(opts: { fields?: string[] | null; periodMonths?: number | null; conditions?: string | null }) {
    const grantedAtMs = Date.now();
    const { expiresAt, expiresDate } = grantExpiry(grantedAtMs, opts.periodMonths ?? v.request.periodMonths);
    v.grant = {
      id: uuid4(),
      state: 'active',
      fields: opts.fields ?? v.request.fields,
      conditions: opts.conditions ?? null,
      grantedAt: new Date(grantedAtMs).toISOString(),
      expiresAt,
      expiresDate,
      reminderSent: false,
      revokedAt: null,
      revokedReason: null,
    };
    v.objectionDue = null;
  }

  const decisionRecord = (input: DecisionInput): DecisionRecord => ({
    decision: input.decision,
    by: input.actor,
    at: nowIso(),
    reason: input.reason ?? null,
    legalBasis: input.legalBasis ?? null,
    conditions: input.conditions ?? null,
  });

  // ---- queries and updates -------------------------------------------------------------------

  kase.viewQuery(viewQuery);
  kase.registeredUpdate(submittedUpdate);

  kase.action(
    decideUpdate,
    (input) => checkDecision(v, input, policy, Date.now()),
    async (input) => {
      const target = awaitingDecision(v);
      const record = decisionRecord(input);
      const by = input.actor;
      if (target === 'renewal' && v.renewal && v.grant) {
        const renewal = v.renewal;
        if (input.decision === 'approve') {
          const { expiresAt, expiresDate } = renewedExpiry(
            v.grant.expiresDate,
            input.periodMonths ?? renewal.periodMonths,
          );
          renewal.state = 'approved';
          renewal.decision = record;
          v.grant = {
            ...v.grant,
            expiresAt,
            expiresDate,
            reminderSent: false,
            conditions: input.conditions ?? v.grant.conditions,
            fields: input.fields ?? v.grant.fields,
          };
          await transition('renewal_approved', 'granted', by, {
            reason: input.reason ?? null,
            notify: [toApplicant('renewal_approved', `续期申请已通过：${label()}，有效期至 ${expiresDate}`)],
          });
        } else if (input.decision === 'reject') {
          renewal.state = 'rejected';
          renewal.decision = record;
          await transition('renewal_rejected', 'granted', by, {
            reason: input.reason ?? null,
            legalBasis: input.legalBasis ?? null,
            notify: [toApplicant('renewal_rejected', `续期申请不予通过：${label()}`)],
          });
        } else {
          const due = renewal.reviewDue!;
          renewal.extension = { by, at: nowIso(), reason: input.reason ?? '', extendWd: input.extendWd ?? 0 };
          renewal.reviewDue = track(due.from, due.days + (input.extendWd ?? 0));
          await transition('renewal_review_extended', 'granted', by, {
            reason: input.reason ?? null,
            data: { extendWd: input.extendWd, reviewDueDate: renewal.reviewDue.dueDate },
            notify: [toApplicant('review_extended', `续期审核已延期至 ${renewal.reviewDue.dueDate}`)],
          });
        }
        return v;
      }
      switch (input.decision) {
        case 'approve':
          v.decision = record;
          grant({
            fields: input.fields ?? null,
            periodMonths: input.periodMonths ?? null,
            conditions: input.conditions ?? null,
          });
          await transition('approve', 'granted', by, {
            reason: input.reason ?? null,
            data: { conditions: input.conditions ?? null, fields: v.grant!.fields, expiresDate: v.grant!.expiresDate },
            notify: [toApplicant('granted', `共享申请已通过：${label()}`)],
          });
          break;
        case 'reject':
          v.decision = record;
          v.objectionDue = track(today(), policy.objectionWindowWd);
          await transition('reject', 'rejected', by, {
            reason: input.reason ?? null,
            legalBasis: input.legalBasis ?? null,
            notify: [toApplicant('rejected', `共享申请不予共享：${label()}`)],
          });
          break;
        case 'request_supplement':
          v.decision = record;
          v.missing = (input.missing ?? []).map((m) => m.trim()).filter(Boolean);
          v.reviewDue = null;
          v.supplementDue = track(today(), policy.supplementWd);
          await transition('request_supplement', 'awaiting_supplement', by, {
            reason: input.reason ?? null,
            data: { missing: v.missing, supplementDueDate: v.supplementDue.dueDate },
            notify: [
              toApplicant('supplement_requested', `共享申请要求补正：${label()}，需补正：${v.missing.join('；')}`),
            ],
          });
          break;
        case 'extend': {
          const due = v.reviewDue!;
          v.extension = { by, at: nowIso(), reason: input.reason ?? '', extendWd: input.extendWd ?? 0 };
          v.reviewDue = track(due.from, due.days + (input.extendWd ?? 0));
          await transition('extend', 'pending_review', by, {
            reason: input.reason ?? null,
            data: { extendWd: input.extendWd, reviewDueDate: v.reviewDue.dueDate },
            notify: [toApplicant('review_extended', `共享申请审核已延期至 ${v.reviewDue.dueDate}：${label()}`)],
          });
          break;
        }
      }
      return v;
    },
  );

  kase.action(
    supplementUpdate,
    (input) => checkSupplement(v, input, Date.now()),
    async (input) => {
      const changes = {
        ...(input.purpose ? { purpose: input.purpose } : {}),
        ...(input.dutyBasis ? { dutyBasis: input.dutyBasis } : {}),
        ...(input.usageScope ? { usageScope: input.usageScope } : {}),
      };
      v.supplements = [
        ...v.supplements,
        { by: input.actor, at: nowIso(), note: input.note, missing: v.missing ?? [], changes },
      ];
      v.request = { ...v.request, ...changes };
      v.missing = null;
      v.supplementDue = null;
      // processes.md P1: the review clock restarts in full from the supplement (the overdue mark stays: it was late).
      v.reviewDue = track(today(), policy.reviewWd);
      await transition('supplement', 'pending_review', input.actor, {
        reason: input.note,
        data: { changes, reviewDueDate: v.reviewDue.dueDate },
        notify: [toProvider('supplemented', `申请单位已补正：${label()}，审核期限 ${v.reviewDue.dueDate}`)],
      });
      return v;
    },
  );

  kase.action(
    withdrawUpdate,
    (input) => checkWithdrawal(v, input),
    async (input) => {
      v.reviewDue = null;
      v.supplementDue = null;
      await transition('withdraw', 'withdrawn', input.actor, {
        reason: input.reason ?? null,
        notify: [toProvider('withdrawn', `共享申请已撤回：${label()}`)],
      });
      return v;
    },
  );

  kase.action(
    urgeUpdate,
    (input) => checkUrge(v, input),
    async (input) => {
      v.urgedCount += 1;
      const due = awaitingDecision(v) === 'renewal' ? v.renewal?.reviewDue : v.reviewDue;
      await transition('urge', v.state, input.actor, {
        reason: input.reason ?? null,
        data: { urgedCount: v.urgedCount },
        notify: [toProvider('urged', `大数据局督办：请尽快审核${label()}${due ? `（期限 ${due.dueDate}）` : ''}`)],
      });
      return v;
    },
  );

  kase.action(
    renewUpdate,
    (input) => checkRenewal(v, input),
    async (input) => {
      v.renewal = {
        state: 'pending_review',
        periodMonths: input.periodMonths,
        reason: input.reason,
        requestedBy: input.actor,
        requestedAt: nowIso(),
        reviewDue: track(today(), policy.reviewWd),
        overdue: false,
        decision: null,
        extension: null,
      };
      await transition('request_renewal', 'granted', input.actor, {
        reason: input.reason,
        data: { periodMonths: input.periodMonths, reviewDueDate: v.renewal.reviewDue!.dueDate },
        notify: [toProvider('renewal_requested', `收到续期申请：${label()}`)],
      });
      return v;
    },
  );

  kase.action(
    revokeUpdate,
    (input) => checkRevocation(v, input),
    async (input) => {
      const at = nowIso();
      v.grant = { ...v.grant!, state: 'revoked', revokedAt: at, revokedReason: input.reason ?? null };
      const renewalPending = v.renewal?.state === 'pending_review';
      if (v.renewal && renewalPending) v.renewal = { ...v.renewal, state: 'rejected' };
      const notify = [toApplicant('revoked', `共享授权已撤销：${label()}`)];
      if (input.actor.agency !== v.providerAgency)
        notify.push(toProvider('revoked', `大数据局已撤销共享授权：${label()}`));
      await transition('revoke', 'revoked', input.actor, {
        reason: input.reason ?? null,
        data: { renewalPendingAtRevocation: renewalPending },
        notify,
      });
      return v;
    },
  );

  kase.action(
    fileObjectionUpdate,
    (input) => checkObjection(v, input, Date.now()),
    async (input) => {
      // Claimed at once, so a concurrent second filing is refused by its validator.
      v.objectionId = input.objectionId;
      const refusal = v.decision!;
      // The objection is a workflow of its own; it answers back by signal when resolved.
      const objection: ObjectionInput = {
        id: input.objectionId,
        applicationId: v.id,
        applicantAgency: v.applicantAgency,
        ...(agencyNames ? { agencyNames } : {}),
        providerAgency: v.providerAgency,
        resource: { id: v.resource.id, code: v.resource.code, name: v.resource.name },
        refusal: {
          reason: refusal.reason,
          legalBasis: refusal.legalBasis,
          by: refusal.by,
          at: refusal.at,
          automatic: refusal.automatic ?? false,
        },
        statement: input.statement,
        dutyBasis: input.dutyBasis ?? null,
        filedBy: input.actor,
        policy: input.policy,
      };
      try {
        objectionProcess.handle = await startChild('objectionWorkflow', {
          workflowId: objectionWorkflowId(input.objectionId),
          args: [objection],
          parentClosePolicy: ParentClosePolicy.ABANDON,
        });
      } catch (error) {
        v.objectionId = null;
        throw ApplicationFailure.create({
          type: 'UNAVAILABLE',
          message: `the objection could not be started; retry: ${String(error)}`,
          nonRetryable: true,
          details: [{ state: v.state, errors: [] }],
        });
      }
      await transition('file_objection', 'in_objection', input.actor, {
        reason: input.statement,
        legalBasis: refusal.legalBasis,
        data: { objectionId: input.objectionId },
      });
      return v;
    },
  );

  setHandler(objectionResolvedSignal, async (resolution: ObjectionResolution) => {
    if (!kase.registered() || v.state !== 'in_objection' || v.objectionId !== resolution.objectionId) {
      log.warn('ignoring an objection outcome that does not match this case', {
        caseId: v.id,
        objectionId: resolution.objectionId,
        state: v.state,
      });
      return;
    }
    const finalDecision: DecisionRecord = {
      decision: resolution.outcome === 'uphold_refusal' ? 'reject' : 'approve',
      by: resolution.decidedBy,
      at: nowIso(),
      reason: resolution.reasoning,
      legalBasis: resolution.outcome === 'uphold_refusal' ? (v.decision?.legalBasis ?? null) : null,
      conditions: resolution.conditions ?? null,
      final: true,
    };
    v.decision = finalDecision;
    v.objectionDue = null;
    if (resolution.outcome === 'uphold_refusal') {
      await transition('objection_upheld_refusal', 'rejected', resolution.decidedBy, {
        reason: resolution.reasoning,
        legalBasis: finalDecision.legalBasis,
        data: { objectionId: resolution.objectionId },
        notify: [toApplicant('objection_resolved', `异议协调结果：维持不予共享：${label()}`)],
      });
    } else {
      grant({ conditions: resolution.conditions ?? null });
      await transition('objection_granted', 'granted', resolution.decidedBy, {
        reason: resolution.reasoning,
        data: {
          objectionId: resolution.objectionId,
          outcome: resolution.outcome,
          conditions: resolution.conditions ?? null,
        },
        notify: [
          toApplicant('granted', `异议协调结果：予以共享：${label()}`),
          toProvider('objection_resolved', `协调意见要求共享：${label()}`),
        ],
      });
    }
  });

  // A published calendar moves every open deadline, recomputed from its rule.
  kase.onCalendar((calendar) => {
    // Only the deadlines still running move: a decided review's date stays as it was. Cases older
    // than the local-steps patch recompute every deadline, as they did when they ran.
    const open = openShareDeadlines(v);
    const recompute = (d: TrackedDeadline | null) =>
      !kase.localSteps
        ? d
          ? track(d.from, d.days)
          : d
        : d && open.includes(d)
          ? recomputeOpen(d, calendar, Date.now())
          : d;
    const before = JSON.stringify([v.reviewDue, v.supplementDue, v.objectionDue, v.renewal?.reviewDue]);
    v.reviewDue = recompute(v.reviewDue);
    v.supplementDue = recompute(v.supplementDue);
    v.objectionDue = recompute(v.objectionDue);
    if (v.renewal?.state === 'pending_review') v.renewal = { ...v.renewal, reviewDue: recompute(v.renewal.reviewDue) };
    if (JSON.stringify([v.reviewDue, v.supplementDue, v.objectionDue, v.renewal?.reviewDue]) === before) return null;
    return {
      data: {
        reviewDueDate: v.reviewDue?.dueDate ?? null,
        supplementDueDate: v.supplementDue?.dueDate ?? null,
        objectionDueDate: v.objectionDue?.dueDate ?? null,
      },
    };
  });

  // ---- registration --------------------------------------------------------------------------

  await kase.loadCalendar();
  const precheck =
    input.resource.shareType === 'unconditional'
      ? (input.precheck ??
        (await kase.steps.precheckShareApplication({
          applicantAgency: input.applicantAgency,
          resourceId: input.resource.id,
          fields: input.request.fields,
        })))
      : { passed: true, problems: [] };
  const route = initialRoute(input.resource, precheck);
  const bureau = systemActor('bureau compliance pre-check');
  // processes.md P1: the bureau pre-checks within share.precheckWd; it does so at once, and the audit
  // keeps the deadline beside the day it was done.
  const prechecked =
    input.resource.shareType === 'unconditional'
      ? { precheckedOn: today(), precheckDueDate: track(today(), policy.precheckWd).dueDate }
      : {};
  if (route === 'grant') {
    // The applicant submits; the bureau's automatic pre-check decides, and the audit says so.
    void transition('submit', 'pending_review', input.submittedBy, { data: { route } });
    v.decision = {
      decision: 'approve',
      by: bureau,
      at: nowIso(),
      reason: '无条件共享：合规预审通过',
      legalBasis: null,
      conditions: null,
      automatic: true,
    };
    grant({});
    void transition('auto_grant', 'granted', bureau, {
      reason: v.decision.reason,
      data: { fields: v.request.fields, expiresDate: v.grant!.expiresDate, ...prechecked },
      notify: [toProvider('granted', `无条件共享已授权给 ${named(v.applicantAgency)}：${label()}`)],
    });
  } else if (route === 'reject') {
    const catalog = systemActor('catalog');
    void transition('submit', 'pending_review', input.submittedBy, { data: { route } });
    v.decision = {
      decision: 'reject',
      by: catalog,
      at: nowIso(),
      reason: '资源目录注明该资源不予共享',
      legalBasis: input.resource.legalBasis,
      conditions: null,
      automatic: true,
    };
    v.objectionDue = track(today(), policy.objectionWindowWd);
    void transition('auto_reject', 'rejected', catalog, {
      reason: v.decision.reason,
      legalBasis: input.resource.legalBasis,
      notify: [toApplicant('rejected', `目录注明不予共享：${label()}`)],
    });
  } else {
    v.reviewDue = track(today(), policy.reviewWd);
    void transition('submit', 'pending_review', input.submittedBy, {
      data: { route, precheckProblems: precheck.problems, reviewDueDate: v.reviewDue.dueDate, ...prechecked },
      notify: [
        toProvider(
          'review_requested',
          `收到 ${named(v.applicantAgency)} 的共享申请：${label()}，审核期限 ${v.reviewDue.dueDate}`,
        ),
      ],
    });
  }
  await kase.recording();
  kase.markRegistered();

  // ---- deadlines -----------------------------------------------------------------------------

  const waitForChange = (atMs: number | null): Promise<boolean> => kase.changedBefore(atMs);

  let flaggedDueAt: string | null = null;
  async function awaitReview(): Promise<void> {
    const due = v.reviewDue;
    if (await waitForChange(due && due.dueAt !== flaggedDueAt ? dueMs(due) : null)) return;
    // processes.md P1: nothing is approved because time ran out; the case is flagged overdue and stays open.
    flaggedDueAt = due!.dueAt;
    v.overdue = true;
    await transition('overdue', v.state, systemActor('deadline'), {
      reason: `审核期限 ${v.reviewDue?.dueDate} 已过`,
      notify: [
        toProvider('overdue', `共享申请审核超期（期限 ${v.reviewDue?.dueDate}），请尽快办理：${label()}`),
        toBureau('overdue', `共享申请审核超期（督办）：${named(v.providerAgency)}，${label()}`),
      ],
    });
  }

  async function awaitSupplement(): Promise<void> {
    if (await waitForChange(dueMs(v.supplementDue))) return;
    // processes.md P1: no supplement within share.supplementWd closes the case.
    const dueDate = v.supplementDue?.dueDate;
    v.supplementDue = null;
    await transition('close', 'closed', systemActor('deadline'), {
      reason: `未于 ${dueDate} 前补正`,
      notify: [
        toApplicant('closed', `逾期未补正，共享申请已关闭：${label()}`),
        toProvider('closed', `逾期未补正，共享申请已关闭：${label()}`),
      ],
    });
  }

  async function awaitGrantEnd(): Promise<void> {
    const g = v.grant!;
    const renewal = v.renewal;
    const timers: { at: number; fire: () => Promise<unknown> }[] = [
      {
        at: Date.parse(g.expiresAt) + 1,
        fire: () => {
          v.grant = { ...g, state: 'expired' };
          const renewalPending = v.renewal?.state === 'pending_review';
          if (v.renewal && renewalPending) v.renewal = { ...v.renewal, state: 'rejected' };
          return transition('expire', 'expired', systemActor('deadline'), {
            reason: `使用期限已于 ${g.expiresDate} 届满`,
            data: { renewalPendingAtExpiry: renewalPending },
            notify: [
              toApplicant('expired', `共享授权已到期：${label()}`),
              toProvider('expired', `对 ${named(v.applicantAgency)} 的共享授权已到期：${label()}`),
            ],
          });
        },
      },
    ];
    if (!g.reminderSent) {
      timers.push({
        at: reminderAtMs(g.expiresAt, policy),
        fire: () => {
          v.grant = { ...g, reminderSent: true };
          return transition('expiry_reminder', 'granted', systemActor('deadline'), {
            reason: `共享授权将于 ${g.expiresDate} 到期`,
            notify: [
              toApplicant('expiry_reminder', `共享授权将于 ${g.expiresDate} 到期，如需继续使用请申请续期：${label()}`),
            ],
          });
        },
      });
    }
    if (renewal?.state === 'pending_review' && !renewal.overdue && renewal.reviewDue) {
      timers.push({
        at: Date.parse(renewal.reviewDue.dueAt) + 1,
        fire: () => {
          v.renewal = { ...renewal, overdue: true };
          return transition('renewal_overdue', 'granted', systemActor('deadline'), {
            reason: `续期审核期限 ${renewal.reviewDue!.dueDate} 已过`,
            notify: [
              toProvider('overdue', `续期审核超期，请尽快办理：${label()}`),
              toBureau('overdue', `续期审核超期（督办）：${named(v.providerAgency)}，${label()}`),
            ],
          });
        },
      });
    }
    timers.sort((a, b) => a.at - b.at);
    const next = timers[0]!;
    if (await waitForChange(next.at)) return;
    await next.fire();
  }

  /** True when the objection window closed with no objection: the refusal stands. */
  async function awaitObjectionWindow(): Promise<boolean> {
    if (v.decision?.final || !v.objectionDue) return true;
    if (await waitForChange(dueMs(v.objectionDue))) return false;
    // An objection filed just in time is still being started: the window is not closed over it.
    if (v.objectionId) return false;
    const dueDate = v.objectionDue.dueDate;
    v.decision = { ...v.decision!, final: true };
    v.objectionDue = null;
    await transition('objection_window_closed', 'rejected', systemActor('deadline'), {
      reason: `未于 ${dueDate} 前提出异议`,
    });
    return true;
  }

  for (;;) {
    if (isTerminal(v.state)) break;
    await kase.refreshCalendar();
    if (v.state === 'pending_review') await awaitReview();
    else if (v.state === 'awaiting_supplement') await awaitSupplement();
    else if (v.state === 'granted') await awaitGrantEnd();
    else if (v.state === 'rejected') {
      if (await awaitObjectionWindow()) break;
    } else if (v.state === 'in_objection') {
      const version = v.version;
      // The outcome arrives by signal; a failed or terminated objection process must not leave the case
      // waiting forever.
      const processFailed = objectionProcess.handle
        ? objectionProcess.handle.result().then(
            () => new Promise<never>(() => {}),
            () => true,
          )
        : new Promise<never>(() => {});
      const failed = await Promise.race([condition(() => v.version !== version).then(() => false), processFailed]);
      if (failed && v.state === 'in_objection') {
        log.error('the objection process failed; the applicant may object again', {
          caseId: v.id,
          objectionId: v.objectionId,
        });
        v.objectionId = null;
        v.objectionDue = track(today(), policy.objectionWindowWd);
        await transition('objection_process_failed', 'rejected', systemActor('objection'), {
          reason: '异议流程未产生结果即结束',
          notify: [
            toApplicant('objection_failed', `您的异议未能办理，可于 ${v.objectionDue.dueDate} 前重新提出：${label()}`),
            toBureau('objection_failed', `异议流程异常：${label()}`),
          ],
        });
      }
    }
  }

  await kase.settle();
  return v;
}
