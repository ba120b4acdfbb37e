// The buttons of an agency's assessment and of the year's cycle (CaseActions): which of the answer's
// actions get one, and how it looks. The agency's forms are in agencySpecs.tsx, loaded at the first click.
import type { ActionButtons } from '../components/CaseActions.tsx';

export const agencyButtons = {
  self_assessment: { primary: true },
  review: { primary: true },
  appeal: {},
  answer_appeal: { primary: true },
  rectification_plan: { primary: true },
  rectification_report: { primary: true },
  verify_rectification: { primary: true },
  assign_assessor: {},
} satisfies ActionButtons;

export const cycleButtons = {
  publish_preliminary: { primary: true },
  publish_final: { primary: true },
} satisfies ActionButtons;
