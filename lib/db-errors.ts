// What a database error means for whoever met it, from PostgreSQL's SQLSTATE or the driver's code:
// permanent (the data or the statement is wrong: retrying cannot help), unavailable (the database
// cannot be reached or is shutting down: retry later), or neither.

/** The SQLSTATE of a PostgreSQL error (postgres.js or PGlite), looked for along the `cause` chain. */
export function sqlState(error: unknown): string | null {
  for (const e of causes(error)) {
    const { code, syscall } = e as { code?: unknown; syscall?: unknown };
    // A Node system error (EPIPE has five capitals too) names a syscall; a SQLSTATE always has a digit.
    if (typeof code === 'string' && !syscall && /^[0-9A-Z]{5}$/.test(code) && /\d/.test(code)) return code;
  }
  return null;
}

// SQLSTATE classes that say the statement itself is wrong for the data: 22 data exception (a lone
// surrogate in jsonb, a value out of range), 23 integrity constraint, 42 syntax or access rule.
const permanentClasses = new Set(['22', '23', '42']);

/** True when retrying cannot help: the database refused the data or the statement. */
export function isPermanent(error: unknown): boolean {
  const state = sqlState(error);
  return !!state && permanentClasses.has(state.slice(0, 2));
}

// The driver's own codes for a connection that could not be made or was lost (postgres.js and Node).
const connectionCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
]);
// SQLSTATE classes of a database that is not there for now: 08 connection exception, 53 insufficient
// resources (too many connections), 57 operator intervention (shutting down, starting up).
const unavailableClasses = new Set(['08', '53', '57']);

/** True when the database cannot be reached, or refuses work for now: the client should retry later. */
export function isUnavailable(error: unknown): boolean {
  const state = sqlState(error);
  if (state) return unavailableClasses.has(state.slice(0, 2));
  return causes(error).some((e) => connectionCodes.has(String((e as { code?: unknown }).code ?? '')));
}

function causes(error: unknown): unknown[] {
  const found: unknown[] = [];
  for (let e: unknown = error; e && found.length < 5; e = (e as { cause?: unknown }).cause) found.push(e);
  return found;
}
