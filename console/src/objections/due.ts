// What an objection waits for now: the deadline of its current stage, in the glossary's words.
import { terms } from '@glossary';
import type { Schemas } from '../api/client.ts';

type Objection = Schemas['Objection'];

/** The deadline the objection runs against now: negotiation, then coordination. */
export function currentDue(o: Objection): { label: string; dueDate: string | null } | null {
  if (o.state === 'negotiating') return { label: terms.negotiationDue, dueDate: o.negotiationDueDate };
  if (o.state === 'coordinating') return { label: terms.coordinationDue, dueDate: o.coordinationDueDate };
  return null;
}
