// Access credentials (访问凭证) of live grants (共享申请, P1) and of active open-data access (有条件开放, P3):
// issued by the API itself, shown once, stored as a hash, and checked by the data gateway.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../db/client.js';
import { findCredential, getOpenDataRequest, issueCredential } from '../db/queries/open-data-request.js';
import { getShareApplication } from '../db/queries/share-application.js';
import { checkCredentialRotation, openDataRoles } from '../workflows/open-data-request/rules.js';
import type { OpenDataView } from '../workflows/open-data-request/types.js';
import { checkCredential, shareRoles } from '../workflows/share-application/rules.js';
import type { ShareApplicationView } from '../workflows/share-application/types.js';
import { refuseUnless } from './case-actions.js';
import { loadCase, roleOn } from './cases.js';
import { openDataCases } from './open-data-requests.js';
import { actorOf, type Principal } from './plugins/auth.js';
import { shareCases } from './share-applications.js';

export const credentialHash = (credential: string): string => createHash('sha256').update(credential).digest('hex');

/** A new random credential for a case, shown once; only its hash is stored, and earlier ones stop working. */
export async function newCredential(
  db: Db,
  kind: 'open_data' | 'share',
  caseId: string,
  holder: string,
): Promise<string> {
  const credential = `sdc_${randomBytes(32).toString('base64url')}`;
  await issueCredential(db, { id: randomUUID(), hash: credentialHash(credential), kind, caseId, holder });
  return credential;
}

/** A credential as its holder sees it, once. */
export interface CredentialAnswer {
  credential: string;
  expiresAt: string;
}

/** processes.md P1: the applicant's staff fetch (or rotate) the credential of a live grant (checkCredential). */
export async function issueShareCredential(db: Db, p: Principal, id: string): Promise<CredentialAnswer> {
  const row = await loadCase(db, shareCases, p, id);
  const role = roleOn(shareCases, p, row, shareRoles.credential);
  const v = await refuseUnless(db, 'share-application', row.id, row.state, (view: ShareApplicationView) =>
    checkCredential(view, actorOf(p, role)),
  );
  return { credential: await newCredential(db, 'share', row.id, row.applicantAgency), expiresAt: v.grant!.expiresAt };
}

/** processes.md P3: the requester rotates the credential of active access (checkCredentialRotation). */
export async function rotateOpenDataCredential(db: Db, p: Principal, id: string): Promise<CredentialAnswer> {
  const row = await loadCase(db, openDataCases, p, id);
  const role = roleOn(openDataCases, p, row, openDataRoles.credential);
  const v = await refuseUnless(db, 'open-data-request', row.id, row.state, (view: OpenDataView) =>
    checkCredentialRotation(view, actorOf(p, role)),
  );
  return { credential: await newCredential(db, 'open_data', row.id, row.requesterName), expiresAt: v.expiresAt! };
}

/** What the gateway learns of a credential (RFC 7662 style): live or not, and for what. */
export type Introspection =
  | { active: false }
  | {
      active: true;
      kind: 'open_data' | 'share';
      resourceId: string;
      fields: string[];
      expiresAt: string;
      holder: string;
    };

/** processes.md P1 / P3 (gateway): a credential is live while its grant or its access is. */
export async function introspectCredential(db: Db, credential: string, nowMs: number): Promise<Introspection> {
  const row = await findCredential(db, credentialHash(credential));
  if (!row || row.revokedAt) return { active: false };
  if (row.kind === 'open_data') {
    const r = await getOpenDataRequest(db, row.caseId);
    if (!r || r.state !== 'active' || !r.expiresAt || r.expiresAt.getTime() < nowMs) return { active: false };
    return {
      active: true,
      kind: 'open_data',
      resourceId: r.resourceId,
      fields: r.fields,
      expiresAt: r.expiresAt.toISOString(),
      holder: r.requesterName,
    };
  }
  const s = await getShareApplication(db, row.caseId);
  if (
    !s?.grant ||
    s.application.state !== 'granted' ||
    s.grant.state !== 'active' ||
    s.grant.expiresAt.getTime() < nowMs
  )
    return { active: false };
  return {
    active: true,
    kind: 'share',
    resourceId: s.grant.resourceId,
    fields: s.grant.fields,
    expiresAt: s.grant.expiresAt.toISOString(),
    holder: s.grant.applicantAgency,
  };
}
