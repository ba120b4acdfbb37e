// The open-data request's buttons (CaseActions): which of the answer's actions get one, and how it
// looks. Their forms are in actions.tsx, loaded at the first click.
import type { ActionButtons } from '../components/CaseActions.tsx';

export const openDataButtons = {
  formal_check: { primary: true },
  resubmit: { primary: true },
  approve: { primary: true },
  reject: { danger: true },
  sign: { primary: true },
  report_usage: { primary: true },
  credential: {},
  revoke: { danger: true },
} satisfies ActionButtons;
