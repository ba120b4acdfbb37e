// Who may take which action is written once: in each process's rules.ts table (shareRoles and the others)
// or, for what belongs to no one process, in referenceRoles. The checks read the table, and the routes
// name it instead of a role list of their own.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { referenceRoles } from '../../api/plugins/auth.js';
import { assessmentRoles } from '../../workflows/assessment/rules.js';
import { actsIn, roles, type Actor, type Role } from '../../workflows/common/actors.js';
import { correctionRoles } from '../../workflows/correction/rules.js';
import { objectionRoles } from '../../workflows/objection/rules.js';
import { openDataRoles } from '../../workflows/open-data-request/rules.js';
import { shareRoles } from '../../workflows/share-application/rules.js';

const routes = fileURLToPath(new URL('../../api/routes/', import.meta.url));
const roleList = new RegExp(`\\[\\s*'(${roles.join('|')})'`);

describe('role tables', () => {
  it.each(readdirSync(routes).filter((f) => f.endsWith('.ts')))('api/routes/%s names no role list of its own', (f) => {
    const lines = readFileSync(join(routes, f), 'utf8')
      .split('\n')
      .map((line, i) => ({ line: line.trim(), at: i + 1 }))
      .filter(({ line }) => roleList.test(line));
    expect(lines).toEqual([]);
  });

  it('every table names known roles, each action at least one', () => {
    const tables = { shareRoles, objectionRoles, openDataRoles, assessmentRoles, correctionRoles, referenceRoles };
    for (const [name, table] of Object.entries(tables))
      for (const [action, allowed] of Object.entries(table as Record<string, readonly Role[]>)) {
        expect(allowed.length, `${name}.${action}`).toBeGreaterThan(0);
        for (const r of allowed) expect(roles, `${name}.${action}`).toContain(r);
      }
  });

  it('the system never acts in a role, whatever the table says', () => {
    const system: Actor = { id: 'system', role: 'system', agency: null };
    expect(actsIn(roles, system)).toBe(false);
    expect(actsIn(['bureau_admin'], { id: 'a', role: 'bureau_admin' })).toBe(true);
    expect(actsIn(['bureau_admin'], { id: 'a', role: 'bureau_admin' }, () => false)).toBe(false);
  });
});
