// processes.md P3 (有条件开放申请) as rules.ts states it: who may take which action in which state, what
// each action needs, when usage reports fall due. Table-driven: each row is one rule.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../workflows/common/actors.js';
import { trackDeadline } from '../../workflows/common/deadlines.js';
import {
  checkFormalCheck,
  checkOpenDecision,
  checkOpenRevocation,
  checkResubmission,
  checkSignature,
  checkUsageReport,
  nextReportDue,
  openDataActionsFor,
  openDataFlags,
} from '../../workflows/open-data-request/rules.js';
import type { OpenDataState, OpenDataView } from '../../workflows/open-data-request/types.js';

const P = 'PRV';
const citizen: Actor = { id: 'citizen-1', name: '张三', role: 'public', agency: null };
const neighbour: Actor = { id: 'citizen-2', name: '李四', role: 'public', agency: null };
const reviewer: Actor = { id: 'rev-1', role: 'agency_reviewer', agency: P };
const otherReviewer: Actor = { id: 'rev-2', role: 'agency_reviewer', agency: 'OTH' };
const coordinator: Actor = { id: 'coord-1', role: 'bureau_coordinator', agency: null };
const admin: Actor = { id: 'admin-1', role: 'bureau_admin', agency: null };
const NOW = Date.parse('2026-03-03T02:00:00Z');

const view = (state: OpenDataState, o: Partial<OpenDataView> = {}): OpenDataView => ({
  id: 'odr-1',
  state,
  overdue: false,
  version: 1,
  resource: {
    id: 'res-1',
    code: 'D',
    name: '企业信用数据',
    providerAgency: P,
    fields: ['name', 'penalties'],
    legalBasis: '《山东省公共数据开放办法》',
  },
  requester: {
    kind: 'person',
    name: '张三',
    identifierMasked: '1101**********002X',
    key: 'k',
    contact: 'c',
    userId: citizen.id,
  },
  request: { fields: ['name'], purpose: 'p', scenario: 's', periodMonths: 6, securityMeasures: 'm' },
  formalCheckDue: null,
  reviewDue: null,
  agreementDue: trackDeadline({ from: '2026-03-02', days: 5 }, {}),
  returnedReasons: null,
  resubmissions: 0,
  decision: null,
  agreementVersion: 2,
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
  submittedAt: '2026-03-02T02:00:00.000Z',
  updatedAt: '2026-03-02T02:00:00.000Z',
  ...o,
});
const code = (r: { code: string } | null) => r?.code ?? 'ok';

describe('P3 rules: who may act, in which state', () => {
  it.each<[string, OpenDataState, Actor, string[]]>([
    ['the bureau checks a new request', 'formal_check', coordinator, ['formal_check']],
    ['the provider reviews a checked request', 'provider_review', reviewer, ['approve', 'reject']],
    ["another agency's reviewer cannot", 'provider_review', otherReviewer, []],
    ['the requester resubmits a returned request', 'returned', citizen, ['resubmit']],
    ['the requester signs the approved agreement', 'awaiting_agreement', citizen, ['sign']],
    ['another citizen cannot', 'awaiting_agreement', neighbour, []],
    [
      'the requester reports and rotates the credential while active',
      'active',
      citizen,
      ['report_usage', 'credential'],
    ],
    ['the provider may revoke active access', 'active', reviewer, ['revoke']],
    ['the bureau may revoke suspended access', 'suspended', admin, ['revoke']],
    ['a suspended requester may report (and so resume)', 'suspended', citizen, ['report_usage']],
    ['nothing is left on a rejected request', 'rejected', reviewer, []],
    ['nothing is left on an expired request', 'expired', citizen, []],
  ])('%s', (_, state, actor, actions) => {
    const expiresAt = state === 'active' || state === 'suspended' ? '2026-09-02T15:59:59.999Z' : null;
    expect(openDataActionsFor(view(state, { expiresAt }), actor, NOW)).toEqual(actions);
  });
});

