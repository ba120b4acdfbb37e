// The data correction's (数据纠错) next-state functions, docs/processes.md P5: what each step does to the
// case, with no Temporal at all. Dates worked out by hand on the built-in 2026 calendar.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../workflows/common/actors.js';
import { BUILTIN_CALENDAR } from '../../workflows/common/calendar-data.js';
import { trackDeadline } from '../../workflows/common/deadlines.js';
import { fixedContext } from '../../workflows/common/step.js';
import {
  extension,
  forwarding,
  overdue,
  recomputedDeadlines,
  registration,
  returned,
  verification,
  type CorrectionContext,
  type CorrectionStep,
} from '../../workflows/correction/rules.js';
import type { CorrectionState, CorrectionView } from '../../workflows/correction/types.js';

const P = 'AG-PROVIDER';
const OWNER = 'AG-OWNER';
const reporter: Actor = { id: 'citizen-1', name: '张敏', role: 'public', agency: null };
const reviewer: Actor = { id: 'u-li', name: '王芳', role: 'agency_reviewer', agency: P };
const coordinator: Actor = { id: 'u-zheng', name: '李强', role: 'bureau_coordinator', agency: 'BUREAU' };
const policy = { forwardWd: 2, verifyWd: 5, verifyExtendedWd: 10 };
const at = (iso: string): CorrectionContext => ({
  ...fixedContext(Date.parse(iso)),
  policy,
  agencyNames: { [P]: '市公安局', [OWNER]: '市民政局' },
});
/** Mon 2026-03-02 and Tue 2026-03-10, 10:00 local. */
const MONDAY = at('2026-03-02T02:00:00.000Z');
const TUESDAY = at('2026-03-10T02:00:00.000Z');
const due = (from: string, days: number) => trackDeadline({ from, days }, BUILTIN_CALENDAR);

const correction = (state: CorrectionState, o: Partial<CorrectionView> = {}): CorrectionView => ({
  id: 'cor-1',
  state,
  overdue: false,
  version: 2,
  resource: { id: 'res-1', code: 'R-HH', name: '户籍信息', providerAgency: P },
  assignedAgency: P,
  report: {
    recordRef: 'REC-1',
    field: 'address',
    currentValue: '泉城路1号',
    claimedValue: '泉城路11号',
    description: '门牌号少录一位',
    evidence: '不动产权证书',
  },
  reporter,
  transferredFrom: null,
  verifyDue: due('2026-03-02', 5),
  extension: null,
  outcome: null,
  submittedAt: MONDAY.at,
  updatedAt: MONDAY.at,
  ...o,
});
const told = (step: CorrectionStep) => (step.notify ?? []).map((n) => `${n.audience}:${n.recipient}:${n.kind}`);

