// The share application's buttons (CaseActions): which of the answer's actions get one, and how it
// looks. Their forms are in actions.tsx, loaded at the first click.
import type { ActionButtons } from '../components/CaseActions.tsx';

export const shareButtons = {
  approve: { primary: true },
  reject: { danger: true },
  request_supplement: {},
  extend: {},
  supplement: { primary: true },
  withdraw: { danger: true },
  urge: {},
  renew: {},
  credential: {},
  revoke: { danger: true },
  object: { primary: true },
} satisfies ActionButtons;
