// The audit chain's pure parts (docs/processes.md "Audit"): canonical JSON and the hash of one event. An
// edit to any recorded field, or to the link, must change the hash; a jsonb round trip must not.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, canonicalJson, hashAuditEvent, type NewAuditEvent } from '../../db/queries/audit.js';

type StoredEvent = NewAuditEvent & { id: number };

/** The first event of a case: a share application submitted on Mon 2026-03-02, 10:00 local. */
const submitted = (): StoredEvent => ({
  id: 1,
  eventKey: 'share-application:app-1:1',
  caseType: 'share_application',
  caseId: 'app-1',
  action: 'submit',
  fromState: null,
  toState: 'pending_review',
  actorId: 'u-zhang',
  actorName: 'Zhang San',
  actorRole: 'agency_staff',
  actorAgency: 'AG-APPLICANT',
  at: new Date('2026-03-02T02:00:00.000Z'),
  reason: null,
  legalBasis: null,
  data: { reviewDueDate: '2026-03-16', fields: ['name', 'licence_no'] },
});

const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

describe('canonicalJson', () => {
  it.each([
    ['a number', 42, '42'],
    ['a fraction', 1.5, '1.5'],
    ['a string', '滨州', '"滨州"'],
    ['a boolean', true, 'true'],
    ['null', null, 'null'],
    ['undefined, as null', undefined, 'null'],
    ['an empty object', {}, '{}'],
    ['an empty array', [], '[]'],
  ])('writes %s as %s', (_, value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('sorts the keys of an object', () => {
    expect(canonicalJson({ b: 1, a: 2, c: 3 })).toBe('{"a":2,"b":1,"c":3}');
  });

  it('sorts keys at every depth, inside arrays too, and keeps array order', () => {
    const value = { z: { y: 1, x: [{ d: 1, c: 2 }, 3, { f: { h: 1, g: 2 } }] }, a: null };
    expect(canonicalJson(value)).toBe('{"a":null,"z":{"x":[{"c":2,"d":1},3,{"f":{"g":2,"h":1}}],"y":1}}');
  });

  it('keeps arrays in their own order', () => {
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
  });

  it('sorts by UTF-16 code unit: upper case before lower case, "10" before "9"', () => {
    // Object.entries would list the integer-like keys first in numeric order (9, 10).
    expect(canonicalJson({ b: 1, a: 1, B: 1, 9: 'nine', 10: 'ten' })).toBe('{"10":"ten","9":"nine","B":1,"a":1,"b":1}');
  });

  it('is the same whatever order the keys were inserted in, at every depth', () => {
    const one = {
      case: { id: 'app-1', state: 'granted' },
      fields: ['name', 'licence_no'],
      at: { date: '2026-03-10', zone: 'Asia/Shanghai' },
    };
    const other = {
      at: { zone: 'Asia/Shanghai', date: '2026-03-10' },
      fields: ['name', 'licence_no'],
      case: { state: 'granted', id: 'app-1' },
    };
    expect(JSON.stringify(one)).not.toBe(JSON.stringify(other));
    expect(canonicalJson(one)).toBe(canonicalJson(other));
    expect(canonicalJson(one)).toBe(
      '{"at":{"date":"2026-03-10","zone":"Asia/Shanghai"},"case":{"id":"app-1","state":"granted"},"fields":["name","licence_no"]}',
    );
  });

  it('still tells different arrays apart: order inside an array matters', () => {
    expect(canonicalJson({ fields: ['name', 'licence_no'] })).not.toBe(
      canonicalJson({ fields: ['licence_no', 'name'] }),
    );
  });

  it('drops keys whose value is undefined, as JSON and jsonb do', () => {
    expect(canonicalJson({ a: undefined, b: 1, c: { d: undefined } })).toBe('{"b":1,"c":{}}');
  });

  it('writes undefined inside an array as null, as JSON does', () => {
    expect(canonicalJson([undefined, 1])).toBe('[null,1]');
  });

  it('escapes keys and strings as JSON does', () => {
    expect(canonicalJson({ 'a"b': 'line\nbreak', '\\': '\u0001' })).toBe('{"\\\\":"\\u0001","a\\"b":"line\\nbreak"}');
  });

  it('equals JSON.stringify for an object whose keys are already sorted', () => {
    const sorted = { action: 'approve', data: { conditions: null, fields: ['name'] }, id: 7 };
    expect(canonicalJson(sorted)).toBe(JSON.stringify(sorted));
  });
});

describe('hashAuditEvent', () => {
  it('hashes the previous hash, a newline and the canonical JSON of every recorded field', () => {
    const body =
      '{"action":"submit","actorAgency":"AG-APPLICANT","actorId":"u-zhang","actorName":"Zhang San","actorRole":"agency_staff",' +
      '"at":"2026-03-02T02:00:00.000Z","caseId":"app-1","caseType":"share_application",' +
      '"data":{"fields":["name","licence_no"],"reviewDueDate":"2026-03-16"},"eventKey":"share-application:app-1:1",' +
      '"fromState":null,"id":1,"legalBasis":null,"reason":null,"toState":"pending_review"}';
    expect(hashAuditEvent(submitted(), GENESIS_HASH)).toBe(sha256Hex(`${'0'.repeat(64)}\n${body}`));
  });

  it('starts the chain from 64 zeros', () => {
    expect(GENESIS_HASH).toBe('0000000000000000000000000000000000000000000000000000000000000000');
  });

  it('gives a 64-character lower-case hex digest', () => {
    expect(hashAuditEvent(submitted(), GENESIS_HASH)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the same hash for the same event built twice', () => {
    expect(hashAuditEvent(submitted(), GENESIS_HASH)).toBe(hashAuditEvent(submitted(), GENESIS_HASH));
  });

  // One edit per recorded field: each must show in the hash.
  const edits: [field: keyof StoredEvent, value: StoredEvent[keyof StoredEvent]][] = [
    ['id', 2],
    ['eventKey', 'share-application:app-1:2'],
    ['caseType', 'objection'],
    ['caseId', 'app-2'],
    ['action', 'approve'],
    ['fromState', 'pending_review'],
    ['toState', 'granted'],
    ['actorId', 'u-li'],
    ['actorName', null],
    ['actorRole', 'agency_reviewer'],
    ['actorAgency', null],
    ['at', new Date('2026-03-02T02:00:00.001Z')],
    ['reason', 'urgent licence checks'],
    ['legalBasis', 'Data Security Law, Art. 38'],
    ['data', null],
    ['data', {}],
    ['data', { reviewDueDate: '2026-03-17', fields: ['name', 'licence_no'] }],
    ['data', { reviewDueDate: '2026-03-16', fields: ['licence_no', 'name'] }],
    ['data', { reviewDueDate: '2026-03-16', fields: ['name', 'licence_no'], extra: true }],
  ];

  it.each(edits)('changes when %s becomes %j', (field, value) => {
    const original = submitted();
    const edited = { ...submitted(), [field]: value } as StoredEvent;
    expect(edited[field]).not.toEqual(original[field]);
    expect(hashAuditEvent(edited, GENESIS_HASH)).not.toBe(hashAuditEvent(original, GENESIS_HASH));
  });

  it('tells a null state from the string "null"', () => {
    expect(hashAuditEvent({ ...submitted(), fromState: 'null' }, GENESIS_HASH)).not.toBe(
      hashAuditEvent(submitted(), GENESIS_HASH),
    );
  });

  it('depends on the previous hash', () => {
    const prev = sha256Hex('an earlier event');
    expect(hashAuditEvent(submitted(), prev)).not.toBe(hashAuditEvent(submitted(), GENESIS_HASH));
    expect(hashAuditEvent(submitted(), prev)).toBe(hashAuditEvent(submitted(), prev));
  });

  it('carries an edit of one event into the hash of the next', () => {
    const second: StoredEvent = {
      ...submitted(),
      id: 2,
      eventKey: 'share-application:app-1:2',
      action: 'approve',
      fromState: 'pending_review',
      toState: 'granted',
      actorId: 'u-li',
      actorName: 'Li Si',
      actorRole: 'agency_reviewer',
      actorAgency: 'AG-PROVIDER',
      at: new Date('2026-03-10T02:00:00.000Z'),
      data: { fields: ['name'], expiresDate: '2026-09-10' },
    };
    const honest = hashAuditEvent(second, hashAuditEvent(submitted(), GENESIS_HASH));
    const afterEdit = hashAuditEvent(second, hashAuditEvent({ ...submitted(), actorName: 'Wang Wu' }, GENESIS_HASH));
    expect(afterEdit).not.toBe(honest);
  });

  it('is the same when data comes back from jsonb with its keys in another order', () => {
    const written = {
      ...submitted(),
      data: {
        reviewDueDate: '2026-03-16',
        fields: ['name', 'licence_no'],
        notify: { kind: 'submitted', audience: 'agency' },
      },
    };
    const readBack = {
      ...submitted(),
      data: {
        notify: { audience: 'agency', kind: 'submitted' },
        fields: ['name', 'licence_no'],
        reviewDueDate: '2026-03-16',
      },
    };
    expect(hashAuditEvent(readBack, GENESIS_HASH)).toBe(hashAuditEvent(written, GENESIS_HASH));
  });

  it('is the same when the row comes back with its columns in another order and a new Date for the same instant', () => {
    const e = submitted();
    const row: StoredEvent = {
      data: { fields: ['name', 'licence_no'], reviewDueDate: '2026-03-16' },
      legalBasis: e.legalBasis,
      reason: e.reason,
      at: new Date(Date.parse('2026-03-02T10:00:00+08:00')),
      actorAgency: e.actorAgency,
      actorRole: e.actorRole,
      actorName: e.actorName,
      actorId: e.actorId,
      toState: e.toState,
      fromState: e.fromState,
      action: e.action,
      caseId: e.caseId,
      caseType: e.caseType,
      eventKey: e.eventKey,
      id: e.id,
    };
    expect(hashAuditEvent(row, GENESIS_HASH)).toBe(hashAuditEvent(e, GENESIS_HASH));
  });

  it('ignores columns that are not part of the event (the stored hashes themselves)', () => {
    const row = { ...submitted(), prevHash: GENESIS_HASH, hash: 'f'.repeat(64) };
    expect(hashAuditEvent(row, GENESIS_HASH)).toBe(hashAuditEvent(submitted(), GENESIS_HASH));
  });
});

describe('dates inside event data', () => {
  it('hashes a Date as its ISO string, which is what jsonb gives back', () => {
    const at = new Date('2026-11-23T08:00:00.000Z');
    expect(canonicalJson({ at })).toBe(canonicalJson({ at: '2026-11-23T08:00:00.000Z' }));
  });
});
