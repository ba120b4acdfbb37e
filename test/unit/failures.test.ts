// Activities' failures classified (activities/failures.ts): data and constraint errors fail for good,
// connection troubles and conflicts are retried.
import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { classified } from '../../activities/failures.js';
import { isPermanent, isUnavailable, sqlState } from '../../lib/db-errors.js';

const pgError = (code: string, message = 'boom') => Object.assign(new Error(message), { code });
const wrapped = (cause: Error) => Object.assign(new Error('Failed query: insert into …'), { cause });

describe('failure classification', () => {
  it.each([
    ['22P05', true, 'unsupported Unicode escape sequence (a lone surrogate in jsonb)'],
    ['22007', true, 'invalid datetime format'],
    ['23505', true, 'unique violation'],
    ['23503', true, 'foreign key violation'],
    ['42P01', true, 'undefined table'],
    ['40001', false, 'serialization failure'],
    ['40P01', false, 'deadlock'],
    ['08006', false, 'connection failure'],
    ['57P01', false, 'admin shutdown'],
    ['53300', false, 'too many connections'],
  ])('SQLSTATE %s is permanent: %s (%s)', (code, permanent) => {
    expect(isPermanent(pgError(code))).toBe(permanent);
    expect(isPermanent(wrapped(pgError(code)))).toBe(permanent);
  });

  it.each([
    ['08006', true],
    ['57P01', true],
    ['53300', true],
    ['ECONNREFUSED', true],
    ['CONNECTION_CLOSED', true],
    ['CONNECT_TIMEOUT', true],
    ['22P05', false],
    ['40001', false],
    ['ERR_SOMETHING', false],
  ])('a database error coded %s means the database is unavailable: %s', (code, unavailable) => {
    expect(isUnavailable(wrapped(pgError(code)))).toBe(unavailable);
  });

  it('reads a Node system error as a connection trouble, not a SQLSTATE (EPIPE has five capitals too)', () => {
    const pipe = Object.assign(new Error('write EPIPE'), { code: 'EPIPE', syscall: 'write', errno: -32 });
    expect(sqlState(pipe)).toBeNull();
    expect(isUnavailable(pipe)).toBe(true);
    expect(isPermanent(pipe)).toBe(false);
  });

  it('retries what carries no SQLSTATE: a reset connection, a timeout, a bug', () => {
    expect(sqlState(pgError('ECONNRESET'))).toBeNull();
    expect(isPermanent(pgError('ECONNRESET'))).toBe(false);
    expect(isPermanent(pgError('CONNECT_TIMEOUT'))).toBe(false);
    expect(isPermanent(new TypeError("Cannot read properties of null (reading 'write')"))).toBe(false);
  });

  it('turns a permanent failure into a non-retryable UNRECORDABLE one, naming the state, and passes the rest on', async () => {
    const refused = classified('recordShareChange', async () => {
      throw wrapped(pgError('22P05', 'unsupported Unicode escape sequence\nDETAIL: \\ud800 …'));
    });
    const error = await refused().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApplicationFailure);
    expect(error).toMatchObject({
      type: 'UNRECORDABLE',
      nonRetryable: true,
      message: 'recordShareChange: the database refused the step (SQLSTATE 22P05): unsupported Unicode escape sequence',
      details: [{ sqlState: '22P05' }],
    });
    const reset = pgError('ECONNRESET');
    const transient = classified('recordShareChange', async () => {
      throw reset;
    });
    await expect(transient()).rejects.toBe(reset);
    expect(await classified('ok', async (n: number) => n + 1)(1)).toBe(2);
  });
});
