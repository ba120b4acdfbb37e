// The correction's buttons (CaseActions): which of the answer's actions get one, and how it looks.
// Their forms are in actions.tsx, loaded at the first click.
import type { ActionButtons } from '../components/CaseActions.tsx';

export const correctionButtons = {
  extend: {},
  verify: { primary: true },
  return: {},
  forward: { primary: true },
} satisfies ActionButtons;
