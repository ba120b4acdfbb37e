// The conditional open-data request (有条件开放申请), docs/processes.md P3: formal check by the bureau,
// review by the provider, the signed agreement, then supervised access until it ends.
import { patched } from '@temporalio/workflow';
import { stateLabels } from '../common/glossary.js';
import { systemActor } from '../common/actors.js';
import { dueMs, nowIso, today } from '../common/case.js';
import { recomputeOpen, type TrackedDeadline } from '../common/deadlines.js';
import { openCase } from '../common/kernel.js';
import { addCalendarDays, addMonths, endOfLocalDay, localDate, startOfLocalDay } from '../common/working-days.js';
import type { NotificationSpec } from '../common/events.js';
import {
  formalCheckUpdate,
  openDecideUpdate,
  openRegisteredUpdate,
  openRevokeUpdate,
  openViewQuery,
  reportUsageUpdate,
  resubmitUpdate,
  signUpdate,
} from './messages.js';
import {
  checkFormalCheck,
  checkOpenDecision,
  checkOpenRevocation,
  checkResubmission,
  checkSignature,
  checkUsageReport,
  nextReportDue,
} from './rules.js';
import {
  terminalOpenDataStates,
  type OpenDataChange,
  type OpenDataRequestInput,
  type OpenDataState,
  type OpenDataView,
} from './types.js';

