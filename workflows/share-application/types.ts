// JSON-safe shapes of the share application (共享申请) process: ISO strings, no Date, no classes.
import type { Actor } from '../common/actors.js';
import type { TrackedDeadline } from '../common/deadlines.js';
import type { Policy } from '../../policy/index.js';
import type { NotificationSpec } from '../common/events.js';
import type { CalendarData } from '../common/working-days.js';

export const shareApplicationStates = [
  'pending_review',
  'awaiting_supplement',
  'granted',
  'rejected',
  'in_objection',
  'withdrawn',
  'closed',
  'expired',
  'revoked',
] as const;
export type ShareApplicationState = (typeof shareApplicationStates)[number];

export const terminalShareStates: readonly ShareApplicationState[] = ['withdrawn', 'closed', 'expired', 'revoked'];

export const deliveryMethods = ['api', 'batch', 'file', 'verification'] as const;
export type DeliveryMethod = (typeof deliveryMethods)[number];

export const grantStates = ['active', 'expired', 'revoked'] as const;
export type GrantState = (typeof grantStates)[number];

export const decisions = ['approve', 'reject', 'request_supplement', 'extend'] as const;
export type Decision = (typeof decisions)[number];

export type ShareType = 'unconditional' | 'conditional' | 'not_shared';

export interface ResourceSnapshot {
  id: string;
  code: string;
  name: string;
  providerAgency: string;
  shareType: ShareType;
  legalBasis: string | null;
  fields: string[];
}

export interface ShareRequest {
  fields: string[];
  purpose: string;
  dutyBasis: string;
  usageScope: string;
  periodMonths: number;
  deliveryMethod: DeliveryMethod;
  securityMeasures: string | null;
}

export interface ShareApplicationInput {
  id: string;
  applicantAgency: string;
  submittedBy: Actor;
  resource: ResourceSnapshot;
  request: ShareRequest;
  /** The policy in force at submission; the case runs to the end under it. */
  policy: Policy['share'];
  /** The parties' names, for the texts people read (absent in cases filed before; the code stands in). */
  agencyNames?: Record<string, string>;
  /**
   * The bureau's automatic pre-check of an unconditional request, run by the API on the catalog it
   * validated the request against (rules.ts `precheck`); absent in older cases, which ran it here.
   */
  precheck?: PrecheckResult;
  /** The working-day calendar in force at submission, from this year on, read by the API. */
  calendar?: CalendarData;
}

export interface DecisionRecord {
  decision: Decision;
  by: Actor;
  at: string;
  reason: string | null;
  legalBasis: string | null;
  conditions: string | null;
  /** Set when the rejection came from the catalog (not_shared) rather than a reviewer. */
  automatic?: boolean;
  final?: boolean;
}

export interface ExtensionRecord {
  by: Actor;
  at: string;
  reason: string;
  extendWd: number;
}

export interface SupplementRecord {
  by: Actor;
  at: string;
  note: string;
  missing: string[];
  changes: Partial<Pick<ShareRequest, 'purpose' | 'dutyBasis' | 'usageScope'>>;
}

export interface RenewalView {
  state: 'pending_review' | 'approved' | 'rejected';
  periodMonths: number;
  reason: string;
  requestedBy: Actor;
  requestedAt: string;
  reviewDue: TrackedDeadline | null;
  overdue: boolean;
  decision: DecisionRecord | null;
  extension: ExtensionRecord | null;
}

export interface GrantView {
  id: string;
  state: GrantState;
  fields: string[];
  conditions: string | null;
  grantedAt: string;
  expiresAt: string;
  expiresDate: string;
  reminderSent: boolean;
  revokedAt: string | null;
  revokedReason: string | null;
}

/** The whole case as the workflow knows it: returned by the query, by every update, and written to the read model. */
export interface ShareApplicationView {
  id: string;
  state: ShareApplicationState;
  overdue: boolean;
  version: number;
  applicantAgency: string;
  providerAgency: string;
  resource: ResourceSnapshot;
  request: ShareRequest;
  reviewDue: TrackedDeadline | null;
  supplementDue: TrackedDeadline | null;
  objectionDue: TrackedDeadline | null;
  missing: string[] | null;
  decision: DecisionRecord | null;
  extension: ExtensionRecord | null;
  supplements: SupplementRecord[];
  renewal: RenewalView | null;
  urgedCount: number;
  objectionId: string | null;
  grant: GrantView | null;
  submittedBy: Actor;
  submittedAt: string;
  updatedAt: string;
}

/** A notification the read model must deliver with a transition (docs/processes.md "notify"). */
/** One transition, written atomically: read model row, grant, audit event, notifications. */
export interface ShareApplicationChange {
  view: ShareApplicationView;
  event: {
    action: string;
    from: ShareApplicationState | null;
    to: ShareApplicationState;
    actor: Actor;
    at: string;
    reason: string | null;
    legalBasis: string | null;
    data?: Record<string, unknown>;
  };
  notify: NotificationSpec[];
}

export interface PrecheckResult {
  passed: boolean;
  problems: string[];
}
