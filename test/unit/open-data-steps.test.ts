// The conditional open-data request's (有条件开放申请) next-state functions, docs/processes.md P3: what
// each step does to the case, with no Temporal at all. Dates worked out by hand on the built-in calendar.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../workflows/common/actors.js';
import { BUILTIN_CALENDAR } from '../../workflows/common/calendar-data.js';
import { trackDeadline } from '../../workflows/common/deadlines.js';
import { fixedContext } from '../../workflows/common/step.js';
import {
  accessStep,
  accessTimers,
  agreementLapsed,
  decision,
  decisionOverdue,
  denyListed,
  formalCheck,
  recomputedDeadlines,
  resubmission,
  revocation,
  signature,
  submission,
  usageReport,
  type OpenDataContext,
  type OpenDataStep,
} from '../../workflows/open-data-request/rules.js';
import type { OpenDataState, OpenDataView } from '../../workflows/open-data-request/types.js';

const P = 'AG-PROVIDER';
const requester: Actor = { id: 'citizen-1', name: '张敏', role: 'public', agency: null };
const bureau: Actor = { id: 'u-zheng', name: '李强', role: 'bureau_coordinator', agency: null };
const reviewer: Actor = { id: 'u-li', name: '王芳', role: 'agency_reviewer', agency: P };
const policy = {
  formalCheckWd: 5,
  reviewWd: 10,
  agreementWd: 5,
  reportEveryMonths: 6,
  reportReminderDays: 7,
  reportGraceWd: 10,
};
const at = (iso: string): OpenDataContext => ({ ...fixedContext(Date.parse(iso)), policy });
/** Mon 2026-03-02, 10:00 local. */
const MONDAY = at('2026-03-02T02:00:00.000Z');
const due = (from: string, days: number) => trackDeadline({ from, days }, BUILTIN_CALENDAR);

const request = (state: OpenDataState, o: Partial<OpenDataView> = {}): OpenDataView => ({
  id: 'odr-1',
  state,
  overdue: false,
  version: 1,
  resource: {
    id: 'res-1',
    code: 'R-ENT',
    name: '企业登记信息',
    providerAgency: P,
    fields: ['name', 'address'],
    legalBasis: '《数据安全法》第四十二条',
  },
  requester: {
    kind: 'person',
    name: '张敏',
    identifierMasked: '3716**********123X',
    key: 'key-1',
    contact: '13800000000',
    userId: 'citizen-1',
  },
  request: { fields: ['name'], purpose: '学术研究', scenario: '产业分析', periodMonths: 12, securityMeasures: '专网' },
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
  submittedAt: MONDAY.at,
  updatedAt: MONDAY.at,
  ...o,
});
/** Signed on Mon 2026-03-02 for 12 months: the first report is due 2026-09-02. */
const active = (o: Partial<OpenDataView> = {}) =>
  request('active', {
    activatedAt: MONDAY.at,
    expiresDate: '2027-03-02',
    expiresAt: '2027-03-02T15:59:59.999Z',
    nextReportDueDate: '2026-09-02',
    nextReportDueAt: '2026-09-02T15:59:59.999Z',
    ...o,
  });
const told = (step: OpenDataStep) => (step.notify ?? []).map((n) => `${n.audience}:${n.recipient ?? '-'}:${n.kind}`);

