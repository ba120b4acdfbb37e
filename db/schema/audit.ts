import { bigint, bigserial, index, jsonb, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The append-only audit log. Every row carries the hash of the row before it, so an edit or a
 * deletion anywhere breaks the chain (see db/queries/audit.ts verifyAuditChain).
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey(),
    eventKey: text('event_key').notNull().unique(),
    caseType: text('case_type').notNull(),
    caseId: text('case_id').notNull(),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    actorId: text('actor_id').notNull(),
    actorName: text('actor_name'),
    actorRole: text('actor_role').notNull(),
    actorAgency: text('actor_agency'),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    reason: text('reason'),
    legalBasis: text('legal_basis'),
    data: jsonb('data').$type<Record<string, unknown>>(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_events_case_idx').on(t.caseId, t.id),
    // 已办: the cases a person acted on, latest first.
    index('audit_events_actor_idx').on(t.actorId, t.id),
  ],
);

/** The chain's head, written with every event: a deleted tail no longer verifies. */
export const auditChainHead = pgTable('audit_chain_head', {
  singleton: smallint('singleton').primaryKey().default(1),
  lastId: bigint('last_id', { mode: 'number' }).notNull(),
  lastHash: text('last_hash').notNull(),
});

/**
 * Signed checkpoints of the chain's head (count, hash, time), written on a schedule and copied to a
 * directory the city keeps elsewhere (AUDIT_CHECKPOINT_DIR): verification against one detects a cut
 * tail or a chain rewritten from scratch. Append-only, like the events.
 */
export const auditCheckpoints = pgTable('audit_checkpoints', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  lastId: bigint('last_id', { mode: 'number' }).notNull(),
  lastHash: text('last_hash').notNull(),
  at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  signature: text('signature').notNull(),
});
