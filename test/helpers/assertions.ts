// Assertions and waits shared by the test files.
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { expect } from 'vitest';

/** An RFC 9457 problem document with this status and stable code. */
export function expectProblem(
  res: { status: number; body: any; contentType: string },
  status: number,
  code: string,
): void {
  expect(res.contentType).toContain('application/problem+json');
  expect(res.body).toMatchObject({
    status,
    code,
    type: expect.any(String),
    title: expect.any(String),
    detail: expect.any(String),
  });
  expect(res.status).toBe(status);
}

/** Polls until `ok` holds (a signal or a timer is applied in a later workflow task than a query sees). */
export async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, tries = 200): Promise<T> {
  let value = await read();
  for (let i = 0; i < tries && !ok(value); i++) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

/** The error code of an update that a workflow's validator (or handler) refused. */
export async function refusal(p: Promise<unknown>): Promise<string | undefined> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (error as WorkflowUpdateFailedError).cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  return (cause as ApplicationFailure).type ?? undefined;
}
