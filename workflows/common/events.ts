// What a transition of any case writes besides its read model: the audit event (审批记录) and the
// notifications it sends. JSON-safe types shared by the workflows (which produce them) and by db/
// (which writes them); workflows/ imports nothing from db/, so they live here.
import type { Actor } from './actors.js';

/** One transition's audit event. */
export interface CaseEvent {
  action: string;
  from: string | null;
  to: string;
  actor: Actor;
  at: string;
  reason: string | null;
  legalBasis: string | null;
  data?: Record<string, unknown>;
}

/** A notice a transition sends: to a person, an agency, or the bureau. */
export interface NotificationSpec {
  audience: 'user' | 'agency' | 'bureau';
  recipient: string | null;
  kind: string;
  title: string;
  body?: string;
}