describe('open-data request steps (processes.md P3)', () => {
  it('is submitted to the formal check, due in 5 working days, and the bureau is told', () => {
    const step = submission(request('formal_check', { version: 0 }), requester, MONDAY);
    expect([step.action, step.to, step.actor]).toEqual(['submit', 'formal_check', requester]);
    expect(step.set.formalCheckDue).toMatchObject({ from: '2026-03-02', dueDate: '2026-03-09' });
    expect(step.data).toEqual({ formalCheckDueDate: '2026-03-09' });
    expect(told(step)).toEqual(['bureau:-:formal_check_requested']);
  });

  it('a deny-listed requester is submitted and refused at once, with no deadline', () => {
    const [submit, reject] = denyListed(request('formal_check', { version: 0 }), requester);
    expect([submit!.action, submit!.to, submit!.set, submit!.notify]).toEqual([
      'submit',
      'formal_check',
      {},
      undefined,
    ]);
    expect([reject!.action, reject!.to, reject!.actor.name]).toEqual([
      'reject_deny_listed',
      'rejected',
      'formal check',
    ]);
    expect(told(reject!)).toEqual(['user:citizen-1:rejected']);
  });

  describe('formal check', () => {
    it('passes to the provider’s review, due in 10 working days', () => {
      const step = formalCheck(
        request('formal_check', { formalCheckDue: due('2026-03-02', 5), returnedReasons: ['旧原因'] }),
        { actor: bureau, passed: true },
        MONDAY,
      );
      expect([step.action, step.to]).toEqual(['formal_check_passed', 'provider_review']);
      expect(step.set).toMatchObject({ formalCheckDue: null, returnedReasons: null });
      expect(step.set.reviewDue?.dueDate).toBe('2026-03-16');
      expect(told(step)).toEqual([`agency:${P}:review_requested`]);
    });

    it('returns the request with its reasons, trimmed and without blanks', () => {
      const step = formalCheck(
        request('formal_check'),
        { actor: bureau, passed: false, reasons: [' 用途不明 ', '', '缺少安全措施'] },
        MONDAY,
      );
      expect([step.action, step.to, step.reason]).toEqual(['return', 'returned', '用途不明; 缺少安全措施']);
      expect(step.set).toEqual({ formalCheckDue: null, returnedReasons: ['用途不明', '缺少安全措施'] });
      expect(step.notify![0]!.title).toContain('用途不明；缺少安全措施');
    });
  });

  it('a resubmission merges the changes, updates the contact and restarts the formal check', () => {
    const v = request('returned', { resubmissions: 1 });
    const step = resubmission(
      v,
      { actor: requester, changes: { purpose: '公益研究', contact: '13900000000' } },
      MONDAY,
    );
    expect([step.action, step.to]).toEqual(['resubmit', 'formal_check']);
    expect(step.set.request).toEqual({ ...v.request, purpose: '公益研究' });
    expect(step.set.requester).toEqual({ ...v.requester, contact: '13900000000' });
    expect(step.set.resubmissions).toBe(2);
    expect(step.data).toEqual({ changed: ['purpose', 'contact'], formalCheckDueDate: '2026-03-09' });
    const noContact = resubmission(v, { actor: requester, changes: { scenario: '城市规划' } }, MONDAY);
    expect(noContact.set).not.toHaveProperty('requester');
  });

  describe('decision', () => {
    const reviewing = request('provider_review', { reviewDue: due('2026-02-27', 10) });

    it('a refusal cites the provider’s legal basis, else the catalog’s, and clears the review deadline', () => {
      const own = decision(
        reviewing,
        { actor: reviewer, decision: 'reject', reason: '涉及商业秘密', legalBasis: '《反不正当竞争法》第九条' },
        MONDAY,
      );
      expect([own.action, own.to, own.legalBasis]).toEqual(['reject', 'rejected', '《反不正当竞争法》第九条']);
      expect(own.set.reviewDue).toBeNull();
      expect(own.set.decision).toMatchObject({ decision: 'reject', legalBasis: '《反不正当竞争法》第九条' });
      const catalogs = decision(reviewing, { actor: reviewer, decision: 'reject', reason: '涉及商业秘密' }, MONDAY);
      expect(catalogs.legalBasis).toBe('《数据安全法》第四十二条');
      const none = decision(
        request('provider_review', { resource: { ...reviewing.resource, legalBasis: null } }),
        { actor: reviewer, decision: 'reject', reason: '涉及商业秘密' },
        MONDAY,
      );
      expect(none.legalBasis).toBeNull();
      expect(none.set.decision).not.toHaveProperty('legalBasis');
    });

    it('an approval fixes the agreement in force, to be signed in 5 working days', () => {
      const step = decision(
        reviewing,
        { actor: reviewer, decision: 'approve', conditions: '不得再分发', agreementVersion: 3 },
        MONDAY,
      );
      expect([step.action, step.to, step.legalBasis]).toEqual(['approve', 'awaiting_agreement', undefined]);
      expect(step.set).toMatchObject({ reviewDue: null, agreementVersion: 3 });
      expect(step.set.agreementDue?.dueDate).toBe('2026-03-09');
      expect(step.data).toEqual({ conditions: '不得再分发', agreementVersion: 3, agreementDueDate: '2026-03-09' });
      expect(told(step)).toEqual(['user:citizen-1:approved']);
    });
  });

  describe('signature', () => {
    const awaiting = request('awaiting_agreement', { agreementVersion: 3, agreementDue: due('2026-02-27', 5) });

    it('starts access for the period asked, the first report due after open.reportEveryMonths', () => {
      const step = signature(awaiting, { actor: requester, agreementVersion: 3 }, MONDAY, true);
      expect([step.action, step.to]).toEqual(['sign', 'active']);
      expect(step.set).toMatchObject({
        agreementDue: null,
        activatedAt: MONDAY.at,
        expiresDate: '2027-03-02',
        expiresAt: '2027-03-02T15:59:59.999Z',
        nextReportDueDate: '2026-09-02',
        nextReportDueAt: '2026-09-02T15:59:59.999Z',
      });
      expect(step.set.signature).toEqual({ version: 3, by: requester, at: MONDAY.at });
      expect(told(step)).toEqual([`agency:${P}:activated`]);
    });

    it('a request shorter than the interval reports at its end (older cases: after it)', () => {
      const short = request('awaiting_agreement', { request: { ...awaiting.request, periodMonths: 3 } });
      const step = signature(short, { actor: requester, agreementVersion: 3 }, MONDAY, true);
      expect([step.set.expiresDate, step.set.nextReportDueDate]).toEqual(['2026-06-02', '2026-06-02']);
      const older = signature(short, { actor: requester, agreementVersion: 3 }, MONDAY, false);
      expect(older.set.nextReportDueDate).toBe('2026-09-02');
    });
  });

  describe('usage report', () => {
    const report = { actor: requester, period: '2026上半年', summary: '用于产业分析' };

    it('answers the period due and moves the next report six months on', () => {
      const step = usageReport(active(), report, at('2026-08-20T02:00:00.000Z'), true);
      expect([step.action, step.to]).toEqual(['report', 'active']);
      expect(step.set.reports).toEqual([
        {
          seq: 1,
          period: '2026上半年',
          summary: '用于产业分析',
          outcomes: null,
          at: '2026-08-20T02:00:00.000Z',
          by: requester,
        },
      ]);
      expect(step.set).toMatchObject({ nextReportDueDate: '2027-03-02', nextReportDueAt: '2027-03-02T15:59:59.999Z' });
      expect(step.data).toEqual({ period: '2026上半年', seq: 1, nextReportDueDate: '2027-03-02' });
    });

    it('never moves the next report past the end of access (older cases did)', () => {
      const ending = active({ expiresDate: '2026-12-02', expiresAt: '2026-12-02T15:59:59.999Z' });
      expect(usageReport(ending, report, at('2026-08-20T02:00:00.000Z'), true).set.nextReportDueDate).toBe(
        '2026-12-02',
      );
      expect(usageReport(ending, report, at('2026-08-20T02:00:00.000Z'), false).set.nextReportDueDate).toBe(
        '2027-03-02',
      );
    });

    it('a report on a suspended request resumes it and ends the grace period', () => {
      const suspended = request('suspended', {
        ...active(),
        state: 'suspended',
        graceDue: due('2026-09-02', 10),
        warnings: 1,
      });
      const step = usageReport(suspended, report, at('2026-09-20T02:00:00.000Z'), true);
      expect([step.action, step.to, step.set.graceDue]).toEqual(['report_resumes', 'active', null]);
    });
  });

  it('a revocation puts the requester on the deny-list by identifier and by account', () => {
    const step = revocation(active(), { actor: reviewer, reason: '超范围使用' }, MONDAY);
    expect([step.action, step.to, step.reason]).toEqual(['revoke', 'revoked', '超范围使用']);
    expect(step.extra).toEqual({
      denyList: { resourceId: 'res-1', requesterKeys: ['key-1', 'user:citizen-1'], reason: '超范围使用' },
    });
    expect(told(step)).toEqual(['user:citizen-1:revoked', `agency:${P}:revoked`]);
  });

  it('a missed check or review flags the request; the provider is told of its own review only', () => {
    const check = decisionOverdue(request('formal_check'), { dueDate: '2026-03-09' });
    expect([check.action, check.to, check.set, check.reason]).toEqual([
      'overdue',
      'formal_check',
      { overdue: true },
      '形式审查期限 2026-03-09 已过',
    ]);
    expect(told(check)).toEqual(['bureau:-:overdue']);
    expect(told(decisionOverdue(request('provider_review'), { dueDate: '2026-03-16' }))).toEqual([
      `agency:${P}:overdue`,
      'bureau:-:overdue',
    ]);
  });

  it('an unsigned approval lapses', () => {
    const step = agreementLapsed(request('awaiting_agreement', { agreementDue: due('2026-03-02', 5) }));
    expect([step.action, step.to, step.reason]).toEqual(['lapse', 'lapsed', '未于 2026-03-09 前签署开放利用协议']);
  });

  describe('while access lasts', () => {
    const kinds = (v: OpenDataView, remindedFor: string | null = null) =>
      accessTimers(v, remindedFor, policy).map((t) => [t.event, new Date(t.at).toISOString()]);

    it('waits for the reminder 7 days before the report, the report, then the end of access', () => {
      expect(kinds(active())).toEqual([
        ['report_reminder', '2026-08-25T16:00:00.000Z'],
        ['report_missed', '2026-09-02T16:00:00.000Z'],
        ['expire', '2027-03-02T16:00:00.000Z'],
      ]);
      expect(kinds(active(), '2026-09-02T15:59:59.999Z').map(([k]) => k)).toEqual(['report_missed', 'expire']);
    });

    it('in the grace period waits for suspension; suspended, only for the end', () => {
      const grace = active({ graceDue: due('2026-09-02', 10) });
      expect(kinds(grace).map(([k]) => k)).toEqual(['suspend', 'expire']);
      expect(kinds({ ...grace, state: 'suspended' }).map(([k]) => k)).toEqual(['expire']);
    });

    it('a missed report warns and grants 10 working days from the due date; the grace period’s end suspends', () => {
      const missed = accessStep(active({ warnings: 1 }), 'report_missed', at('2026-09-03T02:00:00.000Z'));
      expect([missed.action, missed.to, missed.set.warnings]).toEqual(['report_missed', 'active', 2]);
      expect(missed.set.graceDue).toMatchObject({ from: '2026-09-02', dueDate: '2026-09-16' });
      expect(missed.data).toEqual({ graceDueDate: '2026-09-16' });
      expect(told(missed)).toEqual(['user:citizen-1:warning', `agency:${P}:report_missed`]);
      const suspend = accessStep(active({ graceDue: missed.set.graceDue! }), 'suspend', at('2026-09-17T02:00:00.000Z'));
      expect([suspend.action, suspend.to, suspend.reason]).toEqual([
        'suspend',
        'suspended',
        '宽限期 2026-09-16 届满仍未报送利用情况',
      ]);
      const expire = accessStep(active(), 'expire', MONDAY);
      expect([expire.action, expire.to, expire.reason]).toEqual(['expire', 'expired', '使用期限已于 2027-03-02 届满']);
      expect(told(expire)).toEqual(['user:citizen-1:expired']);
      expect(accessStep(active(), 'report_reminder', MONDAY).reason).toBe('利用情况应于 2026-09-02 前报送');
    });
  });

  describe('recomputedDeadlines', () => {
    const with2027 = { ...BUILTIN_CALENDAR, '2027': { holidays: ['2027-01-01'], workdays: [] } };
    const dec31 = Date.parse('2026-12-31T02:00:00.000Z');
    const jan6 = Date.parse('2027-01-06T02:00:00.000Z');

    it.each([
      // Each working-day deadline of the request, started on Wed 2026-12-30 (2027 not yet published).
      ['formal_check', 'formalCheckDue', 5, '2027-01-06', '2027-01-07'],
      ['provider_review', 'reviewDue', 10, '2027-01-13', '2027-01-14'],
      ['awaiting_agreement', 'agreementDue', 5, '2027-01-06', '2027-01-07'],
      ['active', 'graceDue', 10, '2027-01-13', '2027-01-14'],
    ] as const)('in %s moves %s (%i working days) from %s to %s', (state, key, days, before, after) => {
      const v = request(state, { [key]: due('2026-12-30', days) });
      expect(v[key]).toMatchObject({ dueDate: before, provisional: true });
      expect(recomputedDeadlines(v, with2027, dec31, false)?.[key]).toMatchObject({
        dueDate: after,
        provisional: false,
      });
    });

    it('is null when nothing moved: a deadline on a published year, or one passed', () => {
      expect(
        recomputedDeadlines(request('provider_review', { reviewDue: due('2026-12-01', 10) }), with2027, dec31, false),
      ).toBeNull();
      const passed = request('provider_review', { reviewDue: due('2026-12-30', 3) });
      expect(passed.reviewDue).toMatchObject({ dueDate: '2027-01-04', provisional: true });
      expect(recomputedDeadlines(passed, with2027, jan6, false)).toBeNull();
      // Cases before the local-steps patch recomputed a passed deadline too.
      expect(recomputedDeadlines(passed, with2027, jan6, true)?.reviewDue).toMatchObject({ dueDate: '2027-01-05' });
    });
  });
});
