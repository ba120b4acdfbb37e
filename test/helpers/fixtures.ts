// Reference data written straight to the database, with unique codes per test.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { createAgency } from '../../db/queries/agency.js';
import { createResource, type ResourceRow } from '../../db/queries/catalog.js';
import type { ShareType } from '../../db/schema/catalog.js';

export const uniq = (prefix: string): string => `${prefix}${randomBytes(4).toString('hex')}`.toUpperCase();

export async function agency(db: Db, code = uniq('AG')): Promise<string> {
  await createAgency(db, { code, name: `Agency ${code}`, level: 'municipal' });
  return code;
}

export async function resource(db: Db, provider: string, shareType: ShareType): Promise<ResourceRow> {
  const row = await createResource(db, {
    code: uniq('RES'),
    name: 'Business licences',
    providerAgency: provider,
    fields: [{ name: 'name' }, { name: 'licence_no' }, { name: 'legal_person_id', personal: true }],
    shareType,
    openType: 'not_open',
    legalBasis: shareType === 'unconditional' ? null : '《中华人民共和国数据安全法》第三十八条',
    updateCycle: 'monthly',
    createdBy: 'fixture',
  });
  return row!;
}
