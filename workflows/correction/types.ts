// JSON-safe shapes of the data correction process (数据纠错/异议核实), docs/processes.md P5.
import type { Actor } from '../common/actors.js';
import type { TrackedDeadline } from '../common/deadlines.js';
import type { NotificationSpec } from '../common/events.js';
import type { Policy } from '../../policy/index.js';

export const correctionStates = ['forwarding', 'verifying', 'corrected', 'no_change', 'transferred'] as const;
export type CorrectionState = (typeof correctionStates)[number];
export const terminalCorrectionStates: readonly CorrectionState[] = ['corrected', 'no_change', 'transferred'];
export const correctionOutcomes = ['corrected', 'no_change', 'transferred'] as const;
export type CorrectionOutcome = (typeof correctionOutcomes)[number];

export interface CorrectionReport {
  recordRef: string;
  field: string | null;
  currentValue: string | null;
  claimedValue: string | null;
  description: string;
  evidence: string | null;
}

export interface CorrectionInput {
  id: string;
  resource: { id: string; code: string; name: string; providerAgency: string };
  /** The agency that verifies: the provider, or the agency a correction was transferred to. */
  assignedAgency: string;
  report: CorrectionReport;
  reporter: Actor;
  transferredFrom: { correctionId: string; agency: string } | null;
  policy: Policy['correction'];
  /** The verifying agency's name, for the texts people read (absent in cases filed before; the code stands in). */
  agencyNames?: Record<string, string>;
}

export interface CorrectionView {
  id: string;
  state: CorrectionState;
  overdue: boolean;
  version: number;
  resource: CorrectionInput['resource'];
  assignedAgency: string;
  report: CorrectionReport;
  reporter: Actor;
  transferredFrom: CorrectionInput['transferredFrom'];
  verifyDue: TrackedDeadline | null;
  /**
   * processes.md P5: the bureau's deadline (correction.forwardWd) to route by hand a report the
   * verifying agency returned as not its data, owner unknown; absent on cases recorded before.
   */
  forwardDue?: TrackedDeadline | null;
  /** The last return to the bureau, while it awaits routing by hand (and after, for the record). */
  returned?: { agency: string; reason: string; by: Actor; at: string } | null;
  extension: { approvedBy: string; reason: string; by: Actor; at: string } | null;
  outcome: {
    outcome: CorrectionOutcome;
    note: string;
    transferTo: string | null;
    transferredCorrectionId: string | null;
    by: Actor;
    at: string;
  } | null;
  submittedAt: string;
  updatedAt: string;
}

export interface CorrectionChange {
  view: CorrectionView;
  event: {
    action: string;
    from: CorrectionState | null;
    to: CorrectionState;
    actor: Actor;
    at: string;
    reason: string | null;
    legalBasis: string | null;
    data?: Record<string, unknown>;
  };
  notify: NotificationSpec[];
}