describe('correction steps (processes.md P5)', () => {
  it('is reported, then routed at once; the verification clock (5 working days) starts on routing', () => {
    const [report, route] = registration(correction('forwarding', { version: 0, verifyDue: null }), MONDAY);
    expect([report!.action, report!.to, report!.actor, report!.set]).toEqual(['report', 'forwarding', reporter, {}]);
    expect(report!.reason).toBe('门牌号少录一位');
    expect([route!.action, route!.to]).toEqual(['route', 'verifying']);
    expect(route!.set.verifyDue).toMatchObject({ from: '2026-03-02', dueDate: '2026-03-09' });
    expect(told(route!)).toEqual([`agency:${P}:correction_to_verify`]);
  });

  it('extends once to 10 working days in all, counted from routing, and tells the reporter', () => {
    const step = extension(
      correction('verifying'),
      { actor: reviewer, approvedBy: '刘局长', reason: '需现场核查' },
      TUESDAY,
    );
    expect(step.set.verifyDue).toEqual(due('2026-03-02', 10));
    expect(step.set.verifyDue?.dueDate).toBe('2026-03-16');
    expect(step.set.extension).toEqual({ approvedBy: '刘局长', reason: '需现场核查', by: reviewer, at: TUESDAY.at });
    expect(told(step)).toEqual(['user:citizen-1:verification_extended']);
  });

  it.each([
    { outcome: 'corrected' as const, notified: ['user:citizen-1:correction_result'] },
    { outcome: 'no_change' as const, notified: ['user:citizen-1:correction_result'] },
    {
      outcome: 'transferred' as const,
      notified: ['user:citizen-1:correction_result', `agency:${OWNER}:correction_transferred`],
    },
  ])('a verification of $outcome ends the case in that state and tells $notified.length', ({ outcome, notified }) => {
    const transfer = outcome === 'transferred' ? { transferTo: OWNER, transferredCorrectionId: 'cor-2' } : {};
    const step = verification(
      correction('verifying'),
      { actor: reviewer, outcome, note: '已核实', ...transfer },
      TUESDAY,
    );
    expect([step.action, step.to, step.reason]).toEqual(['verify', outcome, '已核实']);
    expect(step.set.outcome).toMatchObject({
      outcome,
      by: reviewer,
      at: TUESDAY.at,
      transferTo: transfer.transferTo ?? null,
    });
    expect(told(step)).toEqual(notified);
  });

  it('a return to the bureau gives it 2 working days to forward by hand, and clears the overdue mark', () => {
    const step = returned(
      correction('verifying', { overdue: true }),
      { actor: reviewer, reason: '非本单位数据' },
      TUESDAY,
    );
    expect([step.action, step.to]).toEqual(['return', 'forwarding']);
    expect(step.set.forwardDue?.dueDate).toBe('2026-03-12');
    expect(step.set).toMatchObject({ overdue: false, returned: { agency: P, reason: '非本单位数据' } });
    expect(told(step)).toEqual(['bureau:null:correction_to_forward']);
    expect(step.notify![0]!.title).toContain('市公安局退回');
  });

  it('forwarding names the new agency and restarts its clock with an extension of its own', () => {
    const v = correction('forwarding', { extension: { approvedBy: 'x', reason: 'y', by: reviewer, at: MONDAY.at } });
    const step = forwarding(v, { actor: coordinator, agency: OWNER, note: '转民政' }, TUESDAY);
    expect(step.set).toEqual({
      assignedAgency: OWNER,
      verifyDue: due('2026-03-10', 5),
      extension: null,
      overdue: false,
    });
    expect(step.set.verifyDue?.dueDate).toBe('2026-03-17');
    expect(told(step)).toEqual([`agency:${OWNER}:correction_to_verify`]);
  });

  it.each([
    {
      state: 'verifying' as const,
      notified: [`agency:${P}:overdue`, 'bureau:null:overdue'],
      reason: '核实期限 2026-03-09 已过',
    },
    { state: 'forwarding' as const, notified: ['bureau:null:overdue'], reason: '转交期限 2026-03-09 已过' },
  ])('a missed deadline while $state flags the case and stays in it', ({ state, notified, reason }) => {
    const step = overdue(correction(state), { dueDate: '2026-03-09' }, TUESDAY);
    expect([step.action, step.to, step.set, step.reason]).toEqual(['overdue', state, { overdue: true }, reason]);
    expect(told(step)).toEqual(notified);
  });

  describe('recomputedDeadlines', () => {
    // Routed on Wed 2026-12-30: the 5th working day is in 2027, which the built-in calendar lacks.
    const provisional = due('2026-12-30', 5);
    const with2027 = { ...BUILTIN_CALENDAR, '2027': { holidays: ['2027-01-01'], workdays: [] } };
    const dec31 = Date.parse('2026-12-31T02:00:00.000Z');

    it('moves the verification deadline still running onto the published year', () => {
      expect(provisional).toMatchObject({ dueDate: '2027-01-06', provisional: true });
      const moved = recomputedDeadlines(correction('verifying', { verifyDue: provisional }), with2027, dec31, false);
      expect(moved).toEqual({
        set: { verifyDue: expect.objectContaining({ dueDate: '2027-01-07', provisional: false }) },
        data: { verifyDueDate: '2027-01-07' },
      });
    });

    it("moves the bureau's forwarding deadline while the case is back with it", () => {
      const v = correction('forwarding', { forwardDue: due('2026-12-30', 2) });
      expect(v.forwardDue).toMatchObject({ dueDate: '2027-01-01', provisional: true });
      expect(recomputedDeadlines(v, with2027, dec31, false)?.data).toEqual({ forwardDueDate: '2027-01-04' });
    });

    it('leaves a passed deadline and an ended case alone (older cases recomputed a passed one too)', () => {
      const passed = correction('verifying', { verifyDue: provisional });
      const late = Date.parse('2027-01-10T02:00:00.000Z');
      expect(recomputedDeadlines(passed, with2027, late, false)).toBeNull();
      expect(recomputedDeadlines(passed, with2027, late, true)?.data).toEqual({ verifyDueDate: '2027-01-07' });
      expect(
        recomputedDeadlines(correction('corrected', { verifyDue: provisional }), with2027, dec31, false),
      ).toBeNull();
    });
  });
});
