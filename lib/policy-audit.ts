// The policy in force (every day count of the rules, with the city's overrides) is reference data: each
// process that starts records it on the audit chain, once per distinct policy (keyed by its digest),
// so the chain shows which rules were in force from when.
import { createHash } from 'node:crypto';
import type { Db } from '../db/client.js';
import { canonicalJson, recordReferenceChange } from '../db/queries/audit.js';
import type { Policy } from '../policy/index.js';

/** Records the policy once; answers its digest and whether this start recorded it. */
export async function recordPolicyInForce(db: Db, policy: Policy, process: string) {
  const digest = createHash('sha256').update(canonicalJson(policy)).digest('hex').slice(0, 16);
  const row = await db.transaction((tx) =>
    recordReferenceChange(tx, {
      kind: 'policy',
      id: digest,
      action: 'policy_in_force',
      actor: { id: 'system', name: process, role: 'system' },
      data: { ...policy },
      eventKey: `reference:policy:${digest}`,
    }),
  );
  return { digest, recorded: row !== null };
}
