// The objection's buttons (CaseActions): which of the answer's actions get one, and how it looks.
// Their forms are in actions.tsx, loaded at the first click.
import type { ActionButtons } from '../components/CaseActions.tsx';

export const objectionButtons = {
  settle: { primary: true },
  assign: { primary: true },
  statement: {},
  minutes: {},
  rule: { primary: true },
  escalate: { danger: true },
  government_decision: { primary: true },
} satisfies ActionButtons;