describe('P3 rules: what each action needs', () => {
  it.each<[string, () => ReturnType<typeof checkFormalCheck>, string]>([
    [
      'a return lists its reasons',
      () => checkFormalCheck(view('formal_check'), { actor: coordinator, passed: false, reasons: ['  '] }),
      'VALIDATION_FAILED',
    ],
    ['a pass needs none', () => checkFormalCheck(view('formal_check'), { actor: coordinator, passed: true }), 'ok'],
    [
      'only a coordinator checks',
      () => checkFormalCheck(view('formal_check'), { actor: admin, passed: true }),
      'FORBIDDEN',
    ],
    [
      'a checked request is not checked again',
      () => checkFormalCheck(view('provider_review'), { actor: coordinator, passed: true }),
      'INVALID_STATE',
    ],
    [
      'a resubmission stays within the dataset',
      () => checkResubmission(view('returned'), { actor: citizen, changes: { fields: ['salary'] } }),
      'VALIDATION_FAILED',
    ],
    [
      'a rejection gives its reasons',
      () => checkOpenDecision(view('provider_review'), { actor: reviewer, decision: 'reject', reason: ' ' }),
      'VALIDATION_FAILED',
    ],
    [
      'a rejection with reasons stands',
      () => checkOpenDecision(view('provider_review'), { actor: reviewer, decision: 'reject', reason: '涉密' }),
      'ok',
    ],
    [
      'an approval names the agreement',
      () => checkOpenDecision(view('provider_review'), { actor: reviewer, decision: 'approve' }),
      'VALIDATION_FAILED',
    ],
    [
      'the signature is of the approved version',
      () => checkSignature(view('awaiting_agreement'), { actor: citizen, agreementVersion: 1 }, NOW),
      'VALIDATION_FAILED',
    ],
    [
      'the signature is in time',
      () =>
        checkSignature(
          view('awaiting_agreement'),
          { actor: citizen, agreementVersion: 2 },
          Date.parse('2026-03-20T02:00:00Z'),
        ),
      'INVALID_STATE',
    ],
    [
      'a usage report has a period and a summary',
      () => checkUsageReport(view('active'), { actor: citizen, period: '', summary: 's' }),
      'VALIDATION_FAILED',
    ],
    [
      'a revocation gives its reason',
      () => checkOpenRevocation(view('active'), { actor: reviewer, reason: '' }),
      'VALIDATION_FAILED',
    ],
  ])('%s', (_, check, expected) => {
    expect(code(check())).toBe(expected);
  });
});

describe('P3 rules: when the next usage report is due', () => {
  it.each<[string, string, string | null, number, string | null, string]>([
    [
      'the first report in its period (the last was in the one before) moves the due date a period on',
      '2026-09-02',
      '2026-02-20',
      6,
      '2027-03-02',
      '2027-03-02',
    ],
    ['the first report ever moves it too', '2026-09-02', null, 6, '2027-03-02', '2027-03-02'],
    [
      'a second report in the same period (the last was after it began) does not',
      '2026-09-02',
      '2026-07-01',
      6,
      '2027-03-02',
      '2026-09-02',
    ],
    [
      'a report on day one of six months of access is due, at the latest, when access ends',
      '2026-09-02',
      null,
      6,
      '2026-09-02',
      '2026-09-02',
    ],
    ['a report never falls due after access ends', '2026-09-02', null, 6, '2026-12-02', '2026-12-02'],
    ['older cases (no end given) keep the old rule', '2026-09-02', null, 6, null, '2027-03-02'],
  ])('%s', (_, due, last, every, expires, expected) => {
    expect(nextReportDue(due, last, every, expires)).toBe(expected);
  });
});

describe('P3 derived flags', () => {
  const provisional = trackDeadline({ from: '2026-03-02', days: 5 }, {});
  it.each([
    ['a review running on a provisional calendar', 'provider_review', true],
    ['a rejected request, whatever its old deadlines', 'rejected', false],
    ['an expired request', 'expired', false],
  ] as const)('%s: deadlineProvisional %s', (_what, state, expected) => {
    expect(openDataFlags(view(state, { reviewDue: provisional })).deadlineProvisional).toBe(expected);
  });
});
