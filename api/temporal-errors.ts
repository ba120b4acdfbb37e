// Turns what the Temporal client throws into the API's errors: a validator's refusal keeps its
// code (409/403/400), an unreachable server is 503.
import { ServiceError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError, type UpdateDefinition } from '@temporalio/common';
import { AppError, isErrorCode, type FieldProblem } from '../lib/errors.js';

export function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof WorkflowUpdateFailedError) {
    const cause = error.cause;
    if (cause instanceof ApplicationFailure && isErrorCode(cause.type)) {
      const detail = (cause.details?.[0] ?? {}) as { state?: string; errors?: FieldProblem[] };
      return new AppError(cause.type, cause.message, {
        ...(detail.state ? { state: detail.state } : {}),
        ...(detail.errors?.length ? { errors: detail.errors } : {}),
      });
    }
    return new AppError('INTERNAL', `the update failed: ${cause?.message ?? error.message}`);
  }
  if (error instanceof WorkflowNotFoundError) return new AppError('NOT_FOUND', 'the case has no running process');
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError)
    return new AppError('UNAVAILABLE', 'the workflow did not answer in time; retry');
  if (error instanceof ServiceError) return new AppError('UNAVAILABLE', 'Temporal is unavailable; retry shortly');
  return null;
}

/** Runs a Temporal call, rethrowing as AppError where the failure is the client's or a dependency's. */
export async function temporalCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toAppError(error) ?? error;
  }
}

/**
 * Sends an update to a case's workflow. When its process has already ended, nothing awaits the
 * action: 409 INVALID_STATE with the case's recorded state.
 */
export async function updateCase<Ret, Args extends unknown[]>(
  handle: { executeUpdate(update: UpdateDefinition<Ret, Args>, options: { args: Args }): Promise<Ret> },
  update: UpdateDefinition<Ret, Args>,
  args: Args,
  recorded: { noun: string; state: string },
): Promise<Ret> {
  try {
    return await temporalCall(() => handle.executeUpdate(update, { args }));
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') {
      throw new AppError('INVALID_STATE', `the ${recorded.noun} is ${recorded.state}; its process has ended`, {
        state: recorded.state,
      });
    }
    throw error;
  }
}