export async function openDataRequestWorkflow(input: OpenDataRequestInput): Promise<OpenDataView> {
  const policy = input.policy;

  const v: OpenDataView = {
    id: input.id,
    state: 'formal_check',
    overdue: false,
    version: 0,
    resource: input.resource,
    requester: input.requester,
    request: input.request,
    formalCheckDue: null,
    reviewDue: null,
    agreementDue: null,
    returnedReasons: null,
    resubmissions: 0,
    decision: null,
    agreementVersion: null,
    signature: null,
    activatedAt: null,
    expiresAt: null,
    expiresDate: null,
    nextReportDueAt: null,
    nextReportDueDate: null,
    graceDue: null,
    reports: [],
    warnings: 0,
    revocation: null,
    submittedAt: nowIso(),
    updatedAt: nowIso(),
  };

  const toRequester = (kind: string, title: string): NotificationSpec => ({
    audience: 'user',
    recipient: v.requester.userId,
    kind,
    title,
  });
  const toProvider = (kind: string, title: string): NotificationSpec => ({
    audience: 'agency',
    recipient: v.resource.providerAgency,
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

  const kase = openCase<OpenDataView, OpenDataState>({
    process: 'open-data request',
    view: () => v,
    // The requester appears in logs by mask only.
    logFields: () => ({ caseId: v.id, requester: v.requester.identifierMasked }),
    record: (acts) => acts.recordOpenDataRequest,
    registering: 'the request is still being registered',
    closed: () => terminalOpenDataStates.includes(v.state),
  });
  const { track } = kase;
  const transition = (
    action: string,
    to: OpenDataState,
    actor: Parameters<typeof kase.transition>[2],
    opts: Parameters<typeof kase.transition>[3] & { denyList?: OpenDataChange['denyList'] } = {},
  ) => {
    const { denyList, ...rest } = opts;
    return kase.transition(action, to, actor, denyList ? { ...rest, extra: { denyList } } : rest);
  };

  kase.viewQuery(openViewQuery);
  kase.registeredUpdate(openRegisteredUpdate);

  kase.action(
    formalCheckUpdate,
    (i) => checkFormalCheck(v, i),
    async (i) => {
      if (i.passed) {
        v.formalCheckDue = null;
        v.returnedReasons = null;
        v.reviewDue = track(today(), policy.reviewWd);
        await transition('formal_check_passed', 'provider_review', i.actor, {
          data: { reviewDueDate: v.reviewDue.dueDate },
          notify: [toProvider('review_requested', `开放申请待审核：${label()}，办理期限 ${v.reviewDue.dueDate}`)],
        });
      } else {
        v.formalCheckDue = null;
        v.returnedReasons = (i.reasons ?? []).map((r) => r.trim()).filter(Boolean);
        await transition('return', 'returned', i.actor, {
          reason: v.returnedReasons.join('; '),
          notify: [toRequester('returned', `您的开放申请已退回：${label()}，原因：${v.returnedReasons.join('；')}`)],
        });
      }
      return v;
    },
  );

  kase.action(
    resubmitUpdate,
    (i) => checkResubmission(v, i),
    async (i) => {
      const { contact, ...changes } = i.changes;
      v.request = { ...v.request, ...changes };
      if (contact) v.requester = { ...v.requester, contact };
      v.resubmissions += 1;
      v.formalCheckDue = track(today(), policy.formalCheckWd);
      await transition('resubmit', 'formal_check', i.actor, {
        data: { changed: Object.keys(i.changes), formalCheckDueDate: v.formalCheckDue.dueDate },
        notify: [toBureau('formal_check_requested', `开放申请已重新提交，待形式审查：${label()}`)],
      });
      return v;
    },
  );

  kase.action(
    openDecideUpdate,
    (i) => checkOpenDecision(v, i),
    async (i) => {
      // A refusal cites its legal basis: the provider's, else the catalog's for the resource.
      const legalBasis = i.decision === 'reject' ? (i.legalBasis ?? v.resource.legalBasis ?? null) : null;
      v.decision = {
        decision: i.decision,
        by: i.actor,
        at: nowIso(),
        reason: i.reason ?? null,
        conditions: i.conditions ?? null,
        ...(legalBasis ? { legalBasis } : {}),
      };
      v.reviewDue = null;
      if (i.decision === 'reject') {
        await transition('reject', 'rejected', i.actor, {
          reason: i.reason ?? null,
          legalBasis,
          notify: [toRequester('rejected', `您的开放申请不予开放：${label()}，理由：${i.reason}`)],
        });
        return v;
      }
      // processes.md P3 step 3: the agreement in force when the request is approved is the one to sign.
      v.agreementVersion = i.agreementVersion!;
      v.agreementDue = track(today(), policy.agreementWd);
      await transition('approve', 'awaiting_agreement', i.actor, {
        data: {
          conditions: i.conditions ?? null,
          agreementVersion: v.agreementVersion,
          agreementDueDate: v.agreementDue.dueDate,
        },
        notify: [
          toRequester('approved', `开放申请已通过：请于 ${v.agreementDue.dueDate} 前签署开放利用协议：${label()}`),
        ],
      });
      return v;
    },
  );

  kase.action(
    signUpdate,
    (i) => checkSignature(v, i, Date.now()),
    async (i) => {
      const activatedMs = Date.now();
      const startDate = localDate(activatedMs);
      v.signature = { version: i.agreementVersion, by: i.actor, at: new Date(activatedMs).toISOString() };
      v.agreementDue = null;
      v.activatedAt = v.signature.at;
      v.expiresDate = addMonths(startDate, v.request.periodMonths);
      v.expiresAt = endOfLocalDay(v.expiresDate);
      // A report is never due after access ends: a request shorter than the report interval reports at its end.
      const firstDue = addMonths(startDate, policy.reportEveryMonths);
      v.nextReportDueDate =
        patched('first-report-due-within-access') && firstDue > v.expiresDate ? v.expiresDate : firstDue;
      v.nextReportDueAt = endOfLocalDay(v.nextReportDueDate);
      await transition('sign', 'active', i.actor, {
        data: {
          agreementVersion: i.agreementVersion,
          expiresDate: v.expiresDate,
          nextReportDueDate: v.nextReportDueDate,
        },
        notify: [toProvider('activated', `${v.requester.name} 已签署协议，开始使用：${label()}`)],
      });
      return v;
    },
  );

  kase.action(
    reportUsageUpdate,
    (i) => checkUsageReport(v, i),
    async (i) => {
      const resumed = v.state === 'suspended';
      const last = v.reports.at(-1);
      const lastReportDate = last ? localDate(Date.parse(last.at)) : null;
      v.reports = [
        ...v.reports,
        {
          seq: v.reports.length + 1,
          period: i.period,
          summary: i.summary,
          outcomes: i.outcomes ?? null,
          at: nowIso(),
          by: i.actor,
        },
      ];
      v.graceDue = null;
      // Cases since this patch never move a report's due date past the end of access.
      const withinAccess = patched('report-due-within-access');
      v.nextReportDueDate = nextReportDue(
        v.nextReportDueDate!,
        lastReportDate,
        policy.reportEveryMonths,
        withinAccess ? v.expiresDate : null,
      );
      v.nextReportDueAt = endOfLocalDay(v.nextReportDueDate);
      await transition(resumed ? 'report_resumes' : 'report', 'active', i.actor, {
        data: { period: i.period, seq: v.reports.length, nextReportDueDate: v.nextReportDueDate },
        notify: [toProvider('usage_report', `收到利用情况报送：${label()}（${i.period}）`)],
      });
      return v;
    },
  );

  kase.action(
    openRevokeUpdate,
    (i) => checkOpenRevocation(v, i),
    async (i) => {
      v.revocation = { by: i.actor, at: nowIso(), reason: i.reason };
      // processes.md P3 step 4: violation → revoked, and the requester goes on the dataset's deny-list.
      await transition('revoke', 'revoked', i.actor, {
        reason: i.reason,
        denyList: {
          resourceId: v.resource.id,
          requesterKeys: [v.requester.key, `user:${v.requester.userId}`],
          reason: i.reason,
        },
        notify: [
          toRequester('revoked', `您的开放使用已撤销：${label()}，理由：${i.reason}`),
          toProvider('revoked', `开放使用已撤销：${label()}`),
        ],
      });
      return v;
    },
  );

  kase.onCalendar((calendar) => {
    // Cases older than the local-steps patch recompute passed deadlines too, as they did when they ran.
    const re = (d: TrackedDeadline | null) =>
      kase.localSteps ? recomputeOpen(d, calendar, Date.now()) : d ? track(d.from, d.days) : d;
    const before = JSON.stringify([v.formalCheckDue, v.reviewDue, v.agreementDue, v.graceDue]);
    v.formalCheckDue = re(v.formalCheckDue);
    v.reviewDue = re(v.reviewDue);
    v.agreementDue = re(v.agreementDue);
    v.graceDue = re(v.graceDue);
    return JSON.stringify([v.formalCheckDue, v.reviewDue, v.agreementDue, v.graceDue]) === before ? null : {};
  });

  // ---- registration --------------------------------------------------------------------------
  await kase.loadCalendar();
  if (
    await kase.steps.isDenyListed({
      resourceId: input.resource.id,
      requesterKeys: [input.requester.key, `user:${input.requester.userId}`],
    })
  ) {
    // processes.md P3 step 1: a requester on the dataset's deny-list is refused at the formal check.
    void transition('submit', 'formal_check', input.submittedBy);
    void transition('reject_deny_listed', 'rejected', systemActor('formal check'), {
      reason: '申请人已被列入该数据集的限制名单',
      notify: [toRequester('rejected', `您的开放申请不予受理：您已被列入该数据集的限制名单：${label()}`)],
    });
  } else {
    v.formalCheckDue = track(today(), policy.formalCheckWd);
    void transition('submit', 'formal_check', input.submittedBy, {
      data: { formalCheckDueDate: v.formalCheckDue.dueDate },
      notify: [toBureau('formal_check_requested', `新的开放申请待形式审查：${label()}，申请人 ${v.requester.name}`)],
    });
  }
  await kase.recording();
  kase.markRegistered();

  // ---- deadlines -----------------------------------------------------------------------------
  const waitForChange = (atMs: number | null): Promise<boolean> => kase.changedBefore(atMs);
  const flagged = new Set<string>();
  let remindedFor: string | null = null;

  /** processes.md P3: a missed review or check deadline flags the request overdue and escalates, as in P1. */
  async function awaitDecisionStep(due: TrackedDeadline | null, who: NotificationSpec[]): Promise<void> {
    const waitingIn = v.state;
    const key = due ? `${v.state}:${due.dueAt}` : null;
    if (await waitForChange(due && key && !flagged.has(key) ? dueMs(due) : null)) return;
    if (v.state !== waitingIn) return;
    flagged.add(key!);
    v.overdue = true;
    await transition('overdue', v.state, systemActor('deadline'), {
      reason: `${stateLabels['open-data-request'][v.state]}期限 ${due!.dueDate} 已过`,
      notify: [...who, toBureau('overdue', `开放申请办理超期（督办）：${label()}`)],
    });
  }

  async function awaitAccessEnd(): Promise<void> {
    const timers: { at: number; fire: () => Promise<unknown> }[] = [
      {
        at: Date.parse(v.expiresAt!) + 1,
        fire: () =>
          transition('expire', 'expired', systemActor('deadline'), {
            reason: `使用期限已于 ${v.expiresDate} 届满`,
            notify: [toRequester('expired', `您的开放使用已到期：${label()}`)],
          }),
      },
    ];
    const dueAt = v.nextReportDueAt!;
    if (remindedFor !== dueAt && !v.graceDue) {
      // Reminded at the start of the day reportReminderDays before the due date.
      timers.push({
        at: Date.parse(startOfLocalDay(addCalendarDays(v.nextReportDueDate!, -policy.reportReminderDays))),
        fire: () => {
          remindedFor = dueAt;
          return transition('report_reminder', v.state, systemActor('deadline'), {
            reason: `利用情况应于 ${v.nextReportDueDate} 前报送`,
            notify: [toRequester('report_reminder', `请于 ${v.nextReportDueDate} 前报送利用情况：${label()}`)],
          });
        },
      });
    }
    if (!v.graceDue && v.state === 'active') {
      timers.push({
        at: Date.parse(dueAt) + 1,
        fire: () => {
          // processes.md P3 step 4: a missed report earns a warning, then suspension after open.reportGraceWd.
          v.warnings += 1;
          v.graceDue = track(v.nextReportDueDate!, policy.reportGraceWd);
          return transition('report_missed', 'active', systemActor('deadline'), {
            reason: `未于 ${v.nextReportDueDate} 前报送利用情况`,
            data: { graceDueDate: v.graceDue.dueDate },
            notify: [
              toRequester('warning', `警告：请于 ${v.graceDue.dueDate} 前报送利用情况，逾期将暂停使用：${label()}`),
              toProvider('report_missed', `未按期报送利用情况：${label()}`),
            ],
          });
        },
      });
    }
    if (v.graceDue && v.state === 'active') {
      timers.push({
        at: dueMs(v.graceDue)!,
        fire: () =>
          transition('suspend', 'suspended', systemActor('deadline'), {
            reason: `宽限期 ${v.graceDue!.dueDate} 届满仍未报送利用情况`,
            notify: [
              toRequester('suspended', `您的开放使用已暂停，报送利用情况后恢复：${label()}`),
              toProvider('suspended', `因未报送利用情况，开放使用已暂停：${label()}`),
            ],
          }),
      });
    }
    timers.sort((a, b) => a.at - b.at);
    const next = timers[0]!;
    if (await waitForChange(next.at)) return;
    await next.fire();
  }

  while (!terminalOpenDataStates.includes(v.state)) {
    await kase.refreshCalendar();
    if (v.state === 'formal_check') await awaitDecisionStep(v.formalCheckDue, []);
    else if (v.state === 'provider_review')
      await awaitDecisionStep(v.reviewDue, [toProvider('overdue', `开放申请审核已超期，请尽快办理：${label()}`)]);
    else if (v.state === 'awaiting_agreement') {
      if (await waitForChange(dueMs(v.agreementDue))) continue;
      // processes.md P3 step 3: unsigned within open.agreementWd → lapsed.
      await transition('lapse', 'lapsed', systemActor('deadline'), {
        reason: `未于 ${v.agreementDue?.dueDate} 前签署开放利用协议`,
        notify: [toRequester('lapsed', `因未按期签署协议，开放申请已失效：${label()}`)],
      });
    } else if (v.state === 'active' || v.state === 'suspended') await awaitAccessEnd();
    else if (v.state === 'returned') await waitForChange(null);
  }

  await kase.settle();
  return v;
}
