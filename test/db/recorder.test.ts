// The record activity of a case (activities/record.ts) against a real database: transitions queued
// together are written in one call — each one's audit event and notices, the read model and the
// work list once, from the last — and a retried call writes nothing twice.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCorrectionActivities } from '../../activities/correction.js';
import type { Database } from '../../db/client.js';
import { listCaseEvents } from '../../db/queries/audit.js';
import { getCaseViews } from '../../db/queries/case.js';
import { getCorrection } from '../../db/queries/correction.js';
import { getResource } from '../../db/queries/catalog.js';
import { notifications } from '../../db/schema/notification.js';
import { systemActor, type Actor } from '../../workflows/common/actors.js';
import { trackDeadline } from '../../workflows/common/deadlines.js';
import type { CorrectionChange, CorrectionState, CorrectionView } from '../../workflows/correction/types.js';
import { freshDatabase } from '../helpers/db.js';
import { agency, resource } from '../helpers/fixtures.js';
import { testLogger } from '../helpers/logger.js';

let database: Database;
let record: (changes: CorrectionChange | CorrectionChange[]) => Promise<void>;
let provider: string;
let data: { id: string; code: string; name: string };
const reporter: Actor = { id: 'citizen-5', name: '举报人', role: 'public', agency: null };

beforeAll(async () => {
  database = await freshDatabase();
  record = createCorrectionActivities({ db: database.db, logger: testLogger }).recordCorrection;
  provider = await agency(database.db);
  data = await resource(database.db, provider, 'unconditional');
});
afterAll(async () => database?.close());

/** The case as its workflow sees it after `version` transitions, and the change that made it. */
function change(
  view: CorrectionView,
  version: number,
  action: string,
  to: CorrectionState,
  notify: CorrectionChange['notify'] = [],
): CorrectionChange {
  const from = version === 1 ? null : view.state;
  const at = new Date(Date.parse('2026-03-02T02:00:00Z') + version * 1000).toISOString();
  const next: CorrectionView = {
    ...view,
    state: to,
    version,
    updatedAt: at,
    verifyDue: to === 'verifying' ? trackDeadline({ from: '2026-03-02', days: 5 }, {}) : null,
  };
  return {
    view: next,
    event: {
      action,
      from,
      to,
      actor: version === 1 ? reporter : systemActor('routing'),
      at,
      reason: null,
      legalBasis: null,
    },
    notify,
  };
}

describe('the record activity', () => {
  it('writes a submission and its routing queued together in one call, and a retry of it writes nothing twice', async () => {
    const id = randomUUID();
    const start: CorrectionView = {
      id,
      state: 'forwarding',
      overdue: false,
      version: 0,
      resource: { id: data.id, code: data.code, name: data.name, providerAgency: provider },
      assignedAgency: provider,
      report: {
        recordRef: 'REC-9',
        field: 'name',
        currentValue: '张三',
        claimedValue: '张叁',
        description: '错',
        evidence: '',
      },
      reporter,
      transferredFrom: null,
      verifyDue: null,
      extension: null,
      outcome: null,
      submittedAt: '2026-03-02T02:00:00.000Z',
      updatedAt: '2026-03-02T02:00:00.000Z',
    };
    const reported = change(start, 1, 'report', 'forwarding');
    const routed = change(reported.view, 2, 'route', 'verifying', [
      { audience: 'agency', recipient: provider, kind: 'correction_to_verify', title: '请核实' },
    ]);

    await record([reported, routed]);
    await record([reported, routed]);

    // Each transition audited once, in order; the notice of the second sent once.
    expect((await listCaseEvents(database.db, id)).map((e) => [e.action, e.fromState, e.toState])).toEqual([
      ['report', null, 'forwarding'],
      ['route', 'forwarding', 'verifying'],
    ]);
    expect(
      (await database.db.select().from(notifications).where(eq(notifications.caseId, id))).map((n) => n.kind),
    ).toEqual(['correction_to_verify']);
    // The read model, the work list and the resource's mark follow the last.
    expect(await getCorrection(database.db, id)).toMatchObject({ state: 'verifying', version: 2 });
    expect((await getCaseViews<CorrectionView>(database.db, 'correction', [id])).get(id)).toMatchObject({
      state: 'verifying',
      version: 2,
    });
    expect((await getResource(database.db, data.id))?.disputed).toBe(true);

    // A single transition later is written as before.
    await record(change(routed.view, 3, 'verify', 'no_change'));
    expect((await listCaseEvents(database.db, id)).map((e) => e.action)).toEqual(['report', 'route', 'verify']);
    expect(await getCorrection(database.db, id)).toMatchObject({ state: 'no_change', version: 3 });
    expect((await getResource(database.db, data.id))?.disputed).toBe(false);
  });
});
