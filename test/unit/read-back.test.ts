// A create or an action whose case is already durable answers with the case when the database fails
// just then (issue: hardening, item 10): the read back waits out a cut connection, and a database that
// stays away is a 503 naming the case, never an error a client would take for a refusal.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readBack } from '../../api/cases.js';
import { AppError } from '../../lib/errors.js';

const cut = () => Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('readBack', () => {
  it('answers once the connection is back, after reads cut mid-way', async () => {
    let calls = 0;
    const answer = readBack('SA-1', 'application', async () => {
      if (++calls <= 3) throw cut();
      return { id: 'SA-1' };
    });
    await vi.runAllTimersAsync();
    await expect(answer).resolves.toEqual({ id: 'SA-1' });
    expect(calls).toBe(4);
  });

  it('says 503 with the case id when the database stays away', async () => {
    let calls = 0;
    const answer = readBack('SA-2', 'application', async () => {
      calls++;
      throw Object.assign(new Error('the database system is shutting down'), { code: '57P01' });
    });
    const settled = answer.catch((error: unknown) => error);
    await vi.runAllTimersAsync();
    const error = (await settled) as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.details).toEqual({ caseId: 'SA-2' });
    expect(error.message).toContain('SA-2');
    expect(calls).toBeGreaterThan(3);
  });

  it('passes any other failure straight through, without waiting', async () => {
    let calls = 0;
    const refused = new AppError('NOT_FOUND', 'no such share application');
    await expect(
      readBack('SA-3', 'application', async () => {
        calls++;
        throw refused;
      }),
    ).rejects.toBe(refused);
    expect(calls).toBe(1);
  });
});

describe('readBack against a database that hangs', () => {
  it('stops waiting within its budget and names the case', async () => {
    let calls = 0;
    const answer = readBack('SA-4', 'application', () => {
      calls++;
      return new Promise<never>(() => {}); // a read that never answers (packets dropped)
    });
    const settled = answer.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(6_000);
    const error = (await settled) as AppError;
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.details).toEqual({ caseId: 'SA-4' });
    expect(calls).toBe(1);
  });
});
