// JSON-safe shapes of the conditional open-data request (有条件开放申请), docs/processes.md P3.
// The requester's personal identifier never enters a workflow: only its mask and a keyed hash do.
import type { Actor } from '../common/actors.js';
import type { TrackedDeadline } from '../common/deadlines.js';
import type { NotificationSpec } from '../common/events.js';
import type { Policy } from '../../policy/index.js';

export const openDataStates = [
  'formal_check',
  'returned',
  'provider_review',
  'awaiting_agreement',
  'active',
  'suspended',
  'rejected',
  'lapsed',
  'revoked',
  'expired',
] as const;
export type OpenDataState = (typeof openDataStates)[number];
export const terminalOpenDataStates: readonly OpenDataState[] = ['rejected', 'lapsed', 'revoked', 'expired'];

export interface Requester {
  kind: 'person' | 'organization';
  name: string;
  /** 身份证号 or 统一社会信用代码, masked (e.g. 3716**********123X). */
  identifierMasked: string;
  /** A keyed hash of the normalised identifier: matches the deny-list without revealing it. */
  key: string;
  contact: string;
  /** The public user (token subject) who filed the request. */
  userId: string;
}

export interface OpenDataRequestBody {
  fields: string[];
  purpose: string;
  scenario: string;
  periodMonths: number;
  securityMeasures: string;
}

export interface OpenDataRequestInput {
  id: string;
  /** `legalBasis`: the catalog's, which a refusal cites unless the provider names another (absent in older cases). */
  resource: {
    id: string;
    code: string;
    name: string;
    providerAgency: string;
    fields: string[];
    legalBasis?: string | null;
  };
  requester: Requester;
  request: OpenDataRequestBody;
  submittedBy: Actor;
  policy: Policy['open'];
}

export interface UsageReport {
  seq: number;
  period: string;
  summary: string;
  outcomes: string | null;
  at: string;
  by: Actor;
}

export interface OpenDataView {
  id: string;
  state: OpenDataState;
  overdue: boolean;
  version: number;
  resource: OpenDataRequestInput['resource'];
  requester: Requester;
  request: OpenDataRequestBody;
  formalCheckDue: TrackedDeadline | null;
  reviewDue: TrackedDeadline | null;
  agreementDue: TrackedDeadline | null;
  returnedReasons: string[] | null;
  resubmissions: number;
  decision: {
    decision: 'approve' | 'reject';
    by: Actor;
    at: string;
    reason: string | null;
    conditions: string | null;
    legalBasis?: string | null;
  } | null;
  agreementVersion: number | null;
  signature: { version: number; by: Actor; at: string } | null;
  activatedAt: string | null;
  expiresAt: string | null;
  expiresDate: string | null;
  nextReportDueAt: string | null;
  nextReportDueDate: string | null;
  /** When a missed report turns into suspension (report due + open.reportGraceWd). */
  graceDue: TrackedDeadline | null;
  reports: UsageReport[];
  warnings: number;
  revocation: { by: Actor; at: string; reason: string } | null;
  submittedAt: string;
  updatedAt: string;
}

export interface OpenDataChange {
  view: OpenDataView;
  event: {
    action: string;
    from: OpenDataState | null;
    to: OpenDataState;
    actor: Actor;
    at: string;
    reason: string | null;
    legalBasis: string | null;
    data?: Record<string, unknown>;
  };
  notify: NotificationSpec[];
  /**
   * Revocation puts the requester (by identifier and by account) on the dataset's deny-list, in the same
   * transaction.
   */
  denyList?: { resourceId: string; requesterKeys: string[]; reason: string };
}
