// JSON-safe shapes of the objection coordination process (不予共享异议协商), docs/processes.md P2.
import type { Actor } from '../common/actors.js';
import type { TrackedDeadline } from '../common/deadlines.js';
import type { NotificationSpec } from '../common/events.js';
import type { Policy } from '../../policy/index.js';

export const objectionStates = ['negotiating', 'coordinating', 'escalated', 'resolved'] as const;
export type ObjectionState = (typeof objectionStates)[number];

export const objectionOutcomes = ['share', 'conditional_share', 'uphold_refusal'] as const;
export type ObjectionOutcome = (typeof objectionOutcomes)[number];
export const settlementOutcomes = ['share', 'conditional_share'] as const;

export interface ObjectionInput {
  id: string;
  applicationId: string;
  applicantAgency: string;
  providerAgency: string;
  resource: { id: string; code: string; name: string };
  /** The refusal objected to, as the application recorded it. */
  refusal: { reason: string | null; legalBasis: string | null; by: Actor; at: string; automatic: boolean };
  statement: string;
  dutyBasis: string | null;
  filedBy: Actor;
  policy: Policy['objection'];
  /** The parties' names, for the texts people read (absent in cases filed before; the code stands in). */
  agencyNames?: Record<string, string>;
}

/** Statements, minutes and rulings are immutable once written: the workflow only ever appends. */
export interface StatementRecord {
  seq: number;
  by: Actor;
  party: 'applicant' | 'provider';
  text: string;
  at: string;
}

export interface MinutesRecord {
  seq: number;
  by: Actor;
  text: string;
  heldAt: string;
  at: string;
}

export interface RulingRecord {
  outcome: ObjectionOutcome;
  reasoning: string;
  conditions: string | null;
  by: Actor;
  at: string;
  /** Who ruled: settled in negotiation, the coordinator, or the municipal government. */
  stage: 'negotiation' | 'coordination' | 'government';
  documentRef: string | null;
}

export interface EscalationRecord {
  reason: string;
  by: Actor;
  at: string;
  automatic: boolean;
}

export interface ObjectionView {
  id: string;
  state: ObjectionState;
  overdue: boolean;
  version: number;
  applicationId: string;
  applicantAgency: string;
  providerAgency: string;
  resource: ObjectionInput['resource'];
  refusal: ObjectionInput['refusal'];
  statement: string;
  dutyBasis: string | null;
  filedBy: Actor;
  filedAt: string;
  coordinator: Actor | null;
  negotiationDue: TrackedDeadline | null;
  statementDue: TrackedDeadline | null;
  coordinationDue: TrackedDeadline | null;
  /** When the case reached coordination: the provider's statement must come after it. */
  coordinationStartedAt: string | null;
  statements: StatementRecord[];
  minutes: MinutesRecord[];
  escalation: EscalationRecord | null;
  ruling: RulingRecord | null;
  updatedAt: string;
}

export interface ObjectionChange {
  view: ObjectionView;
  event: {
    action: string;
    from: ObjectionState | null;
    to: ObjectionState;
    actor: Actor;
    at: string;
    reason: string | null;
    legalBasis: string | null;
    data?: Record<string, unknown>;
  };
  notify: NotificationSpec[];
}
