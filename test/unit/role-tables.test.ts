// Who may take which action is written once: in each process's rules.ts table (shareRoles and the others)
// or, for what belongs to no one process, in referenceRoles. The checks read the table, and the routes
// name it instead of a role list of their own.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { referenceRoles } from '../../api/plugins/auth.js';
import { assessmentRoles } from '../../workflows/assessment/rules.js';
import { actsIn, roles, type Actor, type Role } from '../../workflows/common/actors.js';
import { correctionRoles, reportingRole, reportingRoles } from '../../workflows/correction/rules.js';
import { objectionRoles } from '../../workflows/objection/rules.js';
import { openDataRoles } from '../../workflows/open-data-request/rules.js';
import { shareRoles } from '../../workflows/share-application/rules.js';

const api = fileURLToPath(new URL('../../api/', import.meta.url));
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
const named = roles.join('|');
// A role list (also split over lines), a comparison with a role, or a test for holding one.
const restated = new RegExp(`\\[\\s*'(${named})'|[=!]== '(${named})'|includes\\('(${named})'\\)`, 'g');

describe('role tables', () => {
  // api/plugins/auth.ts is referenceRoles' home, and its rules beside it.
  it.each(
    sources(api)
      .filter((f) => !f.endsWith(join('plugins', 'auth.ts')))
      .map((f) => relative(api, f)),
  )('api/%s names no role of its own', (f) => {
    const found = [...readFileSync(join(api, f), 'utf8').matchAll(restated)].map((m) => m[0]);
    expect(found).toEqual([]);
  });

  it('every table names known roles, each action at least one', () => {
    const tables = { shareRoles, objectionRoles, openDataRoles, assessmentRoles, correctionRoles, referenceRoles };
    for (const [name, table] of Object.entries(tables))
      for (const [action, allowed] of Object.entries(table as Record<string, readonly Role[]>)) {
        expect(allowed.length, `${name}.${action}`).toBeGreaterThan(0);
        for (const r of allowed) expect(roles, `${name}.${action}`).toContain(r);
      }
  });

  it('a correction is filed in a role every principal holds, the bureau first', () => {
    expect([...reportingRoles].sort()).toEqual([...roles].sort());
    expect(reportingRole(['public', 'bureau_admin'])).toBe('bureau_admin');
    expect(reportingRole(['agency_staff', 'agency_reviewer'])).toBe('agency_reviewer');
    expect(reportingRole(['public'])).toBe('public');
  });

  it('the system never acts in a role, whatever the table says', () => {
    const system: Actor = { id: 'system', role: 'system', agency: null };
    expect(actsIn(roles, system)).toBe(false);
    expect(actsIn(['bureau_admin'], { id: 'a', role: 'bureau_admin' })).toBe(true);
    expect(actsIn(['bureau_admin'], { id: 'a', role: 'bureau_admin' }, () => false)).toBe(false);
  });
});
